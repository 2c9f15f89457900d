import { newId } from '@portal/db';
import type { listings } from '@portal/db/schema';
import type { NormalizedDraft } from '@portal/domain';


type NewListingRow = typeof listings.$inferInsert;

/** Sortable listing ids (`L` + time + randomness). */
export function newListingId(): string {
  return newId('L');
}

/**
 * Maps a validated draft onto a database row. Field by field on purpose: a new draft field must be
 * stored deliberately, not by accident.
 */
export function draftToRow(
  draft: NormalizedDraft,
  meta: { id: string; unitId: string | null; demo: boolean; status?: 'draft' | 'published' },
): NewListingRow {
  return {
    id: meta.id,
    status: meta.status ?? 'draft',
    kind: draft.kind,
    name: draft.name,
    idNumber: draft.kind === 'person' ? (draft.idNumber ?? null) : null,
    birthDate: draft.birthDate ?? null,
    gender: draft.kind === 'person' ? (draft.gender ?? null) : null,
    uscc: draft.kind === 'org' ? (draft.uscc ?? null) : null,
    legalRepresentative: draft.kind === 'org' ? (draft.legalRepresentative ?? null) : null,
    caseNo: draft.caseNo,
    court: draft.court,
    filedAt: draft.filedAt,
    basisIssuer: draft.basisIssuer,
    basisDocNo: draft.basisDocNo,
    obligation: draft.obligation,
    performance: draft.performance,
    category: draft.category,
    amountOwedFen: draft.amountOwedFen,
    livelihood: draft.livelihood,
    region: draft.region,
    listedAt: draft.listedAt,
    termExtensionYears: draft.termExtensionYears,
    unitId: meta.unitId,
    demo: meta.demo,
  };
}
