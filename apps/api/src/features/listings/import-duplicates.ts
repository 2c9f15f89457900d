import { type Database, type IdNumberVault, newId } from '@portal/db';
import { listings } from '@portal/db/schema';
import type { NormalizedDraft } from '@portal/domain';
import { and, inArray, ne } from 'drizzle-orm';
import type { ImportRejection } from './listing-import.ts';

interface AcceptedRow {
  row: number;
  draft: NormalizedDraft;
  unitId: string | null;
}

/**
 * What makes two rows the same listing: the case number and the defaulter's identifier (the keyed
 * hash of a person's ID number, a credit code or organisation code). Without an identifier a row
 * cannot be matched safely and is never called a duplicate.
 */
function duplicateKey(
  caseNo: string,
  kind: string,
  ids: { idHash?: string | null; uscc?: string | null; orgCode?: string | null },
) {
  if (kind === 'person') return ids.idHash ? `${caseNo}|P|${ids.idHash}` : null;
  if (ids.uscc) return `${caseNo}|U|${ids.uscc}`;
  return ids.orgCode ? `${caseNo}|O|${ids.orgCode}` : null;
}

const LOOKUP_BATCH = 1000;

/**
 * Splits accepted import rows into fresh ones and duplicates of listings already stored (drafts or
 * published: a removed listing may lawfully be listed again, art. 10 ¶3) or of an earlier row of
 * the same file. Runs inside the import transaction (after the import lock).
 */
export async function findDuplicates<T extends AcceptedRow>(
  tx: Database,
  vault: IdNumberVault,
  rows: readonly T[],
): Promise<{ fresh: (T & { id: string })[]; duplicates: ImportRejection[] }> {
  const known = new Map<string, string>();
  const caseNos = [...new Set(rows.map((r) => r.draft.caseNo))];
  for (let i = 0; i < caseNos.length; i += LOOKUP_BATCH) {
    const existing = await tx
      .select({
        id: listings.id,
        caseNo: listings.caseNo,
        kind: listings.kind,
        idHash: listings.idNumberHash,
        uscc: listings.uscc,
        orgCode: listings.orgCode,
      })
      .from(listings)
      .where(
        and(inArray(listings.caseNo, caseNos.slice(i, i + LOOKUP_BATCH)), ne(listings.status, 'removed')),
      );
    for (const e of existing) {
      const key = duplicateKey(e.caseNo, e.kind, e);
      if (key && !known.has(key)) known.set(key, e.id);
    }
  }
  const fresh: (T & { id: string })[] = [];
  const duplicates: ImportRejection[] = [];
  const inFile = new Map<string, { row: number; id: string }>();
  for (const r of rows) {
    const d = r.draft;
    const key = duplicateKey(d.caseNo, d.kind, {
      idHash: d.kind === 'person' && d.idNumber ? vault.hash(d.idNumber) : null,
      uscc: d.uscc ?? null,
      orgCode: d.orgCode ?? null,
    });
    const existingId = key ? known.get(key) : undefined;
    if (existingId) {
      duplicates.push({
        row: r.row,
        code: 'DUPLICATE',
        field: 'caseNo',
        listingId: existingId,
        message: `该行与已有信息 ${existingId} 的案号和证件号码相同，已跳过（重复导入）。`,
      });
      continue;
    }
    const earlier = key ? inFile.get(key) : undefined;
    if (earlier !== undefined) {
      duplicates.push({
        row: r.row,
        code: 'DUPLICATE',
        field: 'caseNo',
        listingId: earlier.id,
        message: `该行与第 ${earlier.row} 行的案号和证件号码相同，已跳过（文件内重复）。`,
      });
      continue;
    }
    const id = newId('L');
    if (key) inFile.set(key, { row: r.row, id });
    fresh.push({ ...r, id });
  }
  return { fresh, duplicates };
}
