import { createHmac } from 'node:crypto';
import { convertIdNumber15To18, maskIdNumber, parseOrgCode, parseUscc, toHalfWidth } from '@portal/domain';

/**
 * Look-up by an identifier. The index never holds a full ID number: the publisher stores
 * `identifierKey = hash(matchForm(idNumber | uscc))` and a query shaped like an identifier is
 * hashed the same way and matched against that key only.
 *
 * A person's ID number is public only in its masked form (法释〔2017〕7号 art. 6:
 * `4601031980****1234`), so a person-ID query is matched on that masked form: every number that
 * shares it — whatever the birth month and day, valid check digit or not — answers exactly alike,
 * and searching cannot confirm a guessed full number (the ~33 guesses whose check digit fits
 * would otherwise recover it). A credit code is public in full and still matches exactly.
 * A first-generation 15-digit number (2-digit birth year, no check character) is converted to its
 * 18-digit form first (GB 11643: `19` inserted, check character computed) and then treated like
 * any 18-digit number: the same masked form, the same answer.
 */

/** Half-width, no whitespace, upper case: `４６０１…x` → `4601…X` (the form domain's parsers return). */
export function normalizeIdentifier(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '').toUpperCase();
}

/**
 * A person ID number in full or in its public masked form: region (6 digits), a birth year
 * 18xx–20xx, month and day (digits, or `****`), sequence, check character. Birth month and day are
 * not checked, on purpose: all numbers that share the masked form must be treated alike.
 */
const PERSON_ID_SHAPE = /^\d{6}(?:18|19|20)\d{2}(?:\d{4}|\*{4})\d{3}[\dX]$/;

/** A first-generation person ID number: region (6), 2-digit birth year, month, day, sequence (3). */
const PERSON_ID_15_SHAPE = /^\d{15}$/;

/**
 * The form an identifier is matched by, or null when `q` is not identifier-shaped:
 * a person ID (full, masked, or 15-digit first-generation) → its masked 18-digit form;
 * a valid USCC (GB 32100) → the code.
 * @example
 * parseFullIdentifier('460103198001011234') // '4601031980****1234'
 * parseFullIdentifier('4601031980****1234') // '4601031980****1234'
 * parseFullIdentifier('110105491231002') // '1101051949****002X'
 * parseFullIdentifier('91350100M000100Y43') // '91350100M000100Y43'
 */
export function parseFullIdentifier(q: string): string | null {
  const value = normalizeIdentifier(q).replace(/＊/g, '*');
  if (PERSON_ID_15_SHAPE.test(value)) return maskIdNumber(convertIdNumber15To18(value));
  if (value.length !== 18) return null;
  if (PERSON_ID_SHAPE.test(value)) return value.includes('*') ? value : maskIdNumber(value);
  const uscc = parseUscc(value);
  return uscc.ok ? uscc.value : null;
}

/**
 * The canonical form of a query that is an organisation code (GB 11714: 8 characters and a valid
 * check character, often written `D2143569-X`), or null. Organisation codes are public and held as
 * text in the index (no hyphen), so such a query is searched as its 9 characters: `d2143569-x`,
 * `Ｄ２１４３５６９－Ｘ` and `D2143569X` all find the organisation, a wrong check character nothing.
 * @example
 * orgCodeQuery('d2143569-x') // 'D2143569X'
 * orgCodeQuery('D2143569-Y') // null
 */
export function orgCodeQuery(q: string): string | null {
  const value = normalizeIdentifier(q);
  if (value.length < 9 || value.length > 10) return null;
  const parsed = parseOrgCode(value);
  return parsed.ok ? parsed.value : null;
}

/**
 * Builds the keyed hash used for `identifierKey` (HMAC-SHA256, hex) over an identifier's match
 * form (masked for person IDs). The publisher and the index adapter must use the same secret.
 * @example
 * const hash = createIdentifierHasher(env.SEARCH_ID_SECRET);
 * const doc = { ...toPublicListing(record), version, identifierKey: hash(record.idNumber) };
 */
export function createIdentifierHasher(secret: string): (value: string) => string {
  if (secret.length < 16) throw new RangeError('identifier hash secret must be at least 16 characters');
  return (value) =>
    createHmac('sha256', secret)
      .update(parseFullIdentifier(value) ?? normalizeIdentifier(value))
      .digest('hex');
}
