import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { readJson } from '../../http/read-json.ts';
import { staffOf } from '../../http/require-staff.ts';
import {
  type CommandContext,
  commandContext,
  createDraft,
  publishListing,
  removeListing,
} from './listing-commands.ts';
import { importListingsCsv } from './listing-import.ts';
import { listForStaff } from './listing-queries.ts';

const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** Staff API for listings (CONTRACT.md): create, list, CSV import, publish, remove. */
export function registerAdminListings(app: Hono<AppEnv>, deps: AppDeps): void {
  const ctx: CommandContext = commandContext(deps);

  app.post('/api/v1/admin/listings', async (c) => {
    const body = await readJson(c);
    return c.json(await createDraft(ctx, staffOf(c), body), 201);
  });

  app.get('/api/v1/admin/listings', async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && status !== 'draft' && status !== 'published' && status !== 'removed') {
      throw new ApiError('INVALID_PARAMETER', {
        field: 'status',
        message: '状态只能是 draft、published 或 removed。',
      });
    }
    const pageRaw = c.req.query('page') ?? '1';
    if (!/^\d+$/.test(pageRaw) || Number(pageRaw) < 1) {
      throw new ApiError('INVALID_PARAMETER', { field: 'page', message: '页码必须是大于 0 的整数。' });
    }
    return c.json(await listForStaff(deps, staffOf(c), { status, page: Number(pageRaw) }));
  });

  app.post('/api/v1/admin/listings/import', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^(text\/csv|application\/csv|text\/plain|application\/octet-stream)/i.test(type)) {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', { message: '请以 text/csv 格式上传 CSV 文件。' });
    }
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > MAX_CSV_BYTES)
      throw new ApiError('PAYLOAD_TOO_LARGE', {
        message: 'CSV 文件不能超过 20 MB，请分批导入或使用命令行导入工具。',
      });
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > MAX_CSV_BYTES)
      throw new ApiError('PAYLOAD_TOO_LARGE', {
        message: 'CSV 文件不能超过 20 MB，请分批导入或使用命令行导入工具。',
      });
    return c.json(await importListingsCsv(ctx, staffOf(c), bytes));
  });

  app.post('/api/v1/admin/listings/:id/publish', async (c) => {
    return c.json(await publishListing(ctx, staffOf(c), c.req.param('id')));
  });

  app.post('/api/v1/admin/listings/:id/remove', async (c) => {
    const body = await readJson(c);
    const reason = body && typeof body === 'object' ? (body as Record<string, unknown>).reason : undefined;
    const note = body && typeof body === 'object' ? (body as Record<string, unknown>).note : undefined;
    return c.json(
      await removeListing(
        ctx,
        staffOf(c),
        c.req.param('id'),
        reason,
        typeof note === 'string' ? note.slice(0, 500) : undefined,
        body && typeof body === 'object' ? (body as Record<string, unknown>).eventDate : undefined,
      ),
    );
  });
}
