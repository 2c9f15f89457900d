import { addDays, isIsoDate, todayInChina } from '@portal/domain';

/** The period in the hash (`#/campaign?from=…&to=…`), or the last 61 days by default. */
export function periodFromHash(hash: string, now = new Date()): { from: string; to: string } {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const to = todayInChina(now);
  const from = query.get('from');
  const until = query.get('to');
  return {
    from: from && isIsoDate(from) ? from : addDays(to, -61),
    to: until && isIsoDate(until) ? until : to,
  };
}

/** True when the hash asks for the printable report (`#/campaign/report?…`). */
export const isReportHash = (hash: string) => /^#\/?campaign\/report/.test(hash);

export const periodText = (p: { from: string; to: string }) => `${p.from} 至 ${p.to}`;
