import { backends } from '@portal/db/testing';
import { idNumberCheckChar } from '@portal/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../../testing/test-runtime.ts';

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** Every full ID number sharing `id`'s masked form whose check digit fits (what an attacker tries). */
function guessesSharingMask(id: string): string[] {
  const guesses: string[] = [];
  for (
    let day = new Date(Date.UTC(1980, 0, 1));
    day.getUTCFullYear() === 1980;
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    const mmdd = day.toISOString().slice(5, 10).replace('-', '');
    const first17 = `${id.slice(0, 10)}${mmdd}${id.slice(14, 17)}`;
    if (idNumberCheckChar(first17) === id[17]) guesses.push(first17 + id[17]);
  }
  return guesses;
}

describe.each(backends())('searching by ID number is not an oracle (art. 6, PIPL) on $kind', (backend) => {
  let t: TestRuntime;
  let listed: string;
  let listingId: string;
  beforeAll(async () => {
    t = await openTestRuntime(backend);
    listed = idNumberFor('19800612', '371');
    const created = await t.request('/api/v1/admin/listings', {
      ...json(personDraft({ name: '王建华', idNumber: listed })),
      token: 'admin',
    });
    listingId = ((await created.json()) as { id: string }).id;
    await t.request(`/api/v1/admin/listings/${listingId}/publish`, { method: 'POST', token: 'admin' });
    await within(2000, async () => (await search(listed)).total === 1);
  });
  afterAll(() => t?.close());

  async function search(q: string) {
    const res = await t.request(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { hits: { id: string }[]; total: number };
    return { ids: body.hits.map((h) => h.id), total: body.total };
  }

  it('answers every full ID number that shares the masked form exactly like the real one', async () => {
    const guesses = guessesSharingMask(listed);
    expect(guesses.length).toBeGreaterThan(20);
    expect(guesses).toContain(listed);
    const real = await search(listed);
    expect(real).toEqual({ ids: [listingId], total: 1 });
    for (const guess of guesses) expect(await search(guess), guess).toEqual(real);
  });

  it('finds the listing by the masked form the public sees', async () => {
    expect(await search(`${listed.slice(0, 10)}****${listed.slice(14)}`)).toEqual({
      ids: [listingId],
      total: 1,
    });
  });

  it('GB 11643: converts a 15-digit first-generation number to 18 digits and answers it like the masked form', async () => {
    // the 18-digit number without the century (19) and the check character
    const id15 = `${listed.slice(0, 6)}${listed.slice(8, 17)}`;
    expect(id15).toMatch(/^\d{15}$/);
    const real15 = await search(id15);
    expect(real15).toEqual({ ids: [listingId], total: 1 });
    // every 15-digit guess whose 18-digit form shares the masked form answers alike: not an oracle
    const guesses15 = guessesSharingMask(listed).map((id) => `${id.slice(0, 6)}${id.slice(8, 17)}`);
    expect(guesses15.length).toBeGreaterThan(20);
    for (const guess of guesses15.slice(0, 8)) expect(await search(guess), guess).toEqual(real15);
    const otherYear = `${listed.slice(0, 6)}810612${listed.slice(14, 17)}`;
    expect(await search(otherYear)).toEqual({ ids: [], total: 0 });
  });

  it('does not answer a number whose public part differs', async () => {
    const otherYear = idNumberFor('19810612', '371');
    expect(await search(otherYear)).toEqual({ ids: [], total: 0 });
  });
});
