/**
 * Validation of a listing draft (API body or CSV row): every field checked, ALL errors collected,
 * values normalised. The rules of 法释〔2017〕7号 that can be checked on input live here: no minors
 * (art. 4), exactly one category (art. 1), term extension only for categories 2–6 (art. 2), and
 * only the fields art. 6 allows for each kind of defaulter.
 */
import { isMinorOn } from './age.ts';
import { parseCaseNo } from './case-number.ts';
import { parseCategory } from './categories.ts';
import { isIsoDate } from './dates.ts';
import {
  isBlank,
  parseGender,
  parseKind,
  type RawDraft,
  readBoolean,
  readDate,
  readText,
  wholeNumber,
} from './draft-readers.ts';
import { type FieldError, fieldError } from './errors.ts';
import { parseIdNumber } from './id-number.ts';
import type { CategoryCode, ListingDraftInput, ListingKind } from './listing-types.ts';
import { isValidFen } from './money.ts';
import { validateTermExtension } from './term.ts';
import { parseUscc } from './uscc.ts';

/** A valid draft, normalised. Persons carry `birthDate` and `gender` taken from the ID number. */
export interface NormalizedDraft extends ListingDraftInput {
  listedAt: string;
  birthDate?: string;
  livelihood: boolean;
  termExtensionYears: number;
  demo: boolean;
}

export { parseGender, parseKind };

export type DraftResult = { ok: true; value: NormalizedDraft } | { ok: false; errors: FieldError[] };

/** Maximum lengths (characters) of the text fields. */
export const DRAFT_TEXT_LIMITS = {
  name: 100,
  legalRepresentative: 50,
  court: 100,
  basisIssuer: 100,
  basisDocNo: 100,
  obligation: 2000,
  performance: 2000,
  region: 50,
  unitId: 64,
} as const;

/**
 * Validates a listing draft against the law and our input rules. `today` (ISO date) is the
 * reference for “not in the future” and the default listing date.
 * @example
 * const r = validateListingDraft(body, { today: '2025-06-01' });
 * if (!r.ok) return r.errors; // [{ field: 'idNumber', code: 'MINOR_NOT_LISTABLE', message: '…' }, …]
 */
export function validateListingDraft(input: unknown, opts: { today: string }): DraftResult {
  if (!isIsoDate(opts.today))
    throw new RangeError(`validateListingDraft: today must be an ISO date: ${opts.today}`);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [fieldError('', 'INVALID_INPUT')] };
  }
  const raw = input as RawDraft;
  const errors: FieldError[] = [];
  const { today } = opts;
  const L = DRAFT_TEXT_LIMITS;

  const kind = isBlank(raw.kind) ? undefined : parseKind(raw.kind);
  if (kind === undefined) errors.push(fieldError('kind', 'REQUIRED'));
  else if (kind === null) errors.push(fieldError('kind', 'INVALID_KIND'));

  const name = readText(raw, 'name', errors, { max: L.name });
  const court = readText(raw, 'court', errors, { max: L.court });
  const basisIssuer = readText(raw, 'basisIssuer', errors, { max: L.basisIssuer });
  const basisDocNo = readText(raw, 'basisDocNo', errors, { max: L.basisDocNo });
  const obligation = readText(raw, 'obligation', errors, { max: L.obligation, multiline: true });
  const performance = readText(raw, 'performance', errors, { max: L.performance, multiline: true });
  const region = readText(raw, 'region', errors, { max: L.region });
  const unitId = readText(raw, 'unitId', errors, { max: L.unitId, optional: true });

  const filedAt = readDate(raw, 'filedAt', errors, { today });
  const listedAt =
    readDate(raw, 'listedAt', errors, { today, optional: true }) ??
    (isBlank(raw.listedAt) ? today : undefined);
  if (filedAt && listedAt && listedAt < filedAt) errors.push(fieldError('listedAt', 'DATE_ORDER'));

  let caseNo: string | undefined;
  if (isBlank(raw.caseNo)) errors.push(fieldError('caseNo', 'REQUIRED'));
  else {
    const c = parseCaseNo(String(raw.caseNo));
    if (!c.ok) errors.push(fieldError('caseNo', c.code, c.message));
    else if (filedAt && c.year !== Number(filedAt.slice(0, 4)))
      errors.push(fieldError('caseNo', 'CASE_NO_YEAR_MISMATCH'));
    if (c.ok) caseNo = c.value;
  }

  const category = readCategory(raw, errors);
  const amountOwedFen = readAmount(raw, errors);
  const livelihood = readBoolean(raw, 'livelihood', errors, false);
  const demo = readBoolean(raw, 'demo', errors, false);

  let termExtensionYears = 0;
  if (!isBlank(raw.termExtensionYears)) {
    const years = wholeNumber(raw.termExtensionYears);
    const problem = validateTermExtension(category ?? 2, years ?? Number.NaN);
    if (problem) errors.push(problem);
    else termExtensionYears = years ?? 0;
  }

  const party = kind ? readParty(kind, raw, errors, today, listedAt) : {};

  if (errors.length > 0 || !kind || !name || !caseNo || !court || !filedAt || !listedAt)
    return { ok: false, errors };
  if (!basisIssuer || !basisDocNo || !obligation || !performance || !region) return { ok: false, errors };
  if (category === undefined || amountOwedFen === undefined) return { ok: false, errors };

  const value: NormalizedDraft = {
    kind,
    name,
    ...party,
    caseNo,
    court,
    filedAt,
    basisIssuer,
    basisDocNo,
    obligation,
    performance,
    category,
    amountOwedFen,
    livelihood,
    region,
    listedAt,
    termExtensionYears,
    demo,
  };
  if (unitId !== undefined) value.unitId = unitId;
  return { ok: true, value };
}

function readCategory(raw: RawDraft, errors: FieldError[]): CategoryCode | undefined {
  if (isBlank(raw.category)) {
    errors.push(fieldError('category', 'REQUIRED'));
    return undefined;
  }
  const code = parseCategory(raw.category);
  if (code === null) errors.push(fieldError('category', 'INVALID_CATEGORY'));
  return code ?? undefined;
}

function readAmount(raw: RawDraft, errors: FieldError[]): number | undefined {
  if (isBlank(raw.amountOwedFen)) {
    errors.push(fieldError('amountOwedFen', 'REQUIRED'));
    return undefined;
  }
  const fen = wholeNumber(raw.amountOwedFen);
  if (fen === undefined || !isValidFen(fen)) {
    errors.push(fieldError('amountOwedFen', 'INVALID_AMOUNT', '未履行金额应为不小于0的整数（单位：分）。'));
    return undefined;
  }
  return fen;
}

type Party = Pick<NormalizedDraft, 'idNumber' | 'birthDate' | 'gender' | 'uscc' | 'legalRepresentative'>;

/** Kind-specific fields: a person's ID (and what it implies), an organisation's code and representative. */
function readParty(
  kind: ListingKind,
  raw: RawDraft,
  errors: FieldError[],
  today: string,
  listedAt?: string,
): Party {
  const forbid = (fields: string[]) => {
    for (const f of fields)
      if (!isBlank(raw[f])) errors.push(fieldError(f, 'FIELD_NOT_ALLOWED', notAllowed(kind)));
  };
  if (kind === 'org') {
    forbid(['idNumber', 'gender']);
    const legalRepresentative = readText(raw, 'legalRepresentative', errors, {
      max: DRAFT_TEXT_LIMITS.legalRepresentative,
    });
    if (isBlank(raw.uscc)) {
      errors.push(fieldError('uscc', 'REQUIRED'));
      return {};
    }
    const u = parseUscc(String(raw.uscc));
    if (!u.ok) errors.push(fieldError('uscc', u.code, u.message));
    return u.ok && legalRepresentative ? { uscc: u.value, legalRepresentative } : {};
  }
  forbid(['uscc', 'legalRepresentative']);
  const declared = isBlank(raw.gender) ? undefined : parseGender(raw.gender);
  if (declared === null) errors.push(fieldError('gender', 'INVALID_GENDER'));
  if (isBlank(raw.idNumber)) {
    errors.push(fieldError('idNumber', 'REQUIRED'));
    return {};
  }
  const id = parseIdNumber(String(raw.idNumber), { today });
  if (!id.ok) {
    errors.push(fieldError('idNumber', id.code, id.message));
    return {};
  }
  if (declared && declared !== id.gender) errors.push(fieldError('gender', 'GENDER_MISMATCH'));
  if (listedAt && (listedAt < id.birthDate || isMinorOn(id.birthDate, listedAt))) {
    errors.push(fieldError('idNumber', 'MINOR_NOT_LISTABLE'));
  }
  return { idNumber: id.value, birthDate: id.birthDate, gender: id.gender };
}

function notAllowed(kind: ListingKind): string {
  return kind === 'person'
    ? '被执行人为自然人时不应填写统一社会信用代码或法定代表人。'
    : '被执行人为法人或其他组织时不应填写身份证号码或性别。';
}
