import {
  appendAudit,
  type Database,
  enqueue,
  type StaffListingRecord,
  toNewListingRow,
  toStaffListingRecord,
} from '@portal/db';
import { executionUnits, type ListingRow, listings } from '@portal/db/schema';
import { maskIdNumber, todayInChina, validateListingDraft } from '@portal/domain';
import { eq } from 'drizzle-orm';
import { ApiError } from '../../errors.ts';
import { LISTING_CHANGED } from '../../read-model/publisher.ts';
import { assertCanActOnUnit, type StaffPrincipal } from '../staff/staff-auth.ts';
import { type CommandContext, lockListing, validationError } from './listing-commands.ts';
import { type StaffView, staffViewOf } from './staff-view.ts';

/**
 * Correcting a listing in place (法释〔2017〕7号 art. 9 ¶2 / art. 11 / art. 12: an inaccurate
 * listing is corrected, not deleted and re-entered). The changed fields are laid over the stored
 * listing and the WHOLE result is validated again; only then is the row updated (the trigger
 * bumps its version), audited with before and after (ID numbers masked) and queued for the
 * public surfaces. Anything refused changes nothing.
 */
export interface ListingEdit {
  changes: Record<string, unknown>;
  reason: string;
  expectedVersion?: number | undefined;
}

const PERSON_FIELDS = ['idNumber', 'gender'] as const;
const ORG_FIELDS = ['uscc', 'orgCode', 'legalRepresentative', 'legalRepresentativeRole'] as const;

/** The stored listing as a draft body (what staff would have submitted), without derived fields. */
function draftOf(record: StaffListingRecord): Record<string, unknown> {
  const draft: Record<string, unknown> = {
    kind: record.kind,
    name: record.name,
    idNumber: record.idNumber,
    uscc: record.uscc,
    orgCode: record.orgCode,
    legalRepresentative: record.legalRepresentative,
    legalRepresentativeRole: record.legalRepresentativeRole,
    caseNo: record.caseNo,
    court: record.court,
    filedAt: record.filedAt,
    basisIssuer: record.basisIssuer,
    basisDocNo: record.basisDocNo,
    obligation: record.obligation,
    performance: record.performance,
    category: record.category,
    amountOwedFen: record.amountOwedFen,
    livelihood: record.livelihood,
    region: record.region,
    listedAt: record.listedAt,
    decisionDocNo: record.decisionDocNo,
    decisionDate: record.decisionDate,
    termExtensionYears: record.termExtensionYears,
    termExtensionGround: record.termExtensionGround,
    termExtensionDecisionNo: record.termExtensionDecisionNo,
    applicant: record.applicant,
    unitId: record.unitId,
  };
  for (const [k, v] of Object.entries(draft)) if (v === null || v === undefined) delete draft[k];
  // gender follows from the ID number; keeping the old one would contradict a corrected number
  return draft;
}

/** Fields compared for the audit's before/after (the staff view minus bookkeeping). */
const AUDITED_FIELDS = [
  'kind',
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'uscc',
  'orgCode',
  'legalRepresentative',
  'legalRepresentativeRole',
  'caseNo',
  'court',
  'filedAt',
  'basisIssuer',
  'basisDocNo',
  'obligation',
  'performance',
  'category',
  'amountOwedFen',
  'livelihood',
  'region',
  'listedAt',
  'decisionDocNo',
  'decisionDate',
  'termExtensionYears',
  'termExtensionGround',
  'termExtensionDecisionNo',
  'termEndsAt',
  'applicant',
  'unitId',
] as const satisfies readonly (keyof StaffListingRecord)[];

/** before/after of each changed field; full ID numbers appear masked (the audit log is staff-wide). */
function auditDiff(before: StaffListingRecord, after: StaffListingRecord) {
  const shown = (field: string, v: unknown) =>
    field === 'idNumber' && typeof v === 'string' ? maskIdNumber(v) : (v ?? null);
  const beforeOut: Record<string, unknown> = {};
  const afterOut: Record<string, unknown> = {};
  for (const field of AUDITED_FIELDS) {
    if ((before[field] ?? null) === (after[field] ?? null)) continue;
    beforeOut[field] = shown(field, before[field]);
    afterOut[field] = shown(field, after[field]);
  }
  return { before: beforeOut, after: afterOut };
}

async function assertUnitExists(tx: Database, unitId: string | undefined) {
  if (!unitId) return;
  const [unit] = await tx
    .select({ id: executionUnits.id })
    .from(executionUnits)
    .where(eq(executionUnits.id, unitId));
  if (!unit) throw new ApiError('VALIDATION_FAILED', { field: 'unitId', message: '该执行单元不存在。' });
}

/** `PATCH /admin/listings/{id}`: returns the staff view after the change. */
export async function editListing(
  ctx: CommandContext,
  principal: StaffPrincipal,
  id: string,
  edit: ListingEdit,
): Promise<StaffView> {
  const today = todayInChina(ctx.now());
  let changed = false;
  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockListing(tx, id);
    assertCanActOnUnit(principal, row.unitId);
    if (row.status === 'removed') {
      throw new ApiError('INVALID_STATE', { message: '已删除的信息不能更正；如需重新纳入，请重新录入。' });
    }
    if (edit.expectedVersion !== undefined && edit.expectedVersion !== row.version) {
      throw new ApiError('INVALID_STATE', {
        field: 'expectedVersion',
        message: `该信息已被他人修改（当前为第 ${row.version} 版），请刷新后重新更正。`,
      });
    }
    const before = toStaffListingRecord(row, ctx.idVault);
    const base = draftOf(before);
    const kind = edit.changes.kind ?? before.kind;
    if (kind !== before.kind)
      for (const f of before.kind === 'person' ? PERSON_FIELDS : ORG_FIELDS) delete base[f];
    const merged = { ...base, ...edit.changes };
    const validated = validateListingDraft(merged, { today });
    if (!validated.ok) throw validationError(validated.errors);
    const draft = validated.value;
    if (principal.role === 'unit_member' && draft.unitId !== principal.unitId) {
      throw new ApiError('FORBIDDEN', { field: 'unitId', message: '您只能把案件留在本执行单元。' });
    }
    if (draft.unitId !== before.unitId) await assertUnitExists(tx, draft.unitId);
    // a published listing keeps its listing date unless the correction names another one
    const keepListedAt = row.listedAt !== null || draft.listedAtGiven;
    const next = toNewListingRow(
      {
        ...draft,
        id: row.id,
        listedAtGiven: keepListedAt,
        demo: row.demo,
        applicant: row.applicant ?? undefined,
      },
      { vault: ctx.idVault, status: 'draft' },
    );
    const sameId = (before.idNumber ?? null) === (draft.kind === 'person' ? (draft.idNumber ?? null) : null);
    const update: Partial<ListingRow> = {
      kind: next.kind,
      name: next.name,
      idNumberEnc: sameId ? row.idNumberEnc : (next.idNumberEnc ?? null),
      idNumberHash: sameId ? row.idNumberHash : (next.idNumberHash ?? null),
      idNumberMasked: sameId ? row.idNumberMasked : (next.idNumberMasked ?? null),
      birthDate: next.birthDate ?? null,
      gender: next.gender ?? null,
      uscc: next.uscc ?? null,
      orgCode: next.orgCode ?? null,
      legalRepresentative: next.legalRepresentative ?? null,
      legalRepresentativeRole: next.legalRepresentativeRole ?? null,
      caseNo: next.caseNo,
      court: next.court,
      filedAt: next.filedAt,
      basisIssuer: next.basisIssuer,
      basisDocNo: next.basisDocNo,
      obligation: next.obligation,
      performance: next.performance,
      category: next.category,
      amountOwedFen: next.amountOwedFen,
      livelihood: next.livelihood ?? false,
      region: next.region,
      listedAt: next.listedAt ?? null,
      termExtensionYears: next.termExtensionYears ?? null,
      termExtensionGround: next.termExtensionGround ?? null,
      termExtensionDecisionNo: next.termExtensionDecisionNo ?? null,
      termEndsAt: next.termEndsAt ?? null,
      decisionDocNo: next.decisionDocNo ?? null,
      decisionDate: next.decisionDate ?? null,
      applicant: next.applicant ?? null,
      unitId: next.unitId ?? null,
    };
    const after = toStaffListingRecord({ ...row, ...update }, ctx.idVault);
    const diff = auditDiff(before, after);
    if (Object.keys(diff.after).length === 0) return staffViewOf(row, ctx.idVault, today);
    const [stored] = await tx.update(listings).set(update).where(eq(listings.id, id)).returning();
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'listing.edit',
      entity: 'listing',
      entityId: id,
      reason: edit.reason,
      details: { ...diff, version: stored!.version },
    });
    if (row.status === 'published') {
      await enqueue(tx, { topic: LISTING_CHANGED, key: id, payload: { id, change: 'edit' } });
    }
    changed = true;
    return staffViewOf(stored!, ctx.idVault, today);
  });
  if (changed) ctx.afterCommit();
  return result;
}
