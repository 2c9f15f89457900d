/**
 * Validation of a listing draft (API body or CSV row) as zod schemas: every field checked, ALL
 * errors collected (one per field), values normalised. The rules of 法释〔2017〕7号 that can be
 * checked on input live here: no minors (art. 4), exactly one category (art. 1), term extension
 * only for categories 2–6 and only on the grounds of art. 2, the decision (决定书, art. 5) from
 * which the term runs, and only the fields art. 6 allows for each kind of defaulter.
 *
 * `listingDraftSchema({ today })` is the schema (input: unknown, output: `NormalizedDraft`);
 * `validateListingDraft` wraps it into the `FieldError[]` result every surface shows.
 * The wire shape for the API contract (OpenAPI) is `ListingDraftBodySchema` (listing-draft-body.ts).
 */
import { z } from 'zod';
import { isMinorOn } from './age.ts';
import { parseCaseNo } from './case-number.ts';
import { parseCategory } from './categories.ts';
import { isIsoDate } from './dates.ts';
import {
  booleanField,
  choiceField,
  dateField,
  domainIssue,
  forbiddenField,
  isBlank,
  issuesToFieldErrors,
  parsedField,
  parseGender,
  parseKind,
  textField,
  wholeNumberField,
} from './draft-fields.ts';
import { DOMAIN_ERROR_MESSAGES, type FieldError, fieldError } from './errors.ts';
import { parseIdNumber } from './id-number.ts';
import type {
  CategoryCode,
  LegalRepresentativeRole,
  ListingDraftInput,
  TermExtensionGround,
} from './listing-types.ts';
import { isValidFen } from './money.ts';
import { orgCodeOfUscc, parseOrgCode } from './org-code.ts';
import { parseTermExtensionGround, validateTermExtension } from './term.ts';
import { parseUscc } from './uscc.ts';

/** A valid draft, normalised. Persons carry `birthDate` and `gender` taken from the ID number. */
export interface NormalizedDraft extends ListingDraftInput {
  listedAt: string;
  /**
   * false when the draft gave no listing date and `listedAt` is the default (`today`): store none
   * (see `storedListedAt`) so the listing is dated by its publication, not by its import.
   */
  listedAtGiven: boolean;
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
  decisionDocNo: 100,
  termExtensionDecisionNo: 100,
  applicant: 100,
} as const;

const L = DRAFT_TEXT_LIMITS;

/**
 * Reads 法定代表人 / 负责人 (also the English words).
 * @example
 * parseLegalRepresentativeRole('负责人') // '负责人'
 */
export function parseLegalRepresentativeRole(v: unknown): LegalRepresentativeRole | null {
  if (typeof v !== 'string') return null;
  const s = v.replace(/\s+/g, '').toLowerCase();
  if (s === '法定代表人' || s === '法人代表' || s === 'legal_representative') return '法定代表人';
  if (s === '负责人' || s === '主要负责人' || s === 'principal') return '负责人';
  return null;
}

/** Fields every draft has, whatever its kind. */
function commonShape(today: string) {
  return {
    kind: choiceField(parseKind, 'INVALID_KIND'),
    name: textField({ max: L.name }),
    court: textField({ max: L.court }),
    basisIssuer: textField({ max: L.basisIssuer }),
    basisDocNo: textField({ max: L.basisDocNo }),
    obligation: textField({ max: L.obligation, multiline: true }),
    performance: textField({ max: L.performance, multiline: true }),
    region: textField({ max: L.region }),
    unitId: textField({ max: L.unitId, optional: true }),
    filedAt: dateField({ today }),
    listedAt: dateField({ today, optional: true }),
    applicant: textField({ max: L.applicant, optional: true }),
    decisionDocNo: textField({ max: L.decisionDocNo, optional: true }),
    decisionDate: dateField({ today, optional: true }),
    caseNo: parsedField(parseCaseNo, (c) => ({ value: c.value, year: c.year })),
    category: choiceField(parseCategory, 'INVALID_CATEGORY'),
    amountOwedFen: wholeNumberField('INVALID_AMOUNT', {
      message: '未履行金额应为不小于 0 的整数（单位：分）。',
      accept: isValidFen,
    }),
    livelihood: booleanField(false),
    demo: booleanField(false),
    termExtensionYears: z.unknown(),
    termExtensionGround: choiceField(parseTermExtensionGround, 'INVALID_TERM_EXTENSION_GROUND', {
      optional: true,
    }),
    termExtensionDecisionNo: textField({ max: L.termExtensionDecisionNo, optional: true }),
  };
}

const PERSON_ONLY = '被执行人为法人或其他组织时不应填写身份证号码或性别。';
const ORG_ONLY = '被执行人为自然人时不应填写统一社会信用代码或法定代表人。';

function personShape(today: string) {
  return {
    ...commonShape(today),
    uscc: forbiddenField(ORG_ONLY),
    orgCode: forbiddenField(ORG_ONLY),
    legalRepresentative: forbiddenField(ORG_ONLY),
    legalRepresentativeRole: forbiddenField(ORG_ONLY),
    gender: choiceField(parseGender, 'INVALID_GENDER', { optional: true }),
    idNumber: parsedField(
      (s) => parseIdNumber(s, { today }),
      (id) => ({ value: id.value, birthDate: id.birthDate, gender: id.gender }),
    ),
  };
}

function orgShape(today: string) {
  return {
    ...commonShape(today),
    idNumber: forbiddenField(PERSON_ONLY),
    gender: forbiddenField(PERSON_ONLY),
    legalRepresentative: textField({ max: L.legalRepresentative }),
    legalRepresentativeRole: choiceField(parseLegalRepresentativeRole, 'INVALID_LEGAL_REPRESENTATIVE_ROLE', {
      optional: true,
    }),
    // one of the two codes is required: checked across fields below
    uscc: parsedField(parseUscc, (u) => u.value, { optional: true }),
    orgCode: parsedField(parseOrgCode, (o) => o.value, { optional: true }),
  };
}

type Common = z.output<z.ZodObject<ReturnType<typeof commonShape>>>;
type PersonParsed = z.output<z.ZodObject<ReturnType<typeof personShape>>>;
type OrgParsed = z.output<z.ZodObject<ReturnType<typeof orgShape>>>;
type Ctx = z.core.$RefinementCtx<unknown>;

/** Rules across fields: dates in order, case-number year, term extension. */
function checkCommon(d: Common, raw: Record<string, unknown>, ctx: Ctx): void {
  const at = (field: string) => [field];
  if (d.filedAt && d.caseNo && d.caseNo.year !== Number(d.filedAt.slice(0, 4)))
    domainIssue(ctx, 'CASE_NO_YEAR_MISMATCH', undefined, at('caseNo'));
  if (d.filedAt && d.decisionDate && d.decisionDate < d.filedAt)
    domainIssue(ctx, 'DATE_ORDER', '决定书作出日期不能早于立案日期。', at('decisionDate'));
  if (d.filedAt && d.listedAt && d.listedAt < d.filedAt)
    domainIssue(ctx, 'DATE_ORDER', undefined, at('listedAt'));
  else if (d.decisionDate && d.listedAt && d.listedAt < d.decisionDate)
    domainIssue(ctx, 'DATE_ORDER', '发布日期不能早于决定书作出日期。', at('listedAt'));

  if (!isBlank(raw.termExtensionYears)) {
    const years = wholeNumberOrNaN(raw.termExtensionYears);
    const problem = validateTermExtension(d.category ?? 2, years);
    if (problem) domainIssue(ctx, problem.code, problem.message, at(problem.field));
    else if (years > 0) {
      // art. 2: only these grounds, and only by a court decision
      if (isBlank(raw.termExtensionGround))
        domainIssue(ctx, 'REQUIRED', '延长纳入期限时请选择延长理由。', at('termExtensionGround'));
      if (isBlank(raw.termExtensionDecisionNo))
        domainIssue(ctx, 'REQUIRED', '延长纳入期限时请填写延长决定书文号。', at('termExtensionDecisionNo'));
    }
  }
  const extended = wholeNumberOrNaN(raw.termExtensionYears) > 0;
  for (const f of ['termExtensionGround', 'termExtensionDecisionNo'] as const)
    if (!extended && !isBlank(raw[f]))
      domainIssue(ctx, 'FIELD_NOT_ALLOWED', '未延长纳入期限时不应填写延长理由或延长决定书文号。', at(f));
}

function wholeNumberOrNaN(v: unknown): number {
  if (isBlank(v)) return 0;
  const s = typeof v === 'string' ? v.trim() : v;
  if (typeof s === 'number') return s;
  return typeof s === 'string' && /^[0-9０-９]{1,2}$/.test(s)
    ? Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    : Number.NaN;
}

/** The first day the person is on the list: the decision date when recorded, else the listing date. */
function firstListedDay(d: Common, today: string): string {
  return d.decisionDate ?? d.listedAt ?? today;
}

function checkPerson(d: PersonParsed, raw: Record<string, unknown>, ctx: Ctx, today: string): void {
  checkCommon(d, raw, ctx);
  if (!d.idNumber) return;
  if (d.gender && d.gender !== d.idNumber.gender) domainIssue(ctx, 'GENDER_MISMATCH', undefined, ['gender']);
  // art. 4: judged on every day the person would be listed, so on the earliest one
  const first = firstListedDay(d, today);
  if (first < d.idNumber.birthDate || isMinorOn(d.idNumber.birthDate, first))
    domainIssue(ctx, 'MINOR_NOT_LISTABLE', undefined, ['idNumber']);
}

function checkOrg(d: OrgParsed, raw: Record<string, unknown>, ctx: Ctx): void {
  checkCommon(d, raw, ctx);
  if (isBlank(raw.uscc) && isBlank(raw.orgCode)) {
    domainIssue(ctx, 'REQUIRED', '请填写统一社会信用代码；没有统一社会信用代码的，请填写组织机构代码。', [
      'uscc',
    ]);
  }
  if (d.uscc && d.orgCode && orgCodeOfUscc(d.uscc) !== d.orgCode)
    domainIssue(ctx, 'ORG_CODE_MISMATCH', undefined, ['orgCode']);
}

const schemaCache = new Map<string, ReturnType<typeof buildSchema>>();

/**
 * The draft schema for a given day (`today` bounds every date and is the default listing date).
 * Input: any value; output: the normalised draft. Issues carry `params.domainCode` (see
 * `issuesToFieldErrors`). Field rules are the objects' fields; rules across fields run after
 * them on the same input, so one parse reports every problem.
 * @example
 * const r = listingDraftSchema({ today: '2025-06-01' }).safeParse(body);
 * if (!r.success) return issuesToFieldErrors(r.error.issues);
 */
export function listingDraftSchema(opts: { today: string }) {
  const { today } = opts;
  if (!isIsoDate(today)) throw new RangeError(`listingDraftSchema: today must be an ISO date: ${today}`);
  let schema = schemaCache.get(today);
  if (!schema) {
    if (schemaCache.size > 4) schemaCache.clear();
    schema = buildSchema(today);
    schemaCache.set(today, schema);
  }
  return schema;
}

function buildSchema(today: string) {
  const person = z.object(personShape(today));
  const org = z.object(orgShape(today));
  const unknownKind = z.object(commonShape(today));
  return z
    .record(z.string(), z.unknown(), { error: () => DOMAIN_ERROR_MESSAGES.INVALID_INPUT })
    .transform((raw, ctx): NormalizedDraft => {
      const kind = parseKind(raw.kind);
      const schema = kind === 'person' ? person : kind === 'org' ? org : unknownKind;
      // every field present (absent ones as undefined), so that each reports its own REQUIRED
      const r = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((k) => [k, raw[k]])));
      for (const issue of r.error?.issues ?? []) ctx.addIssue({ ...issue, input: undefined } as never);
      const d = (r.success ? r.data : partialOutput(schema, raw)) as PersonParsed | OrgParsed;
      if (kind === 'person') checkPerson(d as PersonParsed, raw, ctx, today);
      else if (kind === 'org') checkOrg(d as OrgParsed, raw, ctx);
      else checkCommon(d, raw, ctx);
      if (!r.success || kind === null || ctx.issues.length > 0) return z.NEVER;
      return toNormalized(d, raw, today);
    });
}

/**
 * The field values of an input that failed somewhere: each field parsed alone (failed ones are
 * undefined), so the rules across fields still run on what is valid.
 */
function partialOutput(schema: z.ZodObject, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const r = (field as z.ZodType).safeParse(raw[key]);
    out[key] = r.success ? r.data : undefined;
  }
  return out;
}

/** Builds the normalised draft, without keys for absent optional fields. */
function toNormalized(
  d: PersonParsed | OrgParsed,
  raw: Record<string, unknown>,
  today: string,
): NormalizedDraft {
  const years = wholeNumberOrNaN(raw.termExtensionYears);
  const value: NormalizedDraft = {
    kind: d.kind!,
    name: d.name!,
    caseNo: d.caseNo!.value,
    court: d.court!,
    filedAt: d.filedAt!,
    basisIssuer: d.basisIssuer!,
    basisDocNo: d.basisDocNo!,
    obligation: d.obligation!,
    performance: d.performance!,
    category: d.category as CategoryCode,
    amountOwedFen: d.amountOwedFen!,
    livelihood: d.livelihood,
    region: d.region!,
    listedAt: d.listedAt ?? today,
    listedAtGiven: d.listedAt !== undefined,
    termExtensionYears: Math.max(years, 0),
    demo: d.demo,
  };
  if (d.kind === 'person') {
    const p = d as PersonParsed;
    Object.assign(value, {
      idNumber: p.idNumber!.value,
      birthDate: p.idNumber!.birthDate,
      gender: p.idNumber!.gender,
    });
  } else {
    const o = d as OrgParsed;
    value.legalRepresentative = o.legalRepresentative!;
    value.legalRepresentativeRole = o.legalRepresentativeRole ?? '法定代表人';
    if (o.uscc) value.uscc = o.uscc;
    if (o.orgCode) value.orgCode = o.orgCode;
  }
  if (d.unitId !== undefined) value.unitId = d.unitId;
  if (d.applicant !== undefined) value.applicant = d.applicant;
  if (d.decisionDocNo !== undefined) value.decisionDocNo = d.decisionDocNo;
  if (d.decisionDate !== undefined) value.decisionDate = d.decisionDate;
  if (value.termExtensionYears > 0) {
    value.termExtensionGround = d.termExtensionGround as TermExtensionGround;
    value.termExtensionDecisionNo = d.termExtensionDecisionNo!;
  }
  return value;
}

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
  const r = listingDraftSchema(opts).safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: issuesToFieldErrors(r.error.issues) };
}
