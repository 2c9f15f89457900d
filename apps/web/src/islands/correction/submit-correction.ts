import type { CorrectionRequestInput, PublicListing } from '@portal/domain';
import { requestJson } from '../shared/api-error.ts';

/** `201` body of `POST /api/v1/corrections`. */
export interface CorrectionReceipt {
  id: string;
  receiptCode: string;
  /** `YYYY-MM-DD`: last day of the court's 15-day review */
  reviewDeadline: string;
}

/** Sends a correction request; throws ApiError with the server's zh-CN message and field. */
export function submitCorrection(body: CorrectionRequestInput): Promise<CorrectionReceipt> {
  return requestJson<CorrectionReceipt>('/api/v1/corrections', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The published listing the request is about, so the applicant can confirm it. */
export function fetchListing(id: string, signal: AbortSignal): Promise<PublicListing> {
  return requestJson<PublicListing>(`/api/v1/listings/${encodeURIComponent(id)}`, { signal });
}
