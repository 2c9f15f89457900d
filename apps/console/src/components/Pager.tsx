/** 上一页 / 下一页 under a table (and where the reader is, when asked), in a labelled nav. */
export function Pager({
  page,
  pages,
  onPage,
  label = '翻页',
  showPosition = false,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  label?: string;
  showPosition?: boolean;
}) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </button>
      {showPosition ? (
        <span>
          第 {page} / {pages} 页
        </span>
      ) : null}
      <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </button>
    </nav>
  );
}
