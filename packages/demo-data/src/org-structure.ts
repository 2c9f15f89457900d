/**
 * Synthetic courts and their execution units (执行单元: judge + assistant + clerk + bailiff).
 * Court names and case-number codes are real; every person in them is invented.
 */
import { HAINAN_REGIONS, UPPER_COURTS } from './hainan.ts';
import { personName } from './names.ts';
import { Rng } from './prng.ts';

export interface DemoCourt {
  id: string;
  name: string;
  /** case-number court code, e.g. `琼9003` */
  code: string;
  region: string;
}

export interface DemoExecutionUnit {
  id: string;
  courtId: string;
  name: string;
  judge: string;
  assistant: string;
  clerk: string;
  bailiff: string;
}

export interface DemoOrgStructure {
  courts: DemoCourt[];
  units: DemoExecutionUnit[];
}

const UPPER_COURT_REGIONS: Record<string, string> = {
  琼01: '海口市',
  琼02: '三亚市',
  琼96: '琼海市',
  琼97: '儋州市',
};

const NUMERALS = [...'一二三四五六七八'];

/** `C9003` for `琼9003`. */
export function courtIdOf(code: string): string {
  return `C${code.slice(1)}`;
}

/** `U9003-2` for the second unit of `琼9003`. */
export function unitIdOf(code: string, index: number): string {
  return `U${code.slice(1)}-${index}`;
}

/** How many execution units a basic court has (by caseload weight); upper courts have 2. */
export function unitCountFor(weight: number): number {
  return Math.max(2, Math.min(8, Math.round(weight / 1.5)));
}

/**
 * Every court that appears in demo listings, with 2–8 execution units each. Deterministic: the same
 * seed gives the same people.
 *
 * @example
 * const { courts, units } = generateDemoOrgStructure();
 * units.filter((u) => u.courtId === 'C9003') // 儋州市人民法院's units
 */
export function generateDemoOrgStructure(opts: { seed?: number } = {}): DemoOrgStructure {
  const rng = new Rng((opts.seed ?? 20_170_301) ^ 0x5eed);
  const courts: DemoCourt[] = [];
  const units: DemoExecutionUnit[] = [];
  const addCourt = (name: string, code: string, region: string, count: number) => {
    const court = { id: courtIdOf(code), name, code, region };
    courts.push(court);
    for (let i = 0; i < count; i++) {
      const gender = () => (rng.chance(0.6) ? '男' : '女');
      units.push({
        id: unitIdOf(code, i + 1),
        courtId: court.id,
        name: `执行局第${NUMERALS[i]}执行团队`,
        judge: personName(rng, gender()),
        assistant: personName(rng, gender()),
        clerk: personName(rng, gender()),
        bailiff: personName(rng, '男'),
      });
    }
  };
  for (const r of HAINAN_REGIONS) addCourt(r.court, r.courtCode, r.name, unitCountFor(r.weight));
  for (const [name, code] of UPPER_COURTS) addCourt(name, code, UPPER_COURT_REGIONS[code] ?? '海南省', 2);
  return { courts, units };
}
