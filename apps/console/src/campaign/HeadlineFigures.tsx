import type { CampaignReport } from '@portal/contract';
import { formatFen } from '@portal/domain';
import { formatRate } from './campaign-tables.ts';

const n = (v: number) => v.toLocaleString('zh-CN');

/** The figures a reader looks for first; 涉民生 leads, as in the plan. */
export function HeadlineFigures({ report }: { report: CampaignReport }) {
  const items: [string, string][] = [
    ['涉民生案件公布', `${n(report.livelihood.published)} 件`],
    ['涉民生案件执行到位', `${n(report.livelihood.performed)} 件`],
    ['公布失信被执行人', `${n(report.published.count)} 件`],
    ['公布金额', formatFen(report.published.amountFen)],
    ['删除失信信息', `${n(report.removed.count)} 件`],
    ['执行到位金额', formatFen(report.performed.amountFen)],
    ['收到举报线索', `${n(report.tips.received)} 件`],
    ['线索属实', `${n(report.tips.verified)} 件`],
    ['线索促成执行到位', `${n(report.tips.recovery)} 件`],
    ['综合按期率', formatRate(report.deadlines.overall.rate)],
  ];
  return (
    <>
      {report.demo ? (
        <p className="demo-note">
          <strong>演示数据</strong>：本期间的统计含系统生成的演示名单或其线索，不是真实案件。
        </p>
      ) : null}
      <dl className="figures" aria-label="主要数据">
        {items.map(([label, value]) => (
          <div key={label} className="figure">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** How the figures are counted: shown under the dashboard and printed with the report. */
export function CampaignDefinitions() {
  return (
    <section className="definitions" aria-labelledby="campaign-definitions">
      <h2 id="campaign-definitions">统计口径</h2>
      <ul>
        <li>公布、删除按发生之日（北京时间）计入期间；金额为名单所列未履行金额。</li>
        <li>“执行到位”指因被执行人履行义务、和解协议履行完毕或积极履行提前删除而删除名单。</li>
        <li>线索“属实”指经核查认定属实（含此后办结的）；“促成执行到位”指线索属实且该案此后因履行而删除。</li>
        <li>
          办理时限：删除为事由发生后 3 个工作日内，纠正为决定纠正后 3 个工作日内，线索查看为收到后 1
          个工作日内；按期率 = 按期完成 ÷（按期完成 + 逾期完成 + 超期未完成），尚在期限内的不计。
        </li>
        <li>本统计仅含数量与金额，不含被执行人、举报人等个人信息。</li>
      </ul>
    </section>
  );
}
