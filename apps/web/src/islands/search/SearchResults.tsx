import { formatFen, orgIdentifierOf, type PublicListing, representativeRoleOf } from '@portal/domain';
import { formatDateZh } from '../../lib/format.ts';

/** One result: every value rendered as text by React, never as markup. */
function ResultItem({ hit, viaRepresentative }: { hit: PublicListing; viaRepresentative: boolean }) {
  const ident = hit.kind === 'person' ? hit.idNumberMasked : orgIdentifierOf(hit)?.value;
  const role = representativeRoleOf(hit);
  return (
    <li className="card">
      <h3>
        <a href={`/listings/${encodeURIComponent(hit.id)}/`}>{hit.name}</a>
        {hit.demo && (
          <>
            {' '}
            <span className="badge demo">演示数据</span>
          </>
        )}
        {hit.livelihood && (
          <>
            {' '}
            <span className="badge livelihood">涉民生</span>
          </>
        )}
        {viaRepresentative && (
          <>
            {' '}
            <span className="badge via-representative">{`命中：${role}`}</span>
          </>
        )}
      </h3>
      {viaRepresentative && (
        <p className="note">
          {`查询词与该单位的${role}姓名相符；被列入名单的是该单位，${role}本人并未因此被列为失信被执行人。`}
        </p>
      )}
      <p className="meta">
        {hit.kind === 'person' ? '自然人' : '单位'}
        {ident && <span className="mono">{` · ${ident}`}</span>}
      </p>
      {hit.kind === 'org' && hit.legalRepresentative && (
        <p className="meta">{`${role}：${hit.legalRepresentative}`}</p>
      )}
      <p className="meta">{`${hit.caseNo} · ${hit.court}`}</p>
      <p className="meta">{hit.categoryLabel}</p>
      <p className="meta">
        未履行金额 <span className="amount">{formatFen(hit.amountOwedFen)}</span>
        {` · 发布于 ${formatDateZh(hit.listedAt)}`}
      </p>
    </li>
  );
}

export function SearchResults({
  hits,
  busy,
  representativeMatches = [],
}: {
  hits: PublicListing[];
  busy: boolean;
  /** ids of organisations matched only through their legal representative's name */
  representativeMatches?: readonly string[];
}) {
  if (hits.length === 0) {
    return <p>没有找到符合条件的记录。请检查姓名是否有错别字，或减少筛选条件。</p>;
  }
  return (
    <ul className="card-list" aria-busy={busy}>
      {hits.map((h) => (
        <ResultItem key={h.id} hit={h} viaRepresentative={representativeMatches.includes(h.id)} />
      ))}
    </ul>
  );
}
