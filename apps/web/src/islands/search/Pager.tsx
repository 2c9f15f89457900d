import { maxPage, RESULT_WINDOW } from './search-state.ts';

interface Props {
  page: number;
  total: number;
  onPage: (page: number) => void;
}

/** Previous / next paging within the API's result window. */
export function Pager({ page, total, onPage }: Props) {
  const last = maxPage(total);
  if (total === 0) return null;
  return (
    <nav className="pager" aria-label="分页">
      <button
        type="button"
        className="button secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        上一页
      </button>
      <span>{`第 ${page} / ${last} 页`}</span>
      <button
        type="button"
        className="button secondary"
        disabled={page >= last}
        onClick={() => onPage(page + 1)}
      >
        下一页
      </button>
      {total > RESULT_WINDOW && (
        <p className="hint">{`共 ${total} 条，只显示前 ${RESULT_WINDOW} 条。请输入更具体的姓名、案号，或增加筛选条件。`}</p>
      )}
    </nav>
  );
}
