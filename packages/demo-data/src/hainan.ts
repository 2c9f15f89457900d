/**
 * Hainan's county-level divisions with their administrative codes (GB/T 2260, used as ID-number
 * prefixes), towns, the basic-level court and its case-number code (法院代字), and a weight roughly
 * following population and caseload.
 */
export interface HainanRegion {
  /** what listings show as `region` */
  name: string;
  /** 6-digit administrative code */
  code: string;
  towns: readonly string[];
  court: string;
  courtCode: string;
  /** intermediate court hearing its appeals */
  appealCourt: string;
  appealCourtCode: string;
  weight: number;
}

const HAIKOU_MID = ['海口市中级人民法院', '琼01'] as const;
const SANYA_MID = ['三亚市中级人民法院', '琼02'] as const;
const FIRST_MID = ['海南省第一中级人民法院', '琼96'] as const;
const SECOND_MID = ['海南省第二中级人民法院', '琼97'] as const;

function region(
  name: string,
  code: string,
  court: string,
  courtCode: string,
  appeal: readonly [string, string],
  weight: number,
  towns: string,
): HainanRegion {
  return {
    name,
    code,
    court,
    courtCode,
    appealCourt: appeal[0],
    appealCourtCode: appeal[1],
    weight,
    towns: towns.split(' '),
  };
}

export const HAINAN_REGIONS: readonly HainanRegion[] = [
  region(
    '海口市秀英区',
    '460105',
    '海口市秀英区人民法院',
    '琼0105',
    HAIKOU_MID,
    6,
    '长流镇 西秀镇 海秀镇 石山镇 永兴镇 东山镇',
  ),
  region(
    '海口市龙华区',
    '460106',
    '海口市龙华区人民法院',
    '琼0106',
    HAIKOU_MID,
    11,
    '城西镇 龙桥镇 新坡镇 遵谭镇 龙泉镇 金宇街道',
  ),
  region(
    '海口市琼山区',
    '460107',
    '海口市琼山区人民法院',
    '琼0107',
    HAIKOU_MID,
    8,
    '府城街道 云龙镇 红旗镇 三门坡镇 大坡镇 甲子镇 旧州镇 龙塘镇',
  ),
  region(
    '海口市美兰区',
    '460108',
    '海口市美兰区人民法院',
    '琼0108',
    HAIKOU_MID,
    9,
    '灵山镇 演丰镇 三江镇 大致坡镇 白龙街道',
  ),
  region(
    '三亚市',
    '460200',
    '三亚市城郊人民法院',
    '琼0271',
    SANYA_MID,
    10,
    '海棠湾镇 吉阳镇 凤凰镇 天涯镇 育才镇 崖城镇',
  ),
  region(
    '儋州市',
    '460400',
    '儋州市人民法院',
    '琼9003',
    SECOND_MID,
    9,
    '那大镇 和庆镇 南丰镇 大成镇 雅星镇 兰洋镇 光村镇 木棠镇 海头镇 峨蔓镇 王五镇 白马井镇 中和镇 排浦镇 东成镇 新州镇',
  ),
  region('五指山市', '469001', '五指山市人民法院', '琼9001', FIRST_MID, 1.2, '通什镇 南圣镇 毛阳镇 番阳镇'),
  region(
    '琼海市',
    '469002',
    '琼海市人民法院',
    '琼9002',
    FIRST_MID,
    4.5,
    '嘉积镇 万泉镇 石壁镇 中原镇 博鳌镇 阳江镇 龙江镇 潭门镇 塔洋镇 长坡镇 大路镇 会山镇',
  ),
  region(
    '文昌市',
    '469005',
    '文昌市人民法院',
    '琼9005',
    FIRST_MID,
    5,
    '文城镇 重兴镇 蓬莱镇 会文镇 东路镇 潭牛镇 东阁镇 文教镇 东郊镇 龙楼镇 昌洒镇 翁田镇 抱罗镇 冯坡镇 锦山镇 铺前镇 公坡镇',
  ),
  region(
    '万宁市',
    '469006',
    '万宁市人民法院',
    '琼9006',
    FIRST_MID,
    5,
    '万城镇 龙滚镇 和乐镇 后安镇 大茂镇 东澳镇 礼纪镇 长丰镇 山根镇 北大镇 南桥镇 三更罗镇',
  ),
  region(
    '东方市',
    '469007',
    '东方市人民法院',
    '琼9007',
    SECOND_MID,
    4,
    '八所镇 东河镇 大田镇 感城镇 板桥镇 三家镇 四更镇 新龙镇',
  ),
  region(
    '定安县',
    '469021',
    '定安县人民法院',
    '琼9021',
    FIRST_MID,
    3,
    '定城镇 新竹镇 龙湖镇 黄竹镇 雷鸣镇 龙门镇 龙河镇 岭口镇 翰林镇 富文镇',
  ),
  region(
    '屯昌县',
    '469022',
    '屯昌县人民法院',
    '琼9022',
    FIRST_MID,
    2.2,
    '屯城镇 新兴镇 枫木镇 乌坡镇 南吕镇 南坤镇 坡心镇 西昌镇',
  ),
  region(
    '澄迈县',
    '469023',
    '澄迈县人民法院',
    '琼9023',
    SECOND_MID,
    5,
    '金江镇 老城镇 瑞溪镇 永发镇 加乐镇 文儒镇 中兴镇 仁兴镇 福山镇 桥头镇 大丰镇',
  ),
  region(
    '临高县',
    '469024',
    '临高县人民法院',
    '琼9024',
    SECOND_MID,
    3.5,
    '临城镇 波莲镇 东英镇 博厚镇 皇桐镇 多文镇 和舍镇 南宝镇 新盈镇 调楼镇',
  ),
  region(
    '白沙黎族自治县',
    '469025',
    '白沙黎族自治县人民法院',
    '琼9025',
    SECOND_MID,
    1.5,
    '牙叉镇 七坊镇 邦溪镇 打安镇',
  ),
  region(
    '昌江黎族自治县',
    '469026',
    '昌江黎族自治县人民法院',
    '琼9026',
    SECOND_MID,
    2,
    '石碌镇 叉河镇 十月田镇 乌烈镇 昌化镇 海尾镇 七叉镇',
  ),
  region(
    '乐东黎族自治县',
    '469027',
    '乐东黎族自治县人民法院',
    '琼9027',
    FIRST_MID,
    3.5,
    '抱由镇 万冲镇 大安镇 志仲镇 千家镇 九所镇 利国镇 黄流镇 佛罗镇 尖峰镇 莺歌海镇',
  ),
  region(
    '陵水黎族自治县',
    '469028',
    '陵水黎族自治县人民法院',
    '琼9028',
    FIRST_MID,
    3.5,
    '椰林镇 光坡镇 三才镇 英州镇 隆广镇 文罗镇 本号镇 新村镇 黎安镇',
  ),
  region(
    '保亭黎族苗族自治县',
    '469029',
    '保亭黎族苗族自治县人民法院',
    '琼9029',
    FIRST_MID,
    1.5,
    '保城镇 什玲镇 加茂镇 响水镇 新政镇 三道镇',
  ),
  region(
    '琼中黎族苗族自治县',
    '469030',
    '琼中黎族苗族自治县人民法院',
    '琼9030',
    FIRST_MID,
    1.5,
    '营根镇 湾岭镇 黎母山镇 和平镇 长征镇 红毛镇 中平镇',
  ),
];

/** Where defaulters living in Hainan were often born: a few mainland prefectures (code, weight). */
export const MAINLAND_ID_PREFIXES: readonly (readonly [string, number])[] = [
  ['440800', 3], // 广东湛江
  ['440100', 1], // 广东广州
  ['430100', 1.5], // 湖南长沙
  ['431000', 1], // 湖南郴州
  ['510100', 1.2], // 四川成都
  ['450100', 1], // 广西南宁
  ['360100', 0.8], // 江西南昌
  ['230100', 0.8], // 黑龙江哈尔滨
  ['410100', 0.8], // 河南郑州
  ['420100', 0.7], // 湖北武汉
];

/** Courts above the basic level that also enforce (large cases). */
export const UPPER_COURTS = [HAIKOU_MID, SANYA_MID, FIRST_MID, SECOND_MID] as const;
