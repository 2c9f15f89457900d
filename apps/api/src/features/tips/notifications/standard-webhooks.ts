import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (standardwebhooks.com) signing: `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "{id}.{timestamp}.{body}">` with the base64 part of a `whsec_` secret as key. Several secrets
 * give several space-separated signatures, so a receiver can rotate without missing a message.
 */
export function secretKey(secret: string): Buffer {
  const body = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  return Buffer.from(body, 'base64');
}

/** Imported keys by secret (a handful: the court's and the units' current and rotating ones). */
const imported = new Map<string, KeyObject>();

function keyObjectOf(secret: string): KeyObject {
  let key = imported.get(secret);
  if (!key) {
    if (imported.size >= 256) imported.clear();
    key = createSecretKey(secretKey(secret));
    imported.set(secret, key);
  }
  return key;
}

export function signatureOf(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', keyObjectOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export function webhookHeaders(secrets: readonly string[], id: string, timestamp: number, body: string) {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signatureOf(s, id, timestamp, body)).join(' '),
  };
}

/**
 * What a receiver does (and our tests): checks one of the signatures and a timestamp within ±5 min.
 * @returns null when valid, else the reason
 */
export function verifyWebhook(
  secret: string,
  headers: { id: string | null; timestamp: string | null; signature: string | null },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): string | null {
  if (!headers.id || !headers.timestamp || !headers.signature) return 'missing headers';
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > 300) return 'timestamp outside tolerance';
  const expected = Buffer.from(signatureOf(secret, headers.id, ts, body));
  const ok = headers.signature.split(' ').some((candidate) => {
    const got = Buffer.from(candidate);
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
  return ok ? null : 'no matching signature';
}
