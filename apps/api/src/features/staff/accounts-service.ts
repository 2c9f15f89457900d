import { appendAudit, type Database, newId } from '@portal/db';
import { executionUnits, staff, staffTokens } from '@portal/db/schema';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { ApiError } from '../../errors.ts';
import { hashPassword, passwordProblem } from '../auth/password-hash.ts';
import { revokeAllSessions } from '../auth/sessions.ts';
import type { StaffPrincipal } from './principal.ts';
import { assertCourtAdmin, hashToken, newToken } from './staff-auth.ts';

type Role = StaffPrincipal['role'];

export interface AccountsDeps {
  db: Database;
  now: () => Date;
}

export interface StaffAccount {
  id: string;
  name: string;
  username: string | null;
  role: Role;
  unitId: string | null;
  totpEnabled: boolean;
  disabled: boolean;
  lockedUntil: string | null;
}

const accountColumns = {
  id: staff.id,
  name: staff.name,
  username: staff.username,
  role: staff.role,
  unitId: staff.unitId,
  totpEnabled: staff.totpEnabled,
  disabledAt: staff.disabledAt,
  lockedUntil: staff.lockedUntil,
  courtId: staff.courtId,
};

type AccountRow = {
  [K in keyof typeof accountColumns]: (typeof staff.$inferSelect)[K extends 'id' ? 'id' : K];
};

function toAccount(row: AccountRow, now: Date): StaffAccount {
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    role: row.role,
    unitId: row.unitId,
    totpEnabled: row.totpEnabled === 1,
    disabled: row.disabledAt !== null,
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
  };
}

/** unit members belong to exactly one unit of the admin's court; admins and custodians to none. */
async function checkUnitForRole(
  db: Database,
  courtId: string,
  role: Role,
  unitId: string | null | undefined,
) {
  if (role !== 'unit_member') {
    if (unitId)
      throw new ApiError('VALIDATION_FAILED', {
        field: 'unitId',
        message: '只有执行单元成员才属于某个执行单元。',
      });
    return null;
  }
  if (!unitId)
    throw new ApiError('VALIDATION_FAILED', {
      field: 'unitId',
      message: '执行单元成员必须指定所属执行单元。',
    });
  const [unit] = await db
    .select({ id: executionUnits.id })
    .from(executionUnits)
    .where(and(eq(executionUnits.id, unitId), eq(executionUnits.courtId, courtId)));
  if (!unit) throw new ApiError('VALIDATION_FAILED', { field: 'unitId', message: '所选执行单元不存在。' });
  return unitId;
}

async function loadAccount(db: Database, courtId: string, id: string): Promise<AccountRow> {
  const [row] = await db
    .select(accountColumns)
    .from(staff)
    .where(and(eq(staff.id, id), eq(staff.courtId, courtId)));
  if (!row) throw new ApiError('NOT_FOUND', { message: '未找到该工作人员账号。' });
  return row as AccountRow;
}

export async function createUnit(
  deps: AccountsDeps,
  admin: StaffPrincipal,
  input: { name: string; judge: string; assistant: string; clerk: string; bailiff: string },
): Promise<{ id: string }> {
  assertCourtAdmin(admin);
  const id = newId('U-', deps.now().getTime());
  await deps.db.transaction(async (tx) => {
    await tx.insert(executionUnits).values({ id, courtId: admin.courtId, ...input });
    await appendAudit(tx, {
      actor: admin.staffId,
      action: 'unit.create',
      entity: 'execution_unit',
      entityId: id,
      details: { name: input.name },
    });
  });
  return { id };
}

export async function listUnits(deps: AccountsDeps, principal: StaffPrincipal) {
  const items = await deps.db
    .select({
      id: executionUnits.id,
      name: executionUnits.name,
      judge: executionUnits.judge,
      assistant: executionUnits.assistant,
      clerk: executionUnits.clerk,
      bailiff: executionUnits.bailiff,
    })
    .from(executionUnits)
    .where(eq(executionUnits.courtId, principal.courtId))
    .orderBy(asc(executionUnits.name));
  return { items, total: items.length };
}

export async function createStaffAccount(
  deps: AccountsDeps,
  admin: StaffPrincipal,
  input: {
    username: string;
    password: string;
    name?: string | undefined;
    role: Role;
    unitId?: string | null | undefined;
  },
): Promise<{ id: string }> {
  assertCourtAdmin(admin);
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw new ApiError('VALIDATION_FAILED', { field: 'password', message: problem });
  const unitId = await checkUnitForRole(deps.db, admin.courtId, input.role, input.unitId);
  const [taken] = await deps.db
    .select({ id: staff.id })
    .from(staff)
    .where(eq(staff.username, input.username));
  if (taken) throw new ApiError('USERNAME_TAKEN', { field: 'username' });
  const id = newId('S-', deps.now().getTime());
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    await tx.insert(staff).values({
      id,
      name: input.name ?? input.username,
      username: input.username,
      passwordHash,
      role: input.role,
      courtId: admin.courtId,
      unitId,
    });
    await appendAudit(tx, {
      actor: admin.staffId,
      action: 'staff.create',
      entity: 'staff',
      entityId: id,
      details: { username: input.username, role: input.role, unitId },
    });
  });
  return { id };
}

export async function listStaffAccounts(deps: AccountsDeps, admin: StaffPrincipal) {
  assertCourtAdmin(admin);
  const rows = await deps.db
    .select(accountColumns)
    .from(staff)
    .where(eq(staff.courtId, admin.courtId))
    .orderBy(asc(staff.name));
  const now = deps.now();
  const items = rows.map((r) => toAccount(r as AccountRow, now));
  return { items, total: items.length };
}

/** Changes role/unit; every session of the account ends so the new rights apply at once. */
export async function changeStaffRole(
  deps: AccountsDeps,
  admin: StaffPrincipal,
  id: string,
  input: { role: Role; unitId?: string | null | undefined },
): Promise<StaffAccount> {
  assertCourtAdmin(admin);
  const before = await loadAccount(deps.db, admin.courtId, id);
  if (id === admin.staffId && input.role !== 'court_admin') {
    throw new ApiError('INVALID_STATE', { message: '不能取消自己的法院管理员角色，请由其他管理员操作。' });
  }
  const unitId = await checkUnitForRole(deps.db, admin.courtId, input.role, input.unitId);
  await deps.db.transaction(async (tx) => {
    await tx.update(staff).set({ role: input.role, unitId, updatedAt: deps.now() }).where(eq(staff.id, id));
    await appendAudit(tx, {
      actor: admin.staffId,
      action: 'staff.role.change',
      entity: 'staff',
      entityId: id,
      details: { before: { role: before.role, unitId: before.unitId }, after: { role: input.role, unitId } },
    });
  });
  await revokeAllSessions(deps.db, id, deps.now());
  return toAccount(await loadAccount(deps.db, admin.courtId, id), deps.now());
}

/** Disables an account: its sessions and tokens stop working at once. */
export async function disableStaffAccount(
  deps: AccountsDeps,
  admin: StaffPrincipal,
  id: string,
): Promise<StaffAccount> {
  assertCourtAdmin(admin);
  await loadAccount(deps.db, admin.courtId, id);
  if (id === admin.staffId) throw new ApiError('INVALID_STATE', { message: '不能停用自己的账号。' });
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx.update(staff).set({ disabledAt: now, updatedAt: now }).where(eq(staff.id, id));
    await tx
      .update(staffTokens)
      .set({ revokedAt: now })
      .where(and(eq(staffTokens.staffId, id), isNull(staffTokens.revokedAt)));
    await appendAudit(tx, { actor: admin.staffId, action: 'staff.disable', entity: 'staff', entityId: id });
  });
  await revokeAllSessions(deps.db, id, now);
  return toAccount(await loadAccount(deps.db, admin.courtId, id), now);
}

export async function revokeStaffSessions(deps: AccountsDeps, admin: StaffPrincipal, id: string) {
  assertCourtAdmin(admin);
  await loadAccount(deps.db, admin.courtId, id);
  const revoked = await revokeAllSessions(deps.db, id, deps.now());
  await appendAudit(deps.db, {
    actor: admin.staffId,
    action: 'staff.sessions.revoke',
    entity: 'staff',
    entityId: id,
    details: { revoked },
  });
  return { revoked };
}

/** Issues a bearer token (shown once; only its SHA-256 is stored). */
export async function createStaffToken(deps: AccountsDeps, admin: StaffPrincipal, id: string, label: string) {
  assertCourtAdmin(admin);
  const account = await loadAccount(deps.db, admin.courtId, id);
  if (account.disabledAt) throw new ApiError('INVALID_STATE', { message: '账号已停用，不能签发令牌。' });
  const token = newToken();
  const tokenId = newId('T-', deps.now().getTime());
  await deps.db.transaction(async (tx) => {
    await tx.insert(staffTokens).values({ id: tokenId, staffId: id, tokenHash: hashToken(token), label });
    await appendAudit(tx, {
      actor: admin.staffId,
      action: 'staff.token.create',
      entity: 'staff',
      entityId: id,
      details: { token: tokenId, label },
    });
  });
  return { id: tokenId, token };
}
