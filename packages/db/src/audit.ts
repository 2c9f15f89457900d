/**
 * The tamper-evident audit trail (art. 13 全程留痕). Each row's `hash` is
 * `sha256(prev_hash + canonical JSON of the row)`; appends are serialised by a transaction-scoped
 * advisory lock so the chain never forks; `verifyAuditChain` names the first row that does not fit.
 */
import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { canonicalJson } from './canonical-json.ts';
import type { Database } from './client.ts';
import { redactIdNumbers, redactIdNumbersInText } from './redact.ts';
import { type AuditRow, auditLog } from './schema/index.ts';

/** prev_hash of the first row */
export const GENESIS_HASH = '0'.repeat(64);
/** advisory lock key serialising appends ('audit' in ASCII) */
const AUDIT_LOCK_KEY = 0x6175646974;

export interface AuditEntry {
  /** who: a staff id, `system`, `public:<requestId>` … */
  actor: string;
  /** what: `listing.publish`, `listing.remove`, `tip.read` … */
  action: string;
  entity: string;
  entityId: string;
  /** why (a removal reason, a correction request id …) */
  reason?: string;
  /** extra facts; ID numbers in it are masked before storing */
  details?: Record<string, unknown>;
}

type HashedFields = Pick<
  AuditRow,
  'seq' | 'at' | 'actor' | 'action' | 'entity' | 'entityId' | 'reason' | 'details' | 'prevHash'
>;

/** The hash of a row: sha256 hex of prev_hash followed by the canonical JSON of its other fields. */
export function auditRowHash(row: HashedFields): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    reason: row.reason,
    details: row.details,
  });
  return createHash('sha256').update(row.prevHash).update(body).digest('hex');
}

/**
 * Appends one entry. Call it inside the transaction of the change it records; given the database
 * itself, it opens its own transaction.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.update(listings).set({ status: 'published' }).where(eq(listings.id, id));
 *   await appendAudit(tx, { actor: staffId, action: 'listing.publish', entity: 'listing', entityId: id });
 * });
 */
export async function appendAudit(executor: Database, entry: AuditEntry): Promise<AuditRow> {
  if (!(executor instanceof PgTransaction)) return executor.transaction((tx) => appendAudit(tx, entry));
  await executor.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await executor
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const details =
    entry.details === undefined ? null : redactIdNumbers(JSON.parse(JSON.stringify(entry.details)));
  const fields: HashedFields = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    reason: entry.reason === undefined ? null : redactIdNumbersInText(entry.reason),
    details,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const [row] = await executor
    .insert(auditLog)
    .values({ ...fields, hash: auditRowHash(fields) })
    .returning();
  return row!;
}

export type AuditVerification = { ok: true; count: number } | { ok: false; seq: number; reason: string };

/** The newest row's seq and hash, to keep outside the database (an anchor against truncation). */
export async function auditHead(db: Database): Promise<{ seq: number; hash: string } | null> {
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last ?? null;
}

/**
 * Walks the whole chain in order. Reports the first row that was altered (hash), that follows a
 * deleted or altered row (seq gap, prev_hash), or — given an `anchor` kept elsewhere — a chain that
 * lost its newest rows.
 *
 * @example
 * const r = await verifyAuditChain(db);
 * if (!r.ok) console.error(`audit row ${r.seq}: ${r.reason}`);
 */
export async function verifyAuditChain(
  db: Database,
  opts: { anchor?: { seq: number; hash: string }; pageSize?: number } = {},
): Promise<AuditVerification> {
  const pageSize = opts.pageSize ?? 2000;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let anchorSeen = false;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      const problem = checkRow(row, expectedSeq, prevHash);
      if (problem) return { ok: false, seq: row.seq, reason: problem };
      if (opts.anchor?.seq === row.seq) {
        if (opts.anchor.hash !== row.hash)
          return { ok: false, seq: row.seq, reason: '与外部保存的锚点哈希不一致' };
        anchorSeen = true;
      }
      prevHash = row.hash;
      expectedSeq++;
    }
    if (page.length < pageSize) break;
  }
  if (opts.anchor && !anchorSeen) {
    return { ok: false, seq: opts.anchor.seq, reason: '外部锚点对应的记录已不存在（日志末尾被删除）' };
  }
  return { ok: true, count: expectedSeq - 1 };
}

function checkRow(row: AuditRow, expectedSeq: number, prevHash: string): string | null {
  if (row.seq !== expectedSeq) return `序号不连续：缺少第 ${expectedSeq} 条起的记录（已被删除）`;
  if (row.prevHash !== prevHash) return '前一条记录的哈希不符（前一条记录被删除或篡改）';
  if (auditRowHash(row) !== row.hash) return '本条记录的内容与哈希不符（记录被篡改）';
  return null;
}
