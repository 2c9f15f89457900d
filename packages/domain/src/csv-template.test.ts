import { describe, expect, it } from 'vitest';
import { parseListingCsv } from './csv-import.ts';
import { LISTING_CSV_TEMPLATE_HEADERS, listingCsvTemplate } from './csv-template.ts';
import { csvColumnFor } from './field-labels.ts';

describe('CSV import template', () => {
  it('imports as it is downloaded: its example row becomes one draft, nothing refused or ignored', () => {
    const result = parseListingCsv(new TextEncoder().encode(listingCsvTemplate()), { today: '2025-06-01' });
    expect(result.fileError).toBeUndefined();
    expect(result.rejected).toEqual([]);
    expect(result.ignoredHeaders).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.row).toBe(2);
  });

  it('names each column once, in headers the import maps', () => {
    const keys = LISTING_CSV_TEMPLATE_HEADERS.map(csvColumnFor);
    expect(keys).not.toContain(null);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('opens in Excel as UTF-8 (BOM) with one header line and one example line', () => {
    const text = listingCsvTemplate();
    expect(text.startsWith('\uFEFF类型,姓名/名称,')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
  });
});
