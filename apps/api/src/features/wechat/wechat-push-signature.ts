import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's message-push signature (plaintext mode): sha1 of token, timestamp and nonce sorted
 * as strings and joined. Compared in constant time so a forger learns nothing from timing.
 */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export function isValidPushSignature(
  token: string,
  query: { signature?: string | undefined; timestamp?: string | undefined; nonce?: string | undefined },
): boolean {
  const { signature, timestamp, nonce } = query;
  if (!signature || !timestamp || !nonce) return false;
  const expected = Buffer.from(pushSignature(token, timestamp, nonce));
  const given = Buffer.from(signature.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
