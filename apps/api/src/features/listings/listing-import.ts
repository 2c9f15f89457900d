import { MAX_REPORTED_REJECTIONS } from '@portal/contract';
import { appendAudit, insertListings } from '@portal/db';
import { type NormalizedDraft, parseListingCsv, todayInChina } from '@portal/domain';
import { sql } from 'drizzle-orm';
import { ApiError } from '../../errors.ts';
import type { StaffPrincipal } from '../staff/staff-auth.ts';
import { findDuplicates } from './import-duplicates.ts';
import type { CommandContext } from './listing-commands.ts';
import { relistingBarFor } from './relisting-bar.ts';

export interface ImportRejection {
  row: number;
  code: string;
  message: string;
  field?: string;
  /** DUPLICATE: the listing that already holds this case number and identifier */
  listingId?: string;
}

export interface ImportResult {
  created: number;
  /** the first `MAX_REPORTED_REJECTIONS` problems, by row number (a row may have several) */
  rejected: ImportRejection[];
  /** every refused row, listed or not, each counted once */
  rejectedTotal: number;
  /** every problem found, listed or not (≥ rejectedTotal: a row may have several) */
  problemsTotal: number;
  /** how many of the refused rows are duplicates of stored listings (already imported) */
  duplicates: number;
  ids: string[];
}

/** serialises imports, so two uploads of one file cannot both miss each other's rows ('impt') */
const IMPORT_LOCK_KEY = 0x696d7074;

const INSERT_BATCH = 500;

/**
 * CSV import: valid rows become drafts in one transaction (with one audit entry naming the ids),
 * invalid rows are reported by spreadsheet row and change nothing. A row without a listing date
 * stores none: the listing is dated by its publication (issue 14 item 9). A row whose case number
 * and identifier already belong to a listing (or to an earlier row of the same file) is reported
 * as `DUPLICATE` with that listing's id, so importing a file twice stores every row once (item 14).
 */
export async function importListingsCsv(
  ctx: CommandContext,
  principal: StaffPrincipal,
  bytes: Uint8Array,
): Promise<ImportResult> {
  const today = todayInChina(ctx.now());
  const parsed = parseListingCsv(bytes, { today });
  const fileCode = parsed.fileError?.code;
  if (fileCode === 'CSV_EMPTY' || fileCode === 'CSV_NO_ROWS') {
    // issue 14 item 13: an empty file or a header without rows is a 400, not "0 created"
    throw new ApiError(fileCode, { message: parsed.fileError!.message, field: 'file' });
  }
  const rejected: ImportRejection[] = [...parsed.rejected];
  const accepted: { row: number; draft: NormalizedDraft; unitId: string | null }[] = [];
  for (const { row, draft } of parsed.rows) {
    const requested = draft.unitId;
    if (principal.role === 'unit_member' && requested && requested !== principal.unitId) {
      rejected.push({ row, code: 'FORBIDDEN', field: 'unitId', message: '您只能为本执行单元录入案件。' });
      continue;
    }
    accepted.push({
      row,
      draft,
      unitId: principal.role === 'unit_member' ? principal.unitId : (requested ?? null),
    });
  }
  const stored = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
    const { fresh: unique, duplicates } = await findDuplicates(tx, ctx.idVault, accepted);
    rejected.push(...duplicates);
    // art. 10 ¶4: a creditor who had the defaulter removed cannot have it listed again for six months
    const fresh: typeof unique = [];
    for (const candidate of unique) {
      const barred = await relistingBarFor(tx, ctx.idVault, candidate.draft, today);
      if (barred)
        rejected.push({
          row: candidate.row,
          code: barred.code,
          field: barred.field,
          message: barred.message,
        });
      else fresh.push(candidate);
    }
    const ids = fresh.map((f) => f.id);
    if (fresh.length === 0) return { ids, duplicates: duplicates.length };
    const drafts = fresh.map((a) => ({
      ...a.draft,
      id: a.id,
      unitId: a.unitId ?? undefined,
      demo: false,
    }));
    await insertListings(tx, drafts, { batchSize: INSERT_BATCH, vault: ctx.idVault });
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'listing.import',
      entity: 'listing',
      entityId: ids[0]!,
      details: { created: ids.length, rejected: rejected.length, duplicates: duplicates.length, ids },
    });
    return { ids, duplicates: duplicates.length };
  });
  rejected.sort((a, b) => a.row - b.row);
  // a file of bad rows must not become a response hundreds of times its size
  return {
    created: stored.ids.length,
    rejected: rejected.slice(0, MAX_REPORTED_REJECTIONS),
    rejectedTotal: new Set(rejected.map((r) => r.row)).size,
    problemsTotal: rejected.length,
    duplicates: stored.duplicates,
    ids: stored.ids,
  };
}
