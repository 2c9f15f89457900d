import { appendAudit } from '@portal/db';
import { listings } from '@portal/db/schema';
import { type NormalizedDraft, parseListingCsv, todayInChina } from '@portal/domain';

import type { CommandContext } from './listing-commands.ts';
import { draftToRow, newListingId } from './listing-rows.ts';
import type { StaffPrincipal } from './staff-auth.ts';

export interface ImportRejection {
  row: number;
  code: string;
  message: string;
  field?: string;
}

export interface ImportResult {
  created: number;
  rejected: ImportRejection[];
  ids: string[];
}

const INSERT_BATCH = 500;

/**
 * CSV import: valid rows become drafts in one transaction (with one audit entry naming the ids),
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
    accepted.push({ row, draft, unitId: principal.role === 'unit_member' ? principal.unitId : (requested ?? null) });
  }
  const ids = accepted.map(() => newListingId());
  if (accepted.length > 0) {
    await ctx.db.transaction(async (tx) => {
      for (let i = 0; i < accepted.length; i += INSERT_BATCH) {
        const slice = accepted.slice(i, i + INSERT_BATCH);
        await tx.insert(listings).values(slice.map((a, j) => draftToRow(a.draft, { id: ids[i + j]!, unitId: a.unitId, demo: false })));
      }
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
  return { created: accepted.length, rejected, ids };
}
