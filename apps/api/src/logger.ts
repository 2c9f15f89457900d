import pino from 'pino';

/** 18-character ID numbers (and lowercase x) anywhere in a logged string. */
const ID_NUMBER_PATTERN = /\b(\d{6})(\d{8})(\d{3}[\dXx])\b/g;

/**
 * Masks anything shaped like a full ID number in a string, so that a log line can never carry
 * one even when an error message quotes user input.
 * @example scrubIdNumbers('id 460103198001011234') // 'id 460103********1234'
 */
export function scrubIdNumbers(text: string): string {
  return text.replace(
    ID_NUMBER_PATTERN,
    (_m, head: string, _mid: string, tail: string) => `${head}********${tail}`,
  );
}

function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubIdNumbers(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1);
  return out;
}

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Known personal fields are redacted by path and every string is scrubbed
 * of ID-number shapes, because a log file is not a place the law allows them.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          '*.idNumber',
          '*.phone',
          '*.requesterPhone',
          '*.requesterIdNumber',
          '*.contact',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, scrubValue(args) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
