import type { TipReceipt } from '@portal/contract';
import type { Database } from '@portal/db';
import { type IdempotencyKeyRow, idempotencyKeys } from '@portal/db/schema';
import { inArray } from 'drizzle-orm';
import { ApiError } from '../../errors.ts';
import type { TipOutcome } from './prepared-tip.ts';
import { openWithClientKey } from './tip-keyring.ts';

/**
 * The stored answer of an earlier request with this key (a replay, or 422 for another body), or
 * null. Asked only when a tip cannot be prepared (its staged photos are consumed by the first
 * request, for one): a retry of a stored tip gets its answer, not the error.
 */
export async function earlierAnswer(
  db: Database,
  key: { keyHash: string; fingerprint: string; clientKey: string },
): Promise<TipOutcome | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(inArray(idempotencyKeys.keyHash, [key.keyHash]));
  return row ? replayOutcome(row, key) : null;
}

export function replayOutcome(
  row: Pick<IdempotencyKeyRow, 'fingerprint' | 'responseSealed'>,
  key: { fingerprint: string; clientKey: string },
): TipOutcome {
  if (row.fingerprint !== key.fingerprint)
    return { ok: false, error: new ApiError('IDEMPOTENCY_KEY_REUSED') };
  return {
    ok: true,
    receipt: JSON.parse(openWithClientKey(key.clientKey, row.responseSealed)) as TipReceipt,
  };
}
