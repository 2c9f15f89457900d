import { type ListingRecord, toPublicListing } from '@portal/domain';
import type { SearchDocument } from '@portal/search';

/**
 * A listing record as a search document: the public projection from the domain package plus the
 * version and the keyed hash of its identifier (never the identifier). `record.idNumber` holds the
 * masked form (as `toListingRecord` and the bulk read give it): persons are matched on their
 * public masked ID number, so the index is built without decrypting anything. The projection's
 * fresh object gets the version and key added in place (no second copy). Kept free of database
 * imports: the rebuild's worker thread loads it (rebuild-worker.ts).
 */
export function searchDocumentOf(
  record: ListingRecord,
  version: number,
  hashIdentifier: (v: string) => string,
): SearchDocument {
  const identifier = record.kind === 'person' ? record.idNumber : record.uscc;
  const doc: SearchDocument = toPublicListing(record) as SearchDocument;
  doc.version = version;
  if (identifier) doc.identifierKey = hashIdentifier(identifier);
  return doc;
}
