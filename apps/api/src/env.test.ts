import { describe, expect, it } from 'vitest';
import { DEMO_RECORDS_DEFAULT, parseEnv } from './env.ts';

const production = {
  NODE_ENV: 'production',
  IDENTIFIER_HMAC_KEY: 'production-hmac-key-0123',
  CONTACT_ENCRYPTION_KEY: 'production-contact-key-0123',
};

describe('environment', () => {
  it('seeds no synthetic defaulters in production unless asked to (issue 14 item 6)', () => {
    expect(parseEnv(production).DEMO_RECORDS).toBe(0);
    expect(parseEnv({ ...production, DEMO_RECORDS: '' }).DEMO_RECORDS).toBe(0);
    expect(parseEnv({ ...production, DEMO_RECORDS: '50' }).DEMO_RECORDS).toBe(50);
  });

  it('seeds the demo data by default outside production', () => {
    expect(parseEnv({}).DEMO_RECORDS).toBe(DEMO_RECORDS_DEFAULT);
    expect(parseEnv({ NODE_ENV: 'test', DEMO_RECORDS: '0' }).DEMO_RECORDS).toBe(0);
  });

  it('refuses a negative count and a malformed TRUST_PROXY, naming the variable', () => {
    expect(() => parseEnv({ DEMO_RECORDS: '-1' })).toThrow(/DEMO_RECORDS/);
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/8, not-an-ip' })).toThrow(/TRUST_PROXY/);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toBe('10.0.0.0/8, 127.0.0.1');
  });
});
