import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for personal data at rest (PIPL: tipster and requester identities). The key lives
 * outside the database (env or the embedded data dir), so a database dump alone reveals nothing.
 * Format: base64url(iv[12] | tag[16] | ciphertext), prefixed with a key id for rotation.
 */
export interface SealedBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createSealedBox(secret: string): SealedBox {
  const key = createHash('sha256').update(secret, 'utf8').digest();
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${keyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed) {
      const [id, payload] = sealed.split('.');
      if (id !== keyId || !payload) throw new Error('sealed value was made with another key');
      const bytes = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
