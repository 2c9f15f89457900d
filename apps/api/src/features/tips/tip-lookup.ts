import type { TipLookupResult } from '@portal/contract';
import { tipEvents, tips } from '@portal/db/schema';
import { normalizeReceipt, TIP_STATUS_LABELS } from '@portal/domain';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { receiptMac } from './tip-intake.ts';
import type { TipsServices } from './tips-services.ts';

type Deps = Pick<AppDeps, 'db'> & { tips: TipsServices };

/** A syntactically valid receipt nobody holds: unknown input costs the same hash and query. */
const DECOY = '0000000000000000';

/**
 * The tipster's view: status, last change and the unit's messages, nothing else. The receipt is
 * compared as a keyed hash (index look-up on the MAC, then a constant-time comparison); malformed
 * and unknown receipts take the same path and the same answer.
 */
export async function lookupTip(deps: Deps, receipt: string): Promise<TipLookupResult> {
  const normalized = normalizeReceipt(receipt);
  const mac = receiptMac(deps.tips, normalized ?? DECOY);
  const [row] = await deps.db
    .select({
      id: tips.id,
      status: tips.status,
      updatedAt: tips.updatedAt,
      registrationNo: tips.registrationNo,
      receiptHash: tips.receiptHash,
    })
    .from(tips)
    .where(eq(tips.receiptHash, mac));
  const match = row !== undefined && deps.tips.keyring.sameMac(row.receiptHash, mac) && normalized !== null;
  if (!match || !row) throw new ApiError('RECEIPT_NOT_FOUND', { field: 'receipt' });
  const messages = await deps.db
    .select({ at: tipEvents.at, text: tipEvents.messageToTipster })
    .from(tipEvents)
    .where(and(eq(tipEvents.tipId, row.id), isNotNull(tipEvents.messageToTipster)))
    .orderBy(asc(tipEvents.at));
  return {
    status: row.status,
    statusLabel: TIP_STATUS_LABELS[row.status],
    updatedAt: row.updatedAt.toISOString(),
    registrationNo: row.registrationNo,
    messages: messages.map((m) => ({ at: m.at.toISOString(), text: m.text ?? '' })),
  };
}
