import { MAX_REPORTED_REJECTIONS } from '@portal/contract';
import { appendAudit, insertListings, newId } from '@portal/db';
import { type NormalizedDraft, parseListingCsv, todayInChina } from '@portal/domain';
import type { StaffPrincipal } from '../staff/staff-auth.ts';
import type { CommandContext } from './listing-commands.ts';

export interface ImportRejection {
  row: number;
  code: string;
  message: string;
  field?: string;
}

export interface ImportResult {
  created: number;
  /** the first `MAX_REPORTED_REJECTIONS` refused rows, by row number */
  rejected: ImportRejection[];
  /** every refused row, listed or not */
  rejectedTotal: number;
  ids: string[];
}

const INSERT_BATCH = 500;

/**
 * CSV import (a row without a listing date gets the import day, as the domain parser defaults it): valid rows become drafts in one transaction (with one audit entry naming the ids),
 * invalid rows are reported by spreadsheet row and change nothing.
 */
export async function importListingsCsv(
  ctx: CommandContext,
  principal: StaffPrincipal,
  bytes: Uint8Array,
): Promise<ImportResult> {
  const parsed = parseListingCsv(bytes, { today: todayInChina(ctx.now()) });
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
  const ids = accepted.map(() => newId('L'));
  if (accepted.length > 0) {
    await ctx.db.transaction(async (tx) => {
      const drafts = accepted.map((a, i) => ({
        ...a.draft,
        id: ids[i]!,
        unitId: a.unitId ?? undefined,
        demo: false,
      }));
      await insertListings(tx, drafts, { batchSize: INSERT_BATCH });
      await appendAudit(tx, {
        actor: principal.staffId,
        action: 'listing.import',
        entity: 'listing',
        entityId: ids[0]!,
        details: { created: ids.length, rejected: rejected.length, ids },
      });
    });
  }
  rejected.sort((a, b) => a.row - b.row);
  // a file of bad rows must not become a response hundreds of times its size
  return {
    created: accepted.length,
    rejected: rejected.slice(0, MAX_REPORTED_REJECTIONS),
    rejectedTotal: rejected.length,
    ids,
  };
}
