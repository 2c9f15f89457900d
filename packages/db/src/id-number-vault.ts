/**
 * Full ID numbers at rest (PIPL; issue 14 item 3). The database holds only
 * `keyId.base64url(iv | tag | ciphertext)` made with AES-256-GCM, whose additional authenticated
 * data binds the ciphertext to its row and column (a value copied to another row does not open),
 * plus a keyed hash for exact look-ups. Keys live outside the database, so a dump alone reveals
 * nothing. Several keys may be given: the first encrypts, all decrypt (rotation; see
 * `migrateIdNumbersAtRest`, which re-encrypts rows made with an older key).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { maskIdNumber } from '@portal/domain';

export interface IdNumberVault {
  /** id of the key new ciphertexts are made with */
  readonly activeKeyId: string;
  /** encrypts a full ID number for one listing row */
  seal(idNumber: string, rowId: string): string;
  /** decrypts; throws when the value was made for another row or with an unknown key */
  open(sealed: string, rowId: string): string;
  /**
   * keyed hash of the full ID number, the same for the same number (exact look-ups, duplicates):
   * `hashKeyId:hex`, so rows hashed with an older look-up key can be found and re-hashed
   */
  hash(idNumber: string): string;
  /** id of the look-up hash key (prefix of every `hash`) */
  readonly hashKeyId: string;
  /** key id a sealed value was made with */
  keyIdOf(sealed: string): string;
  /** true when one of this vault's keys made `sealed` */
  canOpen(sealed: string): boolean;
}

/** What a listing row stores for a person's full ID number. */
export interface SealedIdNumber {
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
}

export class IdNumberVaultError extends Error {
  override name = 'IdNumberVaultError';
}

/** Key id: the first 8 hex characters of sha256(key), so operators never have to name keys. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function aad(rowId: string): Buffer {
  return Buffer.from(`listings.id_number_enc:${rowId}`, 'utf8');
}

/**
 * @param secrets key material, newest first (each at least 16 characters; hashed to 256 bits)
 * @param hashSecret key of the look-up HMAC (its own key: not rotated with `secrets`)
 * @example
 * const vault = createIdNumberVault({ secrets: env.ID_NUMBER_KEYS.split(','), hashSecret });
 * const enc = vault.seal('460103198001011234', 'L1'); vault.open(enc, 'L1') // '460103198001011234'
 */
export function createIdNumberVault(opts: { secrets: readonly string[]; hashSecret: string }): IdNumberVault {
  if (opts.hashSecret.length < 16)
    throw new IdNumberVaultError('the ID number hash key must be at least 16 characters');
  const hashKey = createHash('sha256').update(`id-number-lookup:${opts.hashSecret}`, 'utf8').digest();
  const hashKeyId = keyIdOf(hashKey);
  if (opts.secrets.length === 0) throw new IdNumberVaultError('at least one ID number key is required');
  const keys = new Map<string, Buffer>();
  for (const secret of opts.secrets) {
    if (secret.length < 16) throw new IdNumberVaultError('ID number keys must be at least 16 characters');
    const key = createHash('sha256').update(secret, 'utf8').digest();
    keys.set(keyIdOf(key), key);
  }
  const [activeKeyId, activeKey] = [...keys.entries()][0]!;
  return {
    activeKeyId,
    seal(idNumber, rowId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', activeKey, iv);
      cipher.setAAD(aad(rowId));
      const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
      return `${activeKeyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed, rowId) {
      const [id, payload] = sealed.split('.');
      const key = id ? keys.get(id) : undefined;
      if (!key || !payload) throw new IdNumberVaultError(`ID number sealed with an unknown key (${id})`);
      const bytes = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAAD(aad(rowId));
      decipher.setAuthTag(bytes.subarray(12, 28));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new IdNumberVaultError(
          `ID number of ${rowId} does not open: altered or moved from another row`,
        );
      }
    },
    hashKeyId,
    hash: (idNumber) =>
      `${hashKeyId}:${createHmac('sha256', hashKey).update(idNumber.trim().toUpperCase()).digest('hex')}`,
    keyIdOf: (sealed) => sealed.split('.')[0] ?? '',
    canOpen: (sealed) => keys.has(sealed.split('.')[0] ?? ''),
  };
}

/** The three stored columns for a full ID number of row `rowId`. */
export function sealIdNumber(vault: IdNumberVault, idNumber: string, rowId: string): SealedIdNumber {
  return {
    idNumberEnc: vault.seal(idNumber, rowId),
    idNumberHash: vault.hash(idNumber),
    idNumberMasked: maskIdNumber(idNumber),
  };
}
