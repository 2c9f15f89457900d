import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../shared/api-error.ts';
import { Pager } from './Pager.tsx';
import { SearchFilters } from './SearchFilters.tsx';
import { SearchResults } from './SearchResults.tsx';
import { type SearchResponse, searchListings } from './search-api.ts';
import {
  EMPTY_STATE,
  hasCriteria,
  maxPage,
  parseSearchParams,
  type SearchState,
  toSearchParams,
} from './search-state.ts';
import { useWideScreen } from './use-wide-screen.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'loading'; previous: SearchResponse | null }
  | { kind: 'ok'; data: SearchResponse }
  /** 429: the last results stay, a calm line says when the search runs again by itself */
  | { kind: 'waiting'; previous: SearchResponse | null; seconds: number }
  | { kind: 'error'; message: string };

const DEBOUNCE_MS = 250;

function statusText(phase: Phase): string {
  switch (phase.kind) {
    case 'idle':
      return '';
    case 'loading':
      return '正在查询…';
    case 'waiting':
      return `查询的人较多，请稍候：${phase.seconds} 秒后将自动重新查询。`;
    case 'error':
      return ''; // the alert below announces it
    case 'ok': {
      const { total, page } = phase.data;
      if (total === 0) return '没有找到符合条件的记录。';
      return `找到 ${total} 条记录，当前第 ${page} 页，共 ${maxPage(total)} 页。`;
    }
  }
}

interface Props {
  /** the page's query string; empty when rendered at build time */
  initialSearch?: string;
}

/**
 * The search page: query box, filters with facet counts, sort, paging. State lives in the URL.
 */
export function SearchApp({ initialSearch = '' }: Props) {
  const [state, setState] = useState<SearchState>(() =>
    initialSearch ? parseSearchParams(new URLSearchParams(initialSearch)) : EMPTY_STATE,
  );
  const [input, setInput] = useState(state.q);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const composing = useRef(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const lastPhase = useRef<Phase>(phase);
  lastPhase.current = phase;

  const update = useCallback((patch: Partial<SearchState>) => {
    setState((s) => ({ ...s, page: 1, ...patch }));
  }, []);

  // Browser back/forward restores the state from the URL.
  useEffect(() => {
    const onPop = () => {
      const s = parseSearchParams(new URLSearchParams(window.location.search));
      setState(s);
      setInput(s.q);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // Keep the URL in step: a new page is a history entry, typing and filters replace the current one.
  const urlQuery = toSearchParams(state).toString();
  const prevPage = useRef(state.page);
  useEffect(() => {
    const url = urlQuery ? `/search?${urlQuery}` : '/search';
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (state.page !== prevPage.current) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    prevPage.current = state.page;
  }, [urlQuery, state.page]);

  // Search, debounced; a newer search aborts the older one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the search on retry
  useEffect(() => {
    if (!hasCriteria(state)) {
      setPhase({ kind: 'idle' });
      return;
    }
    const ctrl = new AbortController();
    const timer = window.setTimeout(async () => {
      const prev = lastPhase.current;
      const shown = prev.kind === 'ok' ? prev.data : prev.kind === 'waiting' ? prev.previous : null;
      setPhase({ kind: 'loading', previous: shown });
      try {
        setPhase({ kind: 'ok', data: await searchListings(state, ctrl.signal) });
      } catch (err) {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError && err.status === 429) {
          const previous = lastPhase.current;
          setPhase({
            kind: 'waiting',
            previous:
              previous.kind === 'ok' ? previous.data : previous.kind === 'loading' ? previous.previous : null,
            seconds: Math.min(60, err.retryAfterSeconds ?? 5),
          });
          return;
        }
        const message = err instanceof ApiError ? err.message : '查询失败，请稍后重试。';
        setPhase({ kind: 'error', message });
      }
    }, DEBOUNCE_MS);
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [urlQuery, attempt]);

  // after a 429, search again by itself once the server said it may
  useEffect(() => {
    if (phase.kind !== 'waiting') return;
    const timer = window.setTimeout(() => setAttempt((n) => n + 1), phase.seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [phase]);

  const goToPage = (page: number) => {
    setState((s) => ({ ...s, page }));
    resultsHeading.current?.focus();
  };

  const wide = useWideScreen();
  const activeFilters = [state.kind, state.category, state.region, state.court, state.livelihood].filter(
    Boolean,
  ).length;
  const data =
    phase.kind === 'ok'
      ? phase.data
      : phase.kind === 'loading' || phase.kind === 'waiting'
        ? phase.previous
        : null;

  return (
    <div className="search-app">
      {/* biome-ignore lint/a11y/useSemanticElements: React 18's JSX types have no <search> element */}
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: input });
          setAttempt((n) => n + 1);
        }}
      >
        <label htmlFor="search-q" className="visually-hidden">
          输入姓名、单位名称、身份证号、统一社会信用代码或案号
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={input}
          placeholder="姓名、单位、证件号或案号"
          autoComplete="off"
          enterKeyHint="search"
          maxLength={100}
          onChange={(e) => {
            setInput(e.target.value);
            if (!composing.current) update({ q: e.target.value });
          }}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(e) => {
            composing.current = false;
            update({ q: e.currentTarget.value });
          }}
        />
        <button className="button" type="submit">
          查询
        </button>
      </form>
      <p className="hint">
        输入时自动查询。身份证号、统一社会信用代码须完整输入 18 位；案号可只输入一部分，如“执1234”。
      </p>

      <div className="search-layout">
        <details className="filters-box" open={wide}>
          <summary>{activeFilters > 0 ? `筛选与排序（已选 ${activeFilters} 项）` : '筛选与排序'}</summary>
          <SearchFilters state={state} facets={data?.facets ?? {}} onChange={update} />
        </details>
        {/* holds a screen's height from the first paint, so arriving results never push the page */}
        <div className="search-results">
          <p role="status" aria-live="polite" aria-atomic="true" className="search-status">
            {statusText(phase)}
          </p>

          {phase.kind === 'error' && (
            <div className="alert" role="alert">
              <p>{phase.message}</p>
              <button type="button" className="button secondary" onClick={() => setAttempt((n) => n + 1)}>
                重试
              </button>
            </div>
          )}

          {phase.kind === 'idle' && (
            <p className="hint">请输入姓名、单位名称、身份证号或案号，或选择筛选条件。</p>
          )}

          <h2
            id="results-title"
            ref={resultsHeading}
            tabIndex={-1}
            className={data ? undefined : 'visually-hidden'}
          >
            查询结果
          </h2>
          {data && phase.kind !== 'error' && (
            <>
              <SearchResults
                hits={data.hits}
                representativeMatches={data.representativeMatches}
                busy={phase.kind === 'loading' || phase.kind === 'waiting'}
              />
              <Pager page={state.page} total={data.total} onPage={goToPage} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
