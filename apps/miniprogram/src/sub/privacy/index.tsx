import { Text, View } from '@tarojs/components';
import { useLargeType } from '../../lib/large-type.ts';

const SECTIONS: { title: string; body: string[] }[] = [
  {
    title: '查询不收集个人信息',
    body: ['查询和浏览失信信息无需登录，不收集您的身份信息。查询内容仅用于返回结果，不与您的身份关联。'],
  },
  {
    title: '举报时收集什么、为什么',
    body: [
      '线索内容、时间和地点：用于法院核实被执行人的财产或下落。',
      '照片（通过“添加照片”）：仅上传您选中的照片，用于核实线索；服务器会去除照片中的位置等元数据。',
      '位置（微信中通过“在地图上选点”，网页版通过“使用当前位置”）：仅在您主动选点或确认读取时获取一次，不获取后台或持续位置。',
      '联系人姓名和电话（可选，申领悬赏时必填）：仅用于法院联系您及依法发放悬赏金，加密保存，只有经批准的工作人员可查看，且每次查看均留痕。',
    ],
  },
  {
    title: '回执保存在哪里',
    body: ['举报回执只在您同意时保存在本机，用于查看处理进度；您可随时删除。回执不会出现在任何网址中。'],
  },
  {
    title: '保存期限与您的权利',
    body: [
      '线索在案件执行完毕后按法院档案规定处理。您可以通过回执查询处理情况；如需更正或删除您提供的联系方式，请联系执行法院。',
    ],
  },
];

/** 隐私说明: what the mini-program collects, why, and for how long (个人信息保护法). */
export default function PrivacyPage() {
  const [large] = useLargeType();
  return (
    <View className={large ? 'page large' : 'page'}>
      {SECTIONS.map((s) => (
        <View className="card article" key={s.title}>
          <Text className="article-h">{s.title}</Text>
          {s.body.map((p) => (
            <Text className="article-p" key={p}>
              {p}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
