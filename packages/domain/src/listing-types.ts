/**
 * Shapes shared by every surface. The public projection (`PublicListing`) is the only
 * shape that may leave the system of record towards the public: search index, site,
 * mini-program, screens, share cards. It holds exactly the fields of 法释〔2017〕7号 art. 6.
 */

/** 1–6, the six listing grounds of art. 1. */
export type CategoryCode = 1 | 2 | 3 | 4 | 5 | 6;

export type ListingKind = 'person' | 'org';

export type ListingStatus = 'draft' | 'published' | 'removed';

export type RemovalReason =
  | 'performed'
  | 'settled'
  | 'withdrawn'
  | 'no_assets'
  | 'suspended'
  | 'not_enforced'
  | 'terminated'
  | 'revoked'
  | 'expired'
  | 'active_performance';

/** Role of the person named for an organisation (art. 6: 法定代表人或者负责人). */
export type LegalRepresentativeRole = '法定代表人' | '负责人';

/** The grounds art. 2 names for extending a term: violent obstruction, or several defaults. */
export type TermExtensionGround = 'violent_obstruction' | 'multiple_defaults';

/** Public JSON of a published listing (CONTRACT.md `Listing`). Dates are `YYYY-MM-DD`. */
export interface PublicListing {
  id: string;
  kind: ListingKind;
  name: string;
  /** persons only */
  gender?: '男' | '女';
  /** persons only: age in whole years on the listing date */
  age?: number;
  /** persons only: `4601031980****1234` */
  idNumberMasked?: string;
  /** organisations only: unified social credit code (public by law); `''` when it has none */
  uscc?: string;
  /**
   * organisations only, when recorded: 9-character organisation code (GB 11714, no hyphen), the
   * identifier of an organisation without a credit code (art. 6 ¶1 (一))
   */
  orgCode?: string;
  /** organisations only */
  legalRepresentative?: string;
  /** organisations with a named representative: 法定代表人 or 负责人 (art. 6) */
  legalRepresentativeRole?: LegalRepresentativeRole;
  caseNo: string;
  court: string;
  filedAt: string;
  basisIssuer: string;
  basisDocNo: string;
  obligation: string;
  performance: string;
  category: CategoryCode;
  categoryLabel: string;
  amountOwedFen: number;
  livelihood: boolean;
  region: string;
  listedAt: string;
  /** null for category 1 (no fixed term) */
  termEndsAt: string | null;
  demo: boolean;
}

/**
 * What staff submit (API body, CSV row). Persons carry the full `idNumber`, which stays in the
 * system of record and never reaches a public shape.
 */
export interface ListingDraftInput {
  kind: ListingKind;
  name: string;
  idNumber?: string;
  gender?: '男' | '女';
  uscc?: string;
  /** organisations without a credit code: 9-character organisation code (GB 11714) */
  orgCode?: string;
  legalRepresentative?: string;
  /** organisations: defaults to 法定代表人 */
  legalRepresentativeRole?: LegalRepresentativeRole;
  caseNo: string;
  court: string;
  filedAt: string;
  basisIssuer: string;
  basisDocNo: string;
  obligation: string;
  performance: string;
  category: CategoryCode;
  amountOwedFen: number;
  livelihood: boolean;
  region: string;
  /** defaults to the publication date when absent */
  listedAt?: string;
  /**
   * the creditor (申请执行人) who applied for the listing (art. 5); absent when the court listed on
   * its own motion. Needed for the six-month bar of art. 10 ¶4. Never public.
   */
  applicant?: string;
  /** number of the court's listing decision (决定书, art. 5) */
  decisionDocNo?: string;
  /** date the decision was made; the term runs from it (art. 5: effective when made) */
  decisionDate?: string;
  /** extension of the 2-year term in years (1–3), categories 2–6 only */
  termExtensionYears?: number;
  /** required with an extension: the ground of art. 2 */
  termExtensionGround?: TermExtensionGround;
  /** required with an extension: number of the extension decision */
  termExtensionDecisionNo?: string;
  unitId?: string;
  demo?: boolean;
}
