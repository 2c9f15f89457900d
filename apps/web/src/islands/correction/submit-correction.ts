import type { CorrectionReceipt } from '@portal/contract/routes';
import { listingDetailRoute, submitCorrectionRoute } from '@portal/contract/routes';
import type { CorrectionRequestInput, PublicListing } from '@portal/domain';
import { api } from '../shared/api-error.ts';

export type { CorrectionReceipt };

/** Sends a correction request; throws ApiError with the server's zh-CN message and field. */
export function submitCorrection(body: CorrectionRequestInput): Promise<CorrectionReceipt> {
  return api.call(submitCorrectionRoute, { json: body });
}

/** The published listing the request is about, so the applicant can confirm it. */
export function fetchListing(id: string, signal: AbortSignal): Promise<PublicListing> {
  return api.call(listingDetailRoute, { params: { id }, signal });
}
