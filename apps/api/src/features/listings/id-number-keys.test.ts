import { listings } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../env.ts';
import { idNumberFor, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime } from '../../testing/test-runtime.ts';

describe('ID_NUMBER_KEYS (issue 14 item 3)', () => {
  it('refuses a key shorter than 16 characters, naming the variable', () => {
    expect(() => parseEnv({ ID_NUMBER_KEYS: 'short' })).toThrow(/ID_NUMBER_KEYS/);
    expect(() => parseEnv({ ID_NUMBER_KEYS: 'long-enough-key-000001,short' })).toThrow(/ID_NUMBER_KEYS/);
  });
});

describe.each(backends())('rotating the ID number key on $kind', (backend) => {
  it('a restart with a new key first and the old one after re-encrypts every row; staff still read the number', async () => {
    const OLD = 'old-id-number-key-rotation-01';
    const NEW = 'new-id-number-key-rotation-02';
    const database = await backend.open();
    const idNumber = idNumberFor('19750505', '515');
    const first = await openTestRuntime(
      backend,
      { ID_NUMBER_KEYS: OLD },
      { database, keepDatabaseOpen: true },
    );
    const created = await first.request('/api/v1/admin/listings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(personDraft({ idNumber })),
      token: 'admin',
    });
    const { id } = (await created.json()) as { id: string };
    const sealedBefore = (await database.db.select().from(listings).where(eq(listings.id, id)))[0]!
      .idNumberEnc!;
    await first.close();

    const second = await openTestRuntime(
      backend,
      { ID_NUMBER_KEYS: `${NEW},${OLD}` },
      { database, seedStaff: false },
    );
    try {
      const row = (await database.db.select().from(listings).where(eq(listings.id, id)))[0]!;
      expect(row.idNumberEnc).not.toBe(sealedBefore);
      expect(row.idNumberEnc!.split('.')[0]).toBe(second.rt.deps.idVault.activeKeyId);
      const list = (await (
        await second.request('/api/v1/admin/listings?status=draft', { token: 'admin' })
      ).json()) as {
        items: { id: string; idNumber: string }[];
      };
      expect(list.items.find((i) => i.id === id)?.idNumber).toBe(idNumber);
    } finally {
      await second.close();
    }
  });
});
