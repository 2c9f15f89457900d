/**
 * How a public listing names an organisation's identifier and representative (法释〔2017〕7号
 * art. 6 ¶1 (一)): the credit code, or for an organisation without one its organisation code
 * (GB 11714, written with the hyphen as on its certificate); the representative with the role
 * recorded for it (法定代表人 or 负责人). One definition for site, mini-program, screens and cards.
 */
import type { LegalRepresentativeRole, PublicListing } from './listing-types.ts';

/**
 * An organisation code as written on its certificate: 8 characters, hyphen, check character.
 * @example
 * formatOrgCode('D2143569X') // 'D2143569-X'
 */
export function formatOrgCode(code: string): string {
  return code.length === 9 ? `${code.slice(0, 8)}-${code.slice(8)}` : code;
}

/**
 * The identifier an organisation is shown with, or null when it has none recorded.
 * @example
 * orgIdentifierOf({ uscc: '', orgCode: 'D2143569X' }) // { label: '组织机构代码', value: 'D2143569-X' }
 * orgIdentifierOf({ uscc: '91350100M000100Y43', orgCode: 'M000100Y4' })?.label // '统一社会信用代码'
 */
export function orgIdentifierOf(
  l: Pick<PublicListing, 'uscc' | 'orgCode'>,
): { label: '统一社会信用代码' | '组织机构代码'; value: string } | null {
  if (l.uscc) return { label: '统一社会信用代码', value: l.uscc };
  if (l.orgCode) return { label: '组织机构代码', value: formatOrgCode(l.orgCode) };
  return null;
}

/**
 * The role of an organisation's named representative: as recorded, 法定代表人 when not recorded.
 * @example
 * representativeRoleOf({ legalRepresentativeRole: '负责人' }) // '负责人'
 */
export function representativeRoleOf(
  l: Pick<PublicListing, 'legalRepresentativeRole'>,
): LegalRepresentativeRole {
  return l.legalRepresentativeRole ?? '法定代表人';
}
