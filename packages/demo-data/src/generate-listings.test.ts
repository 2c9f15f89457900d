import { ageOn, isExpired, parseCaseNo, termEndsAt, validateListingDraft } from '@portal/domain';
import { describe, expect, test } from 'vitest';
import { type DemoListing, generateDemoListings } from './generate-listings.ts';
import { generateDemoOrgStructure } from './org-structure.ts';

const today = '2026-11-27';
const sample = (count: number, seed = 42) => [...generateDemoListings({ count, seed, today })];

describe('generateDemoListings', () => {
  const big = sample(20_000);
  const persons = big.filter((d) => d.kind === 'person');
  const share = (pred: (d: DemoListing) => boolean, of: DemoListing[] = big) =>
    of.filter(pred).length / of.length;

  test('the same seed gives the same records, another seed different ones', () => {
    expect(sample(300, 7)).toEqual(sample(300, 7));
    expect(sample(300, 8)).not.toEqual(sample(300, 7));
    expect(sample(50, 42)).toEqual(big.slice(0, 50));
  });

  test('every record of a 5k sample passes the domain validation unchanged', () => {
    for (const draft of big.slice(0, 5000)) {
      const result = validateListingDraft(draft, { today });
      if (!result.ok) throw new Error(`${JSON.stringify(draft)}: ${JSON.stringify(result.errors)}`);
      expect(result.value.caseNo).toBe(draft.caseNo);
    }
  });

  test('lists no minor: persons are 20 to 75 years old on their listing date', () => {
    const ages = persons.map((d) =>
      ageOn(
        `${d.idNumber!.slice(6, 10)}-${d.idNumber!.slice(10, 12)}-${d.idNumber!.slice(12, 14)}`,
        d.listedAt,
      ),
    );
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...ages)).toBeLessThanOrEqual(75);
    const median = [...ages].sort((a, b) => a - b)[Math.floor(ages.length / 2)]!;
    expect(median).toBeGreaterThan(30);
    expect(median).toBeLessThan(50);
  });

  test('every record is demo and dated between 2015 and today, listed after filing', () => {
    expect(big.every((d) => d.demo === true)).toBe(true);
    expect(
      big.every((d) => d.filedAt >= '2015-01-01' && d.filedAt <= d.listedAt && d.listedAt <= today),
    ).toBe(true);
  });

  test('case numbers carry the filing year and the enforcing court code', () => {
    const { courts } = generateDemoOrgStructure();
    const codeOf = new Map(courts.map((c) => [c.name, c.code]));
    for (const d of big.slice(0, 2000)) {
      const parsed = parseCaseNo(d.caseNo);
      expect(parsed.ok && parsed.year === Number(d.filedAt.slice(0, 4))).toBe(true);
      expect(parsed.ok && parsed.courtCode).toBe(codeOf.get(d.court));
      expect(parsed.ok && ['执', '执恢'].includes(parsed.typeCode)).toBe(true);
    }
  });

  test('about a quarter are organisations and a fifth livelihood cases', () => {
    expect(share((d) => d.kind === 'org')).toBeGreaterThan(0.2);
    expect(share((d) => d.kind === 'org')).toBeLessThan(0.3);
    expect(share((d) => d.livelihood)).toBeGreaterThan(0.15);
    expect(share((d) => d.livelihood)).toBeLessThan(0.25);
    const livelihoodTexts = big.filter((d) => d.livelihood).map((d) => d.obligation);
    expect(livelihoodTexts.every((t) => /劳动报酬|工资|人身损害|交通事故|抚养费/.test(t))).toBe(true);
  });

  test('category 1 leads, category 4 follows, and all six occur', () => {
    const counts = [1, 2, 3, 4, 5, 6].map((c) => big.filter((d) => d.category === c).length);
    expect(counts.every((n) => n > 0)).toBe(true);
    const [c1, , , c4] = counts;
    expect(c1! / big.length).toBeGreaterThan(0.45);
    expect(c4!).toBe(Math.max(...counts.slice(1)));
  });

  test('most fixed-term listings are still inside their term today', () => {
    const fixed = big.filter((d) => d.category !== 1);
    const live = share(
      (d) => !isExpired(termEndsAt(d.category, d.listedAt, d.termExtensionYears ?? 0), today),
      fixed,
    );
    expect(live).toBeGreaterThan(0.8);
  });

  test('amounts spread from thousands of yuan to tens of millions', () => {
    const fen = big.map((d) => d.amountOwedFen).sort((a, b) => a - b);
    expect(fen[0]).toBeGreaterThanOrEqual(200_000);
    expect(fen.at(-1)!).toBeGreaterThan(1_000_000_000);
    expect(fen.at(-1)!).toBeLessThanOrEqual(6_000_000_000);
    expect(fen.every(Number.isSafeInteger)).toBe(true);
    const median = fen[fen.length >> 1]!;
    expect(median).toBeGreaterThan(3_000_000);
    expect(median).toBeLessThan(50_000_000);
  });

  test('person names are 2–3 characters and many share a surname', () => {
    expect(persons.every((d) => d.name.length >= 2 && d.name.length <= 4)).toBe(true);
    expect(share((d) => d.name.length === 3, persons)).toBeGreaterThan(0.5);
    expect(share((d) => d.name.startsWith('陈'), persons)).toBeGreaterThan(0.07);
    expect(share((d) => d.name.startsWith('符'), persons)).toBeGreaterThan(0.04);
    expect(new Set(persons.map((d) => d.name)).size).toBeLessThan(persons.length);
  });

  test('every Hainan region appears and ID numbers mostly start with its code', () => {
    expect(new Set(big.map((d) => d.region)).size).toBe(21);
    expect(share((d) => d.idNumber!.startsWith('46'), persons)).toBeGreaterThan(0.8);
  });

  test('assigns each listing to an existing execution unit of its own court', () => {
    const { courts, units } = generateDemoOrgStructure();
    const unitCourt = new Map(units.map((u) => [u.id, courts.find((c) => c.id === u.courtId)!.name]));
    expect(big.every((d) => unitCourt.get(d.unitId!) === d.court)).toBe(true);
    expect(sample(20).every((d) => d.unitId !== undefined)).toBe(true);
    expect([...generateDemoListings({ count: 5, today, withUnits: false })].some((d) => d.unitId)).toBe(
      false,
    );
  });
});

describe('generateDemoOrgStructure', () => {
  test('is deterministic and gives every court 2–8 fully staffed units', () => {
    const org = generateDemoOrgStructure();
    expect(generateDemoOrgStructure()).toEqual(org);
    expect(org.courts.find((c) => c.code === '琼9003')).toMatchObject({
      name: '儋州市人民法院',
      id: 'C9003',
    });
    for (const court of org.courts) {
      const units = org.units.filter((u) => u.courtId === court.id);
      expect(units.length).toBeGreaterThanOrEqual(2);
      expect(units.length).toBeLessThanOrEqual(8);
    }
    expect(
      org.units.every((u) => [u.judge, u.assistant, u.clerk, u.bailiff].every((n) => n.length >= 2)),
    ).toBe(true);
    expect(new Set(org.units.map((u) => u.id)).size).toBe(org.units.length);
  });
});
