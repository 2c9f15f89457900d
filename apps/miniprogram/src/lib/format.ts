import { formatFen } from '@portal/domain';

export { formatFen };

/** The date part of an ISO date or date-time (`2026-11-29`). */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
