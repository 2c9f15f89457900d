import type { CampaignReport } from '@portal/contract';
import { BarChart } from './BarChart.tsx';
import { formatRate } from './campaign-tables.ts';

const n = (v: number) => v.toLocaleString('zh-CN');

/** The report's four charts: removals by reason, the tip funnel, deadline rates, the unit leaderboard. */
export function CampaignCharts({ report }: { report: CampaignReport }) {
  const d = report.deadlines;
  return (
    <div className="charts">
      <BarChart
        title="删除事由（件）"
        bars={report.removedByReason.map((r) => ({ label: r.label, value: r.count, text: n(r.count) }))}
      />
      <BarChart
        title="举报线索办理（件）"
        bars={[
          { label: '收到', value: report.tips.received, text: n(report.tips.received) },
          { label: '已查看', value: report.tips.opened, text: n(report.tips.opened) },
          { label: '属实', value: report.tips.verified, text: n(report.tips.verified) },
          { label: '促成执行到位', value: report.tips.recovery, text: n(report.tips.recovery) },
        ]}
      />
      <BarChart
        title="办理时限按期率"
        max={1}
        bars={[
          { label: '删除', value: d.removals.rate ?? 0, text: formatRate(d.removals.rate) },
          { label: '纠正', value: d.corrections.rate ?? 0, text: formatRate(d.corrections.rate) },
          { label: '线索查看', value: d.tipsOpened.rate ?? 0, text: formatRate(d.tipsOpened.rate) },
          { label: '合计', value: d.overall.rate ?? 0, text: formatRate(d.overall.rate) },
        ]}
      />
      <BarChart
        title="执行单元综合按期率"
        max={1}
        bars={report.units
          .filter((u) => u.rank !== null)
          .map((u) => ({
            label: `${u.rank}. ${u.name}`,
            value: u.complianceRate ?? 0,
            text: formatRate(u.complianceRate),
          }))}
      />
    </div>
  );
}
