import { z } from 'zod';

const text = (description: string) => z.string().describe(description);
const loose = (description: string) => z.union([z.string(), z.number()]).describe(description);
const flag = (description: string) => z.union([z.boolean(), z.string()]).describe(description);

/**
 * The wire shape of a listing draft (`POST /admin/listings`, one CSV row), for the API contract
 * and OpenAPI: which keys exist and what they hold. Validation and normalisation are
 * `listingDraftSchema`; this schema only documents (and type-checks) the body.
 */
export const ListingDraftBodySchema = z
  .object({
    kind: z.enum(['person', 'org']).describe('被执行人类型（也接受“自然人”“法人或其他组织”）'),
    name: text('姓名/名称'),
    idNumber: text('身份证号码（自然人；15 位号码自动转换为 18 位）').optional(),
    gender: z.enum(['男', '女']).describe('性别（自然人，须与身份证号码一致）').optional(),
    uscc: text('统一社会信用代码（法人或其他组织）').optional(),
    orgCode: text('组织机构代码（没有统一社会信用代码的法人或其他组织，GB 11714）').optional(),
    legalRepresentative: text('法定代表人或者负责人姓名（法人或其他组织）').optional(),
    legalRepresentativeRole: z
      .enum(['法定代表人', '负责人'])
      .describe('法定代表人或者负责人的身份，默认“法定代表人”')
      .optional(),
    caseNo: text('案号（含 2016 年以前的“字第”旧格式）'),
    court: text('执行法院'),
    filedAt: text('立案日期 YYYY-MM-DD'),
    basisIssuer: text('执行依据制作单位'),
    basisDocNo: text('执行依据文号'),
    obligation: text('生效法律文书确定的义务'),
    performance: text('被执行人的履行情况'),
    category: loose('失信被执行人具体情形 1–6'),
    amountOwedFen: loose('未履行金额（分）'),
    livelihood: flag('涉民生案件').optional(),
    region: text('地区'),
    listedAt: text('发布日期 YYYY-MM-DD；缺省为发布之日').optional(),
    applicant: text('申请纳入的申请执行人（第五条；法院依职权纳入的不填；不公开）').optional(),
    decisionDocNo: text('纳入失信名单决定书文号（第五条）').optional(),
    decisionDate: text('决定书作出日期 YYYY-MM-DD；纳入期限自该日起算').optional(),
    termExtensionYears: loose('延长纳入期限（年，1–3，仅第二至六项）').optional(),
    termExtensionGround: z
      .enum(['violent_obstruction', 'multiple_defaults'])
      .describe('延长理由（第二条）：以暴力、威胁方法妨碍、抗拒执行情节严重；具有多项失信行为')
      .optional(),
    termExtensionDecisionNo: text('延长纳入期限的决定书文号').optional(),
    unitId: text('执行单元').optional(),
    demo: flag('演示数据').optional(),
  })
  .describe('失信被执行人信息草稿');
