import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { prepareSharedSecrets, processModeProblem } from './process-primary.ts';
import { loadOrCreateSecret } from './secrets/secrets.ts';

describe('several server processes (PORTAL_PROCESSES)', () => {
  it('is refused on PGlite with a code and a message naming DATABASE_URL', () => {
    const problem = processModeProblem(parseEnv({ PORTAL_PROCESSES: '2' }));
    expect(problem?.code).toBe('PROCESSES_NEED_POSTGRES');
    expect(problem?.message).toContain('DATABASE_URL');
    expect(problem?.message).toContain('PORTAL_PROCESSES=2');
  });

  it('is allowed on PostgreSQL, and one process needs nothing', () => {
    expect(
      processModeProblem(parseEnv({ PORTAL_PROCESSES: '2', DATABASE_URL: 'postgres://db/portal' })),
    ).toBeUndefined();
    expect(processModeProblem(parseEnv({}))).toBeUndefined();
  });

  it('refuses a count of 0 or above 64, naming the variable', () => {
    expect(() => parseEnv({ PORTAL_PROCESSES: '0' })).toThrow(/PORTAL_PROCESSES/);
    expect(() => parseEnv({ PORTAL_PROCESSES: '65' })).toThrow(/PORTAL_PROCESSES/);
    expect(parseEnv({}).PORTAL_PROCESSES).toBe(1);
  });

  it('creates the generated secrets once, before the workers: each then reads the same', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-primary-'));
    const env = parseEnv({ DATA_DIR: dataDir, PORTAL_PROCESSES: '2', DATABASE_URL: 'postgres://db/portal' });
    prepareSharedSecrets(env);
    const files = readdirSync(dataDir).sort();
    expect(files).toEqual(['contact-encryption.key', 'identifier-hmac.key', 'tip-receipt-pepper.key']);
    const before = files.map((f) => statSync(join(dataDir, f)).mtimeMs);
    const read = files.map((f) => loadOrCreateSecret(dataDir, f, undefined));
    expect(read.every((s) => /^[0-9a-f]{64}$/.test(s))).toBe(true);
    // a second preparation (a restart) keeps them
    prepareSharedSecrets(env);
    expect(files.map((f) => loadOrCreateSecret(dataDir, f, undefined))).toEqual(read);
    expect(files.map((f) => statSync(join(dataDir, f)).mtimeMs)).toEqual(before);
  });

  it('creates none of them when they are configured', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-primary-'));
    prepareSharedSecrets(
      parseEnv({
        DATA_DIR: dataDir,
        IDENTIFIER_HMAC_KEY: 'configured-identifier-key-0123',
        CONTACT_ENCRYPTION_KEY: 'configured-contact-key-0123',
        TIP_RECEIPT_PEPPER: 'configured-pepper-0123456789',
      }),
    );
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
