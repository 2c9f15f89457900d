import type { CampaignReport } from '@portal/contract';
import { CampaignCharts } from './CampaignCharts.tsx';
import { CampaignTableView } from './CampaignTableView.tsx';
import { periodText } from './campaign-period.ts';
import { campaignTables, unitTables } from './campaign-tables.ts';
import { CampaignDefinitions, HeadlineFigures } from './HeadlineFigures.tsx';

/**
 * The written report's attachment: figures, charts, the overall tables and one table per unit,
 * laid out for A4 paper by the print style sheet (campaign.css, `@page { size: A4 }`).
 */
export function CampaignReportPage({ report }: { report: CampaignReport }) {
  const generated = new Date(report.generatedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
  return (
    <article className="report">
      <div className="actions no-print">
        <a href={`#/campaign?from=${report.period.from}&to=${report.period.to}`}>返回专项行动</a>
        <button type="button" className="primary" onClick={() => window.print()}>
          打印报告
        </button>
      </div>
      <header className="report-head">
        <h1>专项行动统计报告</h1>
        <p>
          统计期间：{periodText(report.period)}（共 {report.period.days} 天）
          <br />
          统计范围：{report.scope === 'court' ? '全院' : '本执行单元'}　生成时间：{generated}
        </p>
      </header>
      <HeadlineFigures report={report} />
      <CampaignCharts report={report} />
      {campaignTables(report).map((t) => (
        <CampaignTableView key={t.id} table={t} />
      ))}
      <section className="unit-tables" aria-labelledby="unit-tables">
        <h2 id="unit-tables">各执行单元</h2>
        {unitTables(report).map((t) => (
          <CampaignTableView key={t.id} table={t} level={3} />
        ))}
      </section>
      <CampaignDefinitions />
    </article>
  );
}
