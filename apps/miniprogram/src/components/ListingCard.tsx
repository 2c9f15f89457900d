import type { SearchResult } from '@portal/contract/routes';
import { orgIdentifierOf, representativeRoleOf } from '@portal/domain';
import { Text, View } from '@tarojs/components';
import { formatFen } from '../lib/format.ts';
import { DemoMark } from './DemoMark.tsx';

type Listing = SearchResult['hits'][number];

/**
 * One search hit: who, which case, how much; tapping it opens the detail page. A company found
 * only through its legal representative's name says so, like the site (法发〔2019〕35号): the
 * representative is not listed because of it.
 */
export function ListingCard({
  listing,
  viaRepresentative = false,
  onOpen,
}: {
  listing: Listing;
  viaRepresentative?: boolean;
  onOpen: (id: string) => void;
}) {
  // an organisation without a credit code shows its 9-character organisation code (GB 11714)
  const identity = listing.kind === 'person' ? listing.idNumberMasked : orgIdentifierOf(listing)?.value;
  return (
    <View
      className="card listing-card"
      role="link"
      aria-label={`${listing.name}，案号${listing.caseNo}，查看详情`}
      onClick={() => onOpen(listing.id)}
    >
      <View className="card-title">
        <Text className="name">{listing.name}</Text>
        {listing.demo ? <DemoMark /> : null}
        {listing.livelihood ? <Text className="tag">涉民生</Text> : null}
        {viaRepresentative ? <Text className="tag">命中：法定代表人</Text> : null}
      </View>
      {viaRepresentative ? (
        <Text className="hint">
          查询词与该单位的法定代表人（负责人）姓名相符；被列入名单的是该单位，法定代表人本人并未因此被列为失信被执行人。
        </Text>
      ) : null}
      {identity ? <Text className="line mono">{identity}</Text> : null}
      {listing.kind === 'org' && listing.legalRepresentative ? (
        <Text className="line">
          {representativeRoleOf(listing)}：{listing.legalRepresentative}
        </Text>
      ) : null}
      <Text className="line">{listing.caseNo}</Text>
      <Text className="line">{listing.court}</Text>
      <Text className="line">
        未履行金额 <Text className="amount">{formatFen(listing.amountOwedFen)}</Text>
      </Text>
    </View>
  );
}
