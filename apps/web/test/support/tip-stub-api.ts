/**
 * A stand-in for the tip and 悬赏 routes, for the tip pages' browser tests (the real flow runs
 * against the real server in tests/e2e/tips-site.test.ts). Records every submission so a test can
 * check what the form sent: the Idempotency-Key, JSON or multipart, the photo count.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PublicReward } from '@portal/contract';
import type { PublicListing } from '@portal/domain';
import type { ApiHandler } from './static-server.ts';
import { jpegSize } from './tip-photo.ts';

export interface SentTip {
  idempotencyKey: string | undefined;
  contentType: string;
  /** JSON body, or the multipart text fields */
  fields: Record<string, unknown>;
  photos: number;
  /** bytes and type of each photo as uploaded */
  photoFiles: { bytes: number; type: string; size: { width: number; height: number } | null }[];
}

export interface TipStub {
  handler: ApiHandler;
  sent: SentTip[];
  /** answers for the next submissions, in order; then 201 */
  nextSubmit: ('network' | 409 | 422 | 429 | 503 | 504)[];
  /** receipt → lookup answer; a receipt not here answers 404 */
  receipts: Map<string, { status: string; statusLabel: string; messages: { at: string; text: string }[] }>;
  lookupLimited: boolean;
  notices: PublicReward[];
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
  return true;
}

const envelope = (code: string, message: string, field?: string) => ({
  error: { code, message, ...(field ? { field } : {}), requestId: 'stub' },
});

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseTip(req: IncomingMessage): Promise<SentTip> {
  const contentType = req.headers['content-type'] ?? '';
  const raw = await readBody(req);
  const key = req.headers['idempotency-key'];
  const idempotencyKey = Array.isArray(key) ? key[0] : key;
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': contentType },
    }).formData();
    const fields: Record<string, unknown> = {};
    const photoFiles: SentTip['photoFiles'] = [];
    for (const [name, value] of form.entries()) {
      if (name === 'photos' && typeof value !== 'string') {
        const size = jpegSize(new Uint8Array(await value.arrayBuffer()));
        photoFiles.push({ bytes: value.size, type: value.type, size });
      } else fields[name] = value;
    }
    return { idempotencyKey, contentType, fields, photos: photoFiles.length, photoFiles };
  }
  const fields = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  return { idempotencyKey, contentType, fields, photos: 0, photoFiles: [] };
}

export function fakeNotice(listing: PublicListing, over: Partial<PublicReward> = {}): PublicReward {
  return {
    id: `R-${listing.id}`,
    listingId: listing.id,
    caseNo: listing.caseNo,
    court: listing.court,
    defaulter: { kind: listing.kind, name: listing.name, amountOwedFen: listing.amountOwedFen },
    terms: { kind: 'rate', percent: 10 },
    termsText: '按实际执行到位金额的 10% 支付悬赏金',
    conditions: ['提供被执行人可供执行的财产线索，经查证属实并执行到位的。'],
    startsAt: '2026-11-01',
    endsAt: '2027-02-28',
    publishedAt: '2026-11-01T02:00:00.000Z',
    applicantName: '某某贸易有限公司',
    courtPhone: '0898-23300000',
    demo: true,
    ...over,
  };
}

export function tipStubApi(listings: readonly PublicListing[]): TipStub {
  const stub: TipStub = {
    sent: [],
    nextSubmit: [],
    receipts: new Map(),
    lookupLimited: false,
    notices: [],
    handler: (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const listing = /^\/api\/v1\/listings\/([^/]+)$/.exec(url.pathname);
      if (listing) {
        const found = listings.find((l) => l.id === decodeURIComponent(listing[1] ?? ''));
        return found
          ? send(res, 200, found)
          : send(res, 404, envelope('LISTING_NOT_FOUND', '该信息已不再公布。'));
      }
      if (url.pathname === '/api/v1/rewards') {
        const id = url.searchParams.get('listingId');
        const items = stub.notices.filter((n) => !id || n.listingId === id);
        return send(res, 200, { items, total: items.length });
      }
      const notice = /^\/api\/v1\/rewards\/([^/]+)$/.exec(url.pathname);
      if (notice) {
        const found = stub.notices.find((n) => n.id === decodeURIComponent(notice[1] ?? ''));
        return found
          ? send(res, 200, found)
          : send(res, 404, envelope('NOT_FOUND', '悬赏公告不存在或已结束。'));
      }
      if (url.pathname === '/api/v1/tips' && req.method === 'POST') {
        void parseTip(req).then((tip) => {
          stub.sent.push(tip);
          const next = stub.nextSubmit.shift();
          if (next === 'network') return req.socket.destroy();
          if (next === 504) {
            res.writeHead(504, { 'content-type': 'text/html' });
            return res.end('<h1>504 Gateway Time-out</h1>');
          }
          if (next === 409)
            return send(res, 409, envelope('IDEMPOTENCY_IN_FLIGHT', '上一次提交仍在处理中。'));
          if (next === 422)
            return send(res, 422, envelope('IDEMPOTENCY_MISMATCH', '内容与先前的提交不一致。'));
          if (next === 429) {
            return send(res, 429, envelope('RATE_LIMITED', '提交过于频繁。'), { 'retry-after': '1200' });
          }
          if (next === 503)
            return send(res, 503, envelope('STORAGE_FULL', '服务器暂时无法保存举报，请稍后再试。'));
          const receipt = '7K3M-Q9TA-2B4C-1X8Z';
          stub.receipts.set(receipt.replace(/-/g, ''), {
            status: 'received',
            statusLabel: '已收到',
            messages: [],
          });
          const claim = tip.fields.rewardNoticeId ? { registrationNo: 3 } : {};
          send(res, 201, { receipt, submittedAt: '2026-11-29T04:05:00.000Z', ...claim });
        });
        return true;
      }
      if (url.pathname === '/api/v1/tips/lookup' && req.method === 'POST') {
        void readBody(req).then((raw) => {
          if (stub.lookupLimited) {
            return send(res, 429, envelope('RATE_LIMITED', '查询过于频繁。'), { 'retry-after': '300' });
          }
          const { receipt } = JSON.parse(raw.toString('utf8')) as { receipt: string };
          const found = stub.receipts.get(receipt.toUpperCase().replace(/[\s-]/g, ''));
          if (!found) return send(res, 404, envelope('RECEIPT_NOT_FOUND', '没有找到这个回执码。'));
          send(res, 200, { ...found, updatedAt: '2026-11-29T04:05:00.000Z', registrationNo: null });
        });
        return true;
      }
      return false;
    },
  };
  return stub;
}
