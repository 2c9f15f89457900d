import { toCsv } from '@portal/domain';
import type { CampaignTable } from './campaign-tables.ts';

/**
 * Saves one table as a CSV file (UTF-8 with BOM, formula cells neutralised by `toCsv`). Built
 * in the browser from the figures on screen, so the file and the screen always agree.
 */
export function downloadTableCsv(table: CampaignTable, fileStem: string): void {
  const csv = toCsv(
    table.columns.map((c) => c.label),
    table.rows.map((r) => r.cells),
  );
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = `${fileStem}-${table.caption.replace(/[^\p{L}\p{N}]/gu, '')}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
