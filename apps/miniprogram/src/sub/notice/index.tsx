import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useLargeType } from '../../lib/large-type.ts';
import { NOTICES } from '../notices-data.ts';

/** One notice or guide, rendered from its blocks; shareable like every notice page. */
export default function NoticePage() {
  const { params } = useRouter();
  const notice = NOTICES.find((n) => n.slug === params.slug);
  const [large] = useLargeType();
  const title = notice?.title ?? '公告';
  useShareAppMessage(() => ({ title, path: `/sub/notice/index?slug=${params.slug ?? ''}` }));
  useShareTimeline(() => ({ title, query: `slug=${params.slug ?? ''}` }));
  if (!notice) {
    return (
      <View className="page">
        <View role="alert">
          <Text>该公告不存在。</Text>
        </View>
      </View>
    );
  }
  return (
    <View className={large ? 'page large' : 'page'}>
      <View className="card article">
        <Text className="article-title">{notice.title}</Text>
        <Text className="hint">
          {notice.kind} · {notice.date}
        </Text>
        {notice.blocks.map((b, i) => (
          // blocks are static and never reordered: the index is a stable key
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Text key={i} className={b.t === 'h' ? 'article-h' : b.t === 'li' ? 'article-li' : 'article-p'}>
            {b.t === 'li' && !/^\d/.test(b.text) ? `• ${b.text}` : b.text}
          </Text>
        ))}
      </View>
    </View>
  );
}
