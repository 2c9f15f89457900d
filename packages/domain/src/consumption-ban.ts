/**
 * The consumption ban (限制消费令): 最高人民法院《关于限制被执行人高消费及有关消费的若干规定》
 * (2015 revision) art. 3. Every listed defaulter is under it (法释〔2017〕7号 art. 1 and
 * 民事诉讼法), so the portal explains it and takes reports of violations.
 */

export interface ConsumptionBanItem {
  /** 1–9, the item number of art. 3 para. 1 */
  item: number;
  /** The item as the regulation words it. */
  text: string;
  /** A few characters for a tip-off form's choice list. */
  shortLabel: string;
}

export const CONSUMPTION_BAN_ITEMS: readonly ConsumptionBanItem[] = [
  {
    item: 1,
    text: '乘坐交通工具时，选择飞机、列车软卧、轮船二等以上舱位',
    shortLabel: '乘坐飞机、软卧、轮船二等以上舱位',
  },
  {
    item: 2,
    text: '在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费',
    shortLabel: '星级宾馆、夜总会、高尔夫等高消费',
  },
  { item: 3, text: '购买不动产或者新建、扩建、高档装修房屋', shortLabel: '购房、建房或高档装修' },
  { item: 4, text: '租赁高档写字楼、宾馆、公寓等场所办公', shortLabel: '租赁高档写字楼等办公' },
  { item: 5, text: '购买非经营必需车辆', shortLabel: '购买非经营必需车辆' },
  { item: 6, text: '旅游、度假', shortLabel: '旅游、度假' },
  { item: 7, text: '子女就读高收费私立学校', shortLabel: '子女就读高收费私立学校' },
  { item: 8, text: '支付高额保费购买保险理财产品', shortLabel: '高额保费购买保险理财产品' },
  {
    item: 9,
    text: '乘坐G字头动车组列车全部座位、其他动车组列车一等以上座位等其他非生活和工作必需的消费行为',
    shortLabel: '乘坐G字头动车组列车或其他动车组一等以上座位',
  },
];

/** Art. 3 para. 1: who the items apply to when the defaulter is a natural person. */
export const CONSUMPTION_BAN_PERSON_SCOPE =
  '被执行人为自然人的，被采取限制消费措施后，不得有以下高消费及非生活和工作必需的消费行为。';

/** Art. 3 para. 2: the same ban reaches the people behind an organisation. */
export const CONSUMPTION_BAN_ORG_SCOPE =
  '被执行人为单位的，被采取限制消费措施后，被执行人及其法定代表人、主要负责人、影响债务履行的直接责任人员、实际控制人不得实施前款规定的行为。因私消费以个人财产实施前款规定行为的，可以向执行法院提出申请。执行法院审查属实的，应予准许。';
