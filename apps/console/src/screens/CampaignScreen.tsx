import { type CampaignReport, campaignReportRoute } from '@portal/contract';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { CampaignCharts } from '../campaign/CampaignCharts.tsx';
import { CampaignReportPage } from '../campaign/CampaignReportPage.tsx';
import { CampaignTableView } from '../campaign/CampaignTableView.tsx';
import { isReportHash, periodFromHash, periodText } from '../campaign/campaign-period.ts';
import { campaignTables } from '../campaign/campaign-tables.ts';
import { CampaignDefinitions, HeadlineFigures } from '../campaign/HeadlineFigures.tsx';
import '../campaign/campaign.css';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';

/**
 * 专项行动: the campaign's figures for a period, overall and per 执行单元 (the leaderboard), with
 * charts and a CSV export of every table; `#/campaign/report?from=&to=` is the printable report.
 * The period lives in the URL, so a bookmark or the report link reopens the same figures.
 */
export function CampaignScreen() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const period = periodFromHash(hash);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [report, setReport] = useState<CampaignReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (p: { from: string; to: string }) => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.call(campaignReportRoute, { query: p }));
    } catch (e) {
      setReport(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load({ from: period.from, to: period.to });
  }, [load, period.from, period.to]);

  if (isReportHash(hash)) {
    if (error) return <ErrorBanner error={error} />;
    if (!report || busy) return <p aria-busy="true">正在生成报告…</p>;
    return <CampaignReportPage report={report} />;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = `#/campaign?from=${from}&to=${to}`;
    if (window.location.hash === next) void load({ from, to });
    else window.location.hash = next;
  }

  const stem = `专项行动-${period.from}至${period.to}${report?.demo ? '-演示数据' : ''}`;
  return (
    <>
      <h1>专项行动</h1>
      <form className="period-form" onSubmit={submit} aria-label="统计期间">
        <Field label="开始日期" type="date" value={from} required onChange={(e) => setFrom(e.target.value)} />
        <Field label="结束日期" type="date" value={to} required onChange={(e) => setTo(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>
          统计
        </button>
      </form>
      <ErrorBanner error={error} />
      {report ? (
        <div aria-busy={busy}>
          <p className="period-line">
            统计期间：{periodText(report.period)}（共 {report.period.days} 天），
            {report.scope === 'court' ? '全院' : '本执行单元'}。{' '}
            <a href={`#/campaign/report?from=${report.period.from}&to=${report.period.to}`}>
              打开可打印的报告（A4）
            </a>
          </p>
          <HeadlineFigures report={report} />
          <CampaignCharts report={report} />
          {campaignTables(report).map((t) => (
            <CampaignTableView key={t.id} table={t} fileStem={stem} />
          ))}
          <section aria-labelledby="command-centre">
            <h2 id="command-centre">指挥中心大屏</h2>
            <p className="hint">各执行单元当前待办线索与期限（实时，内部使用，不含个人信息）。</p>
            <img
              className="command-centre"
              src="/api/v1/admin/screens/command-centre.png"
              alt="指挥中心大屏：各执行单元待办线索、超时未查看线索、删除与纠正超期件数和最近期限"
              width={1920}
              height={1080}
            />
          </section>
          <CampaignDefinitions />
        </div>
      ) : busy ? (
        <p aria-busy="true">正在统计…</p>
      ) : null}
    </>
  );
}
