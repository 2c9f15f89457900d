import type { TipTarget } from './use-tip-target.ts';

/** Whom the tip is about, so the tipster can check it is the right person or company. */
export function TipTargetPanel({ target }: { target: TipTarget }) {
  switch (target.kind) {
    case 'loading':
      return (
        <p className="hint" aria-live="polite">
          正在核对被举报人的信息…
        </p>
      );
    case 'listing': {
      const l = target.listing;
      return (
        <div className="tip-target" id="tip-target">
          <p className="tip-target-label">您要举报的被执行人</p>
          <p className="tip-target-name">
            {l.name}
            {l.demo && <span className="badge demo">演示数据</span>}
          </p>
          <p className="hint">
            {`案号${l.caseNo}　${l.court}`}
            <br />
            <a href={`/listings/${encodeURIComponent(l.id)}/`}>查看公布信息</a>
          </p>
        </div>
      );
    }
    case 'notice': {
      const n = target.notice;
      return (
        <div className="tip-target" id="tip-target">
          <p className="tip-target-label">您要举报的被执行人（悬赏公告）</p>
          <p className="tip-target-name">{n.defaulter.name}</p>
          <p className="hint">{`案号${n.caseNo}　${n.court}`}</p>
        </div>
      );
    }
    case 'unavailable':
      return (
        <p className="notice-box" id="tip-target">
          暂时无法显示被举报人的信息。您仍可以填写并提交，法院会按记录编号核对。
        </p>
      );
    default:
      return null;
  }
}
