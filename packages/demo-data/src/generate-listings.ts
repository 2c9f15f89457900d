/**
 * Streams synthetic 失信 listings set in Hainan: valid ID numbers and credit codes, adult defaulters,
 * case numbers matching the court and filing year, weighted categories, log-normal amounts. Every
 * record is marked `demo: true`. Deterministic for a given seed and `today`.
 */
import { type CategoryCode, type ListingDraftInput, todayInChina } from '@portal/domain';
import { basisDocument, obligationText, performanceText } from './case-texts.ts';
import { daysFromCivil, daysFromIso, isoFromDays } from './days.ts';
import { HAINAN_REGIONS, type HainanRegion, MAINLAND_ID_PREFIXES } from './hainan.ts';
import { idNumberFor, usccFor } from './identity-codes.ts';
import { companyName, personName } from './names.ts';
import { unitCountFor, unitIdOf } from './org-structure.ts';
import { Rng, WeightedPicker } from './prng.ts';

export type DemoListing = ListingDraftInput & { listedAt: string; demo: true };

export interface GenerateDemoListingsOptions {
  count: number;
  seed?: number;
  /** reference date (`YYYY-MM-DD`): no date lies after it; default today in China */
  today?: string;
  /** assign each listing to an execution unit of its court (see generateDemoOrgStructure); default true */
  withUnits?: boolean;
}

const REGIONS = new WeightedPicker<HainanRegion>(HAINAN_REGIONS.map((r) => [r, r.weight]));
const BIRTH_PREFIXES = new WeightedPicker<string>(MAINLAND_ID_PREFIXES);
const CATEGORIES = new WeightedPicker<CategoryCode>([
  [1, 55],
  [2, 4],
  [3, 7],
  [4, 27],
  [5, 5],
  [6, 2],
]);
const FIRST_FILING_DAY = daysFromCivil(2015, 1, 1);

/** Log-normal amount in fen, from a few thousand yuan to tens of millions. */
function amountFen(rng: Rng, kind: 'person' | 'org', livelihood: boolean): number {
  const median = livelihood ? 28_000 : kind === 'org' ? 600_000 : 90_000;
  const sigma = livelihood ? 0.9 : 1.5;
  const yuan = Math.min(60_000_000, Math.max(2_000, median * Math.exp(sigma * rng.normal())));
  return rng.chance(0.6) ? Math.round(yuan) * 100 : Math.round(yuan * 100);
}

/**
 * @example
 * for (const draft of generateDemoListings({ count: 2000, seed: 7, today: '2026-11-27' })) store(draft);
 */
export function* generateDemoListings(opts: GenerateDemoListingsOptions): Generator<DemoListing> {
  const rng = new Rng(opts.seed ?? 1);
  const todayDays = daysFromIso(opts.today ?? todayInChina());
  const withUnits = opts.withUnits ?? true;
  for (let i = 0; i < opts.count; i++) {
    const region = REGIONS.draw(rng);
    const category = CATEGORIES.draw(rng);
    const kind = rng.chance(0.25) ? 'org' : 'person';
    const livelihood = kind === 'person' ? rng.chance(0.22) : rng.chance(0.12);

    // Categories 2–6 expire after 2 (+1–3) years: keep most of them inside their term.
    const extension = category !== 1 && rng.chance(0.1) ? rng.int(1, 3) : 0;
    let listedDays: number;
    let filedDays: number;
    if (category === 1) {
      filedDays = rng.int(FIRST_FILING_DAY, todayDays - 20);
      listedDays = Math.min(todayDays, filedDays + rng.int(20, 540));
    } else {
      listedDays = todayDays - rng.int(0, 700 + 365 * extension);
      filedDays = Math.max(FIRST_FILING_DAY, listedDays - rng.int(20, 420));
    }
    const filedAt = isoFromDays(filedDays);
    const listedAt = isoFromDays(listedDays);
    const filedYear = Number(filedAt.slice(0, 4));

    const upper = rng.chance(0.06);
    const court = upper
      ? { name: region.appealCourt, code: region.appealCourtCode }
      : { name: region.court, code: region.courtCode };
    const caseType = rng.chance(0.15) ? '执恢' : '执';
    const caseNo = `（${filedYear}）${court.code}${caseType}${rng.int(1, upper ? 900 : 300 + Math.round(region.weight * 500))}号`;
    const fen = amountFen(rng, kind, livelihood);

    const draft: DemoListing = {
      kind,
      name: '',
      caseNo,
      court: court.name,
      filedAt,
      ...basisDocument(rng, court, filedYear),
      obligation: obligationText(rng, kind, livelihood, fen),
      performance: performanceText(rng, fen),
      category,
      amountOwedFen: fen,
      livelihood,
      region: region.name,
      listedAt,
      demo: true,
    };
    if (kind === 'person') {
      const gender = rng.chance(0.78) ? '男' : '女';
      const ageDays = Math.floor((20 + rng.next() * rng.next() * 55 + rng.next() * 10) * 365.2425);
      const birthDate = isoFromDays(listedDays - Math.min(ageDays, 75 * 365));
      const prefix = rng.chance(0.85) ? region.code : BIRTH_PREFIXES.draw(rng);
      draft.name = personName(rng, gender);
      draft.idNumber = idNumberFor(rng, prefix, birthDate, gender);
      draft.gender = gender;
    } else {
      const company = companyName(rng);
      draft.name = company.name;
      draft.uscc = usccFor(rng, rng.chance(0.5) ? '460000' : region.code, company.industry.orgType);
      draft.legalRepresentative = personName(rng, rng.chance(0.8) ? '男' : '女');
    }
    if (extension > 0) {
      // art. 2: an extension rests on a named ground and a decision (no rng draw: same data as before)
      draft.termExtensionYears = extension;
      draft.termExtensionGround = draft.category === 2 ? 'violent_obstruction' : 'multiple_defaults';
      draft.termExtensionDecisionNo = `${draft.caseNo}之一`;
    }
    const unitIndex = rng.int(1, upper ? 2 : unitCountFor(region.weight));
    if (withUnits) draft.unitId = unitIdOf(court.code, unitIndex);
    yield draft;
  }
}
