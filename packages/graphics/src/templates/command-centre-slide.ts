import { formatCount, formatDateZh, formatIsoDateZh } from '../format.ts';
import { h, type VNode } from '../h.ts';
import { BASE_STYLE, COLORS } from '../theme.ts';
import { col, line, row, rule } from './parts.ts';
import { slideHeader } from './slide-chrome.ts';

/** One 执行单元's workload on the command centre's wall: counts and dates only, no case or person. */
export interface CommandCentreUnit {
  name: string;
  /** tips not yet verified, found not useful or closed */
  openTips: number;
  /** of those, never opened by the unit */
  unopenedTips: number;
  /** unopened past the one-working-day target */
  lateUnopenedTips: number;
  /** listings past their 3-working-day removal deadline and still published */
  overdueRemovals: number;
  /** correction requests awaiting a decision or an accepted fix */
  openCorrections: number;
  /** of those, past their deadline */
  overdueCorrections: number;
  /** the nearest deadline among the unit's open items, `YYYY-MM-DD`, or null */
  nextDeadline: string | null;
}

export interface CommandCentreSlideInput {
  courtName: string;
  units: readonly CommandCentreUnit[];
  date?: Date;
}

export const COMMAND_CENTRE_SIZE = { width: 1920, height: 1080 } as const;
/** Rows that fit under the header; more units continue as "另有 N 个执行单元". */
export const COMMAND_CENTRE_ROWS = 9;

const COLUMNS = [
  { label: '执行单元', width: 380 },
  { label: '待办线索', width: 190 },
  { label: '未查看', width: 170 },
  { label: '超时未查看', width: 210 },
  { label: '删除超期', width: 190 },
  { label: '纠正待办', width: 190 },
  { label: '纠正超期', width: 190 },
  { label: '最近期限', width: 304 },
] as const;

function cell(text: string, i: number, style: Record<string, unknown> = {}): VNode {
  const width = COLUMNS[i]!.width;
  return line(text, 36, width, {
    width,
    flexShrink: 0,
    paddingLeft: i === 0 ? 0 : 16,
    justifyContent: i === 0 ? 'flex-start' : 'flex-end',
    ...style,
  });
}

const alarm = (n: number) => (n > 0 ? { color: '#ff8a65', fontWeight: 700 } : {});

function unitRow(u: CommandCentreUnit, shade: boolean): VNode {
  return row(
    {
      height: 78,
      alignItems: 'center',
      padding: '0 48px',
      backgroundColor: shade ? COLORS.navyLight : COLORS.navy,
    },
    cell(u.name, 0, { fontWeight: 700 }),
    cell(formatCount(u.openTips), 1, { color: COLORS.gold, fontWeight: 700 }),
    cell(formatCount(u.unopenedTips), 2),
    cell(formatCount(u.lateUnopenedTips), 3, alarm(u.lateUnopenedTips)),
    cell(formatCount(u.overdueRemovals), 4, alarm(u.overdueRemovals)),
    cell(formatCount(u.openCorrections), 5),
    cell(formatCount(u.overdueCorrections), 6, alarm(u.overdueCorrections)),
    cell(u.nextDeadline ? formatIsoDateZh(u.nextDeadline) : '—', 7),
  );
}

function totals(units: readonly CommandCentreUnit[]): CommandCentreUnit {
  const sum = (k: keyof Omit<CommandCentreUnit, 'name' | 'nextDeadline'>) =>
    units.reduce((n, u) => n + u[k], 0);
  const dates = units.map((u) => u.nextDeadline).filter((d): d is string => d !== null);
  return {
    name: '合计',
    openTips: sum('openTips'),
    unopenedTips: sum('unopenedTips'),
    lateUnopenedTips: sum('lateUnopenedTips'),
    overdueRemovals: sum('overdueRemovals'),
    openCorrections: sum('openCorrections'),
    overdueCorrections: sum('overdueCorrections'),
    nextDeadline: dates.length ? dates.sort()[0]! : null,
  };
}

/**
 * 指挥中心 slide: per 执行单元 the open tips and the deadlines that run, most urgent units first
 * (the caller orders them), with a total row. Internal workload only: no names of defaulters or
 * tipsters, so it can hang on the command centre's wall, but it is served to staff only.
 */
export function commandCentreSlideTree(input: CommandCentreSlideInput): VNode {
  const shown = input.units.slice(0, COMMAND_CENTRE_ROWS);
  const more = input.units.length - shown.length;
  const header = row(
    { height: 70, alignItems: 'center', padding: '0 48px', backgroundColor: COLORS.redDark },
    ...COLUMNS.map((c, i) => cell(c.label, i, { fontSize: 30, color: COLORS.muted })),
  );
  const body =
    shown.length === 0
      ? col(
          { flexGrow: 1, alignItems: 'center', justifyContent: 'center' },
          line('尚未设立执行单元', 44, 1200, { color: COLORS.muted }),
        )
      : col({ flexGrow: 1 }, ...shown.map((u, i) => unitRow(u, i % 2 === 1)));
  return h(
    'div',
    { style: { ...BASE_STYLE, width: COMMAND_CENTRE_SIZE.width, height: COMMAND_CENTRE_SIZE.height } },
    slideHeader({
      title: '执行指挥中心 · 各执行单元待办',
      courtName: input.courtName,
      dateText: `截至${formatDateZh(input.date ?? new Date())}`,
      orientation: 'landscape',
    }),
    header,
    body,
    rule(COLORS.gold, 4),
    unitRow(totals(input.units), false),
    line(
      `${more > 0 ? `另有 ${more} 个执行单元未显示。` : ''}线索 1 个工作日内查看；删除、纠正 3 个工作日内完成。内部工作屏，不含个人信息。`,
      26,
      1824,
      { padding: '8px 48px 16px', color: COLORS.muted },
    ),
  );
}
