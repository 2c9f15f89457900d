import { ApiClientError } from '@portal/contract/client';
import type { SearchResult } from '@portal/contract/routes';
import { searchRoute } from '@portal/contract/routes';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { hasCriteria, type SearchState, toApiQuery } from '../../lib/search-state.ts';

export type SearchPhase =
  | { kind: 'idle' }
  | { kind: 'loading'; previous: SearchResult | null }
  | { kind: 'ok'; data: SearchResult }
  | { kind: 'error'; message: string; previous: SearchResult | null };

export const DEBOUNCE_MS = 250;

/**
 * Instant search: runs the state's query after a short pause in typing; an answer that arrives
 * after a newer query was started is dropped (Taro.request cannot be aborted on every platform).
 */
export function useSearch(state: SearchState, attempt: number): SearchPhase {
  const [phase, setPhase] = useState<SearchPhase>({ kind: 'idle' });
  const seq = useRef(0);
  const last = useRef<SearchResult | null>(null);
  const key = JSON.stringify(toApiQuery(state));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the state; `attempt` retries
  useEffect(() => {
    const mine = ++seq.current;
    if (!hasCriteria(state)) {
      setPhase({ kind: 'idle' });
      return;
    }
    const timer = setTimeout(async () => {
      setPhase({ kind: 'loading', previous: last.current });
      try {
        const data = await api.call(searchRoute, { query: toApiQuery(state) });
        if (mine !== seq.current) return;
        last.current = data;
        setPhase({ kind: 'ok', data });
      } catch (err) {
        if (mine !== seq.current) return;
        const message =
          err instanceof ApiClientError
            ? err.status === 429
              ? `查询的人较多，请 ${err.retryAfterSeconds ?? 5} 秒后再试。`
              : err.message
            : '查询失败，请稍后重试。';
        setPhase({ kind: 'error', message, previous: last.current });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, attempt]);
  return phase;
}
