import type { TipReceipt, TipSubmit } from '@portal/contract';
import type { tipAttachments } from '@portal/db/schema';
import type { StagedPhoto } from './photo-uploads.ts';

/**
 * A tip ready to be stored: everything that needs no database (files written, moderation,
 * receipt, seals) is done before it joins a batch, so the transaction holds only statements.
 */
export interface PreparedTip {
  tipId: string;
  fields: Omit<TipSubmit, 'website'>;
  receipt: string;
  receiptHash: string;
  contactSealed: string | null;
  /** uploads named by id, consumed (deleted) in the transaction */
  staged: StagedPhoto[];
  /** every photo of the tip: staged ones and those sent with it */
  attachments: (typeof tipAttachments.$inferInsert)[];
  openidSealed: string | null;
  /** queue WeChat's media check of the photos after the commit (mini-program tips) */
  mediaChecks: boolean;
  idempotency: { keyHash: string; clientKey: string; fingerprint: string } | null;
  /** the day (China time) the tip arrived, for "is the 悬赏 notice in force" */
  today: string;
}

export type TipOutcome = { ok: true; receipt: TipReceipt } | { ok: false; error: unknown };
