import { Text, View } from '@tarojs/components';
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useLargeType } from '../../lib/large-type.ts';
import { open } from '../../lib/navigate.ts';
import { NOTICES } from '../notices-data.ts';

/** 公告与指南: the court's notices and the guides from content/notices. */
export default function NoticesPage() {
  const [large] = useLargeType();
  useShareAppMessage(() => ({ title: '公告与指南', path: '/sub/notices/index' }));
  useShareTimeline(() => ({ title: '公告与指南' }));
  return (
    <View className={large ? 'page large' : 'page'}>
      {NOTICES.map((n) => (
        <View
          className="card notice-item"
          key={n.slug}
          role="link"
          aria-label={`${n.kind}：${n.title}`}
          onClick={() => open('notice', { slug: n.slug })}
        >
          <Text className="tag">{n.kind}</Text>
          <Text className="name">{n.title}</Text>
          <Text className="hint">{n.date}</Text>
          <Text className="line">{n.summary}</Text>
        </View>
      ))}
    </View>
  );
}
