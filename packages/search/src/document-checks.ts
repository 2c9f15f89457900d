import { SearchError } from './errors.ts';
import { parseFullIdentifier } from './identifier.ts';
import type { SearchDocument } from './search-index.ts';

/** A document the read model refuses to store (it would break an invariant). */
export class InvalidSearchDocumentError extends SearchError {
  override name = 'InvalidSearchDocumentError';
  readonly code = 'INVALID_SEARCH_DOCUMENT';
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * Guards the public read model: a document needs an id and a numeric version, and must not carry
 * a clear full ID number (in `idNumberMasked` or in place of the keyed hash).
 */
export function checkSearchDocument(doc: SearchDocument): void {
  if (typeof doc.id !== 'string' || doc.id === '')
    throw new InvalidSearchDocumentError('document without id');
  if (!Number.isFinite(doc.version))
    throw new InvalidSearchDocumentError(`document ${doc.id} without version`);
  if (doc.identifierKey !== undefined && !HASH.test(doc.identifierKey)) {
    throw new InvalidSearchDocumentError(`document ${doc.id}: identifierKey is not a keyed hash`);
  }
  const masked = doc.idNumberMasked;
  if (masked !== undefined && !masked.includes('*') && parseFullIdentifier(masked) !== null) {
    throw new InvalidSearchDocumentError(`document ${doc.id}: idNumberMasked holds a full ID number`);
  }
  if ('idNumber' in doc) throw new InvalidSearchDocumentError(`document ${doc.id}: carries a full idNumber`);
}
