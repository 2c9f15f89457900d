import type { CampaignReport, DeadlineCompliance } from '@portal/contract';
import { type CsvCell, formatFen } from '@portal/domain';

/**
 * The campaign report's tables, built once from the API's answer and used three ways: shown on
 * the 专项行动 screen, printed on the report page, exported as CSV. `cells` are the raw values
 * (amounts in 元 as numbers, rates as percentages) for the spreadsheet; `text` what a reader sees.
 */
export interface CampaignTable {
  id: string;
  caption: string;
  columns: readonly { label: string; numeric?: boolean }[];
  rows: { cells: CsvCell[]; text: string[] }[];
}

const yuan = (fen: number) => Math.round(fen) / 100;
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** `75.0%`, or `—` when nothing fell due. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

const count = (n: number) => n.toLocaleString('zh-CN');

function row(...cells: (readonly [CsvCell, string])[]) {
  return { cells: cells.map((c) => c[0]), text: cells.map((c) => c[1]) };
}
const label = (s: string) => [s, s] as const;
const num = (n: number) => [n, count(n)] as const;
const money = (fen: number) => [yuan(fen), formatFen(fen)] as const;
const rate = (r: number | null) => [pct(r), formatRate(r)] as const;

function deadlineRow(name: string, d: DeadlineCompliance) {
  return row(label(name), num(d.met), num(d.late), num(d.overdue), num(d.pending), rate(d.rate));
}

/** Every table of the report, 涉民生 first (the plan's priority). */
export function campaignTables(r: CampaignReport): CampaignTable[] {
  const lv = r.livelihood;
  return [
    {
      id: 'livelihood',
      caption: '涉民生案件',
      columns: [{ label: '项目' }, { label: '件数', numeric: true }, { label: '金额（元）', numeric: true }],
      rows: [
        row(label('期间公布'), num(lv.published), money(lv.publishedAmountFen)),
        row(label('期间删除'), num(lv.removed), money(lv.removedAmountFen)),
        row(label('其中因履行删除（执行到位）'), num(lv.performed), money(lv.performedAmountFen)),
        row(label('涉民生案件收到的举报线索'), num(lv.tipsReceived), ['', '—']),
      ],
    },
    {
      id: 'listings',
      caption: '失信名单公布与删除',
      columns: [
        { label: '项目' },
        { label: '件数', numeric: true },
        { label: '金额（元）', numeric: true },
        { label: '其中涉民生', numeric: true },
      ],
      rows: [
        row(
          label('期间公布'),
          num(r.published.count),
          money(r.published.amountFen),
          num(r.published.livelihood),
        ),
        row(label('期间删除'), num(r.removed.count), money(r.removed.amountFen), num(r.removed.livelihood)),
        row(label('其中因履行删除（执行到位）'), num(r.performed.count), money(r.performed.amountFen), [
          '',
          '—',
        ]),
      ],
    },
    {
      id: 'removal-reasons',
      caption: '删除事由',
      columns: [
        { label: '删除事由' },
        { label: '件数', numeric: true },
        { label: '金额（元）', numeric: true },
        { label: '其中涉民生', numeric: true },
      ],
      rows: r.removedByReason.map((x) =>
        row(label(x.label), num(x.count), money(x.amountFen), num(x.livelihood)),
      ),
    },
    {
      id: 'tips',
      caption: '举报线索',
      columns: [{ label: '项目' }, { label: '件数', numeric: true }],
      rows: [
        row(label('收到线索'), num(r.tips.received)),
        row(label('已查看'), num(r.tips.opened)),
        row(label('经核查属实'), num(r.tips.verified)),
        row(label('促成执行到位'), num(r.tips.recovery)),
        ...r.tips.byKind.map((k) => row(label(`其中${k.label}`), num(k.count))),
      ],
    },
    {
      id: 'rewards',
      caption: '悬赏',
      columns: [{ label: '项目' }, { label: '数值', numeric: true }],
      rows: [
        row(label('发布悬赏公告（件）'), num(r.rewards.published)),
        row(label('定额悬赏金合计（元）'), money(r.rewards.amountFen)),
        row(label('按比例计算悬赏金的公告（件）'), num(r.rewards.rateNotices)),
        row(label('登记的悬赏线索（件）'), num(r.rewards.claims)),
      ],
    },
    {
      id: 'deadlines',
      caption: '办理时限',
      columns: [
        { label: '事项' },
        { label: '按期完成', numeric: true },
        { label: '逾期完成', numeric: true },
        { label: '超期未完成', numeric: true },
        { label: '尚在期限内', numeric: true },
        { label: '按期率（%）', numeric: true },
      ],
      rows: [
        deadlineRow('删除（3 个工作日内）', r.deadlines.removals),
        deadlineRow('纠正（决定后 3 个工作日内）', r.deadlines.corrections),
        deadlineRow('线索查看（1 个工作日内）', r.deadlines.tipsOpened),
        deadlineRow('合计', r.deadlines.overall),
      ],
    },
    {
      id: 'leaderboard',
      caption: '执行单元排行榜（你追我赶，争先创优）',
      columns: [
        { label: '排名', numeric: true },
        { label: '执行单元' },
        { label: '公布', numeric: true },
        { label: '删除', numeric: true },
        { label: '执行到位', numeric: true },
        { label: '执行到位金额（元）', numeric: true },
        { label: '收到线索', numeric: true },
        { label: '线索属实', numeric: true },
        { label: '促成到位', numeric: true },
        { label: '删除按期率（%）', numeric: true },
        { label: '纠正按期率（%）', numeric: true },
        { label: '线索查看按期率（%）', numeric: true },
        { label: '综合按期率（%）', numeric: true },
      ],
      rows: r.units.map((u) =>
        row(
          u.rank === null ? ['', '—'] : num(u.rank),
          label(u.name),
          num(u.published),
          num(u.removed),
          num(u.performed),
          money(u.performedAmountFen),
          num(u.tipsReceived),
          num(u.tipsVerified),
          num(u.tipsRecovery),
          rate(u.removals.rate),
          rate(u.corrections.rate),
          rate(u.tipsOpened.rate),
          rate(u.complianceRate),
        ),
      ),
    },
  ];
}

/** One table per unit for the printed report: the unit's own figures, item by item. */
export function unitTables(r: CampaignReport): CampaignTable[] {
  return r.units.map((u) => ({
    id: `unit-${u.unitId ?? 'none'}`,
    caption: u.rank === null ? u.name : `第 ${u.rank} 名　${u.name}`,
    columns: [{ label: '项目' }, { label: '数值', numeric: true }],
    rows: [
      row(label('期间公布（件）'), num(u.published)),
      row(label('其中涉民生（件）'), num(u.livelihoodPublished)),
      row(label('公布金额（元）'), money(u.publishedAmountFen)),
      row(label('期间删除（件）'), num(u.removed)),
      row(label('因履行删除（件）'), num(u.performed)),
      row(label('执行到位金额（元）'), money(u.performedAmountFen)),
      row(label('收到线索（件）'), num(u.tipsReceived)),
      row(label('线索属实（件）'), num(u.tipsVerified)),
      row(label('促成执行到位（件）'), num(u.tipsRecovery)),
      row(label('登记悬赏线索（件）'), num(u.rewardClaims)),
      row(label('删除按期率'), rate(u.removals.rate)),
      row(label('纠正按期率'), rate(u.corrections.rate)),
      row(label('线索查看按期率'), rate(u.tipsOpened.rate)),
      row(label('综合按期率'), rate(u.complianceRate)),
    ],
  }));
}
