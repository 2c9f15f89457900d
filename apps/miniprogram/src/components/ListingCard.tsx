import type { SearchResult } from '@portal/contract/routes';
import { Text, View } from '@tarojs/components';
import { formatFen } from '../lib/format.ts';
import { DemoMark } from './DemoMark.tsx';

type Listing = SearchResult['hits'][number];

/** One search hit: who, which case, how much; tapping it opens the detail page. */
export function ListingCard({ listing, onOpen }: { listing: Listing; onOpen: (id: string) => void }) {
  const identity = listing.kind === 'person' ? listing.idNumberMasked : listing.uscc;
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
      </View>
      {identity ? <Text className="line mono">{identity}</Text> : null}
      <Text className="line">{listing.caseNo}</Text>
      <Text className="line">{listing.court}</Text>
      <Text className="line">
        未履行金额 <Text className="amount">{formatFen(listing.amountOwedFen)}</Text>
      </Text>
    </View>
  );
}
