import { createHmac } from 'node:crypto';
import { parseIdNumber, parseUscc, toHalfWidth } from '@portal/domain';

/**
 * Exact look-up by a full identifier. The index never holds a full ID number: the publisher stores
 * `identifierKey = hash(idNumber | uscc)` and a query that is a valid full identifier is hashed the
 * same way and matched against that key only.
 */

/** Half-width, no whitespace, upper case: `４６０１…x` → `4601…X` (the form domain's parsers return). */
export function normalizeIdentifier(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '').toUpperCase();
}

/** The normalised identifier when `q` is a full valid ID number (GB 11643) or USCC (GB 32100), else null. */
export function parseFullIdentifier(q: string): string | null {
  if (normalizeIdentifier(q).length !== 18) return null;
  const id = parseIdNumber(q);
  if (id.ok) return id.value;
  const uscc = parseUscc(q);
  return uscc.ok ? uscc.value : null;
}

/**
 * Builds the keyed hash used for `identifierKey` (HMAC-SHA256, hex, over the normalised value).
 * The publisher and the index adapter must use the same secret.
 * @example
 * const hash = createIdentifierHasher(env.SEARCH_ID_SECRET);
 * const doc = { ...toPublicListing(record), version, identifierKey: hash(record.idNumber) };
 */
export function createIdentifierHasher(secret: string): (value: string) => string {
  if (secret.length < 16) throw new RangeError('identifier hash secret must be at least 16 characters');
  return (value) => createHmac('sha256', secret).update(normalizeIdentifier(value)).digest('hex');
}
