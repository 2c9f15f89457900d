import { z } from 'zod';
import { parseTrustedProxies } from './http/rate-limit.ts';

/**
 * The only reader of `process.env` in the API. Parsed once at start; a bad value stops the
 * process with a message naming the variable (fail closed).
 */
const intFromEnv = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `expected a non-negative integer, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Synthetic listings seeded on first start, outside production. */
export const DEMO_RECORDS_DEFAULT = 2000;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: intFromEnv(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: optionalString,
  MEILI_URL: optionalString,
  MEILI_KEY: optionalString,
  MEILI_INDEX: z.string().default('listings'),
  // defaults by NODE_ENV in parseEnv: a real deployment must not seed synthetic defaulters
  DEMO_RECORDS: intFromEnv(-1),
  // 50 requests/s per client address: far above a person typing into the instant search box (one
  // debounced request per pause), low enough to make bulk enumeration slow. `0` disables it.
  RATE_LIMIT_PER_MIN: intFromEnv(3000),
  /** Reverse proxies (addresses or CIDR ranges, comma separated) whose X-Forwarded-For names the client. */
  TRUST_PROXY: optionalString.refine(
    (v) => {
      try {
        parseTrustedProxies(v);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be a comma-separated list of IP addresses or CIDR ranges' },
  ),
  STAFF_BOOTSTRAP_TOKEN: optionalString,
  /** Embedded mode only: `username:password` of a court-admin account ensured on start. */
  STAFF_BOOTSTRAP_ADMIN: optionalString.refine(
    (v) => v === undefined || /^[a-z0-9][a-z0-9._-]{2,31}:.{10,200}$/.test(v),
    {
      message:
        'must be username:password (username 3–32 lower-case letters/digits/._-, password ≥ 10 characters)',
    },
  ),
  /** Key of the HMAC that lets the index match full ID numbers without holding them. */
  IDENTIFIER_HMAC_KEY: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'must be at least 16 characters',
  }),
  /** Key that encrypts personal contact data at rest (AES-256-GCM). */
  CONTACT_ENCRYPTION_KEY: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'must be at least 16 characters',
  }),
  /**
   * Keys that encrypt listed persons' full ID numbers at rest, comma separated, newest first: the
   * first encrypts, every one decrypts (rotation: prepend a new key, restart; rows are re-encrypted
   * at start-up). Each at least 16 characters. Default: one key derived from CONTACT_ENCRYPTION_KEY
   * (`listing-id-number:<that key>`), so every process sharing a database shares it too.
   */
  ID_NUMBER_KEYS: optionalString.refine(
    (v) => v === undefined || v.split(',').every((k) => k.trim().length >= 16),
    { message: 'each comma-separated key must be at least 16 characters' },
  ),
  /**
   * Years after removal when the identifying fields of a removed listing are erased (retention,
   * issue 14 item 4). Default 2.
   */
  RETENTION_YEARS_AFTER_REMOVAL: intFromEnv(2),
  /** Older encryption keys still accepted for opening (comma separated), during a key rotation. */
  CONTACT_ENCRYPTION_KEY_PREVIOUS: optionalString,
  /** Secret of the keyed hash of tip receipts and client addresses (HMAC); generated in DATA_DIR when unset. */
  TIP_RECEIPT_PEPPER: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'must be at least 16 characters',
  }),
  /** Standard Webhooks receiver told about new tips (thin payload, no content). */
  TIP_WEBHOOK_URL: optionalString,
  /** `whsec_…` signing secret(s) of that webhook; several, comma separated, while rotating. */
  TIP_WEBHOOK_SECRET: optionalString,
  /** 企业微信 group robot URL (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…). */
  TIP_WECOM_ROBOT_URL: optionalString,
  /** `1` allows notification targets on private or loopback addresses (intranet receivers, tests). */
  TIP_NOTIFY_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
  /** `0`: every tip in a transaction of its own instead of group commit (benchmarks compare the two) */
  TIP_GROUP_COMMIT: z.enum(['0', '1']).default('1'),
  /** Tips one client (address /24 or /64) may submit per hour; RATE_LIMIT_PER_MIN=0 lifts it. */
  TIP_LIMIT_PER_HOUR: intFromEnv(6),
  /** Receipt look-ups per client per hour (guessing a receipt needs billions). */
  TIP_LOOKUP_LIMIT_PER_HOUR: intFromEnv(30),
  /** Public origin of the site, used in QR codes and CORS. */
  SITE_URL: optionalString,
  /** Extra origins allowed by CORS (comma separated), e.g. the mini-program's H5 host. */
  CORS_ORIGINS: optionalString,
  /** The mini-program's app id: requests whose WeChat Referer names another app are refused. */
  WECHAT_APPID: optionalString.refine((v) => v === undefined || /^wx[0-9a-f]{16}$/.test(v), {
    message: 'must look like wx followed by 16 hex digits',
  }),
  /** The mini-program's app secret (WeChat server API); without it those features are off. */
  WECHAT_SECRET: optionalString,
  /** WeChat's API origin (default https://api.weixin.qq.com); tests point it at a local server. */
  WECHAT_API_BASE: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: 'must be an http(s) URL',
  }),
  /**
   * Token of WeChat's message push (消息推送, plaintext mode) set in the MP backend; it signs the
   * pushes to POST /api/v1/wechat/events. Without it that route answers 503.
   */
  WECHAT_PUSH_TOKEN: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9]{3,32}$/.test(v), {
    message: 'must be 3-32 letters or digits (as the MP backend allows)',
  }),
  /** Subscription-message template for "your tip's status changed" (from the MP backend). */
  WECHAT_TIP_TEMPLATE_ID: optionalString,
  /** That template's data keys for status, time and note, in this order (they differ per template). */
  WECHAT_TIP_TEMPLATE_KEYS: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : 'phrase1,time2,thing3'))
    .refine((v) => v.split(',').length === 3 && v.split(',').every((k) => /^[a-z_]+\d+$/.test(k.trim())), {
      message: 'three template keys like phrase1,time2,thing3',
    }),
  /**
   * Server processes sharing the port: more than 1 makes `npm start` the primary of that many
   * (node:cluster, process-primary.ts). PostgreSQL only: PGlite is opened by one process.
   */
  PORTAL_PROCESSES: intFromEnv(1).refine((n) => n >= 1 && n <= 64, {
    message: 'must be a whole number from 1 to 64',
  }),
  /** Set by that primary for each server process it starts (1…N); 0 in a single-process server. */
  PORTAL_PROCESS_SLOT: intFromEnv(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `0` disables the static site build at start (tests that only need the API). */
  SITE_BUILD: z.enum(['0', '1']).default('1'),
});

export type Env = z.infer<typeof envSchema>;

/**
 * @example
 * const env = parseEnv(process.env); // throws EnvError naming each bad variable
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const env = result.data;
  if (env.DEMO_RECORDS < 0) env.DEMO_RECORDS = env.NODE_ENV === 'production' ? 0 : DEMO_RECORDS_DEFAULT;
  for (const name of ['STAFF_BOOTSTRAP_TOKEN', 'STAFF_BOOTSTRAP_ADMIN'] as const) {
    if (env.NODE_ENV === 'production' && env[name]) {
      throw new Error(`Invalid environment:\n  ${name} is refused when NODE_ENV=production`);
    }
  }
  for (const name of ['IDENTIFIER_HMAC_KEY', 'CONTACT_ENCRYPTION_KEY'] as const) {
    if (env.NODE_ENV === 'production' && !env[name]) {
      throw new Error(`Invalid environment:\n  ${name} is required when NODE_ENV=production`);
    }
  }
  return env;
}
