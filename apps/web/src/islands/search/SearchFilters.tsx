import { CATEGORIES } from '@portal/domain';
import type { FacetCounts, SearchResponse } from './search-api.ts';
import { type SearchState, SORT_LABELS, SORTS, type SortKey } from './search-state.ts';

interface Option {
  value: string;
  label: string;
}

const KIND_LABELS: Record<string, string> = { person: '自然人', org: '单位' };

/** Facet values with counts, most frequent first; the selected value stays listed even at 0. */
function facetOptions(counts: FacetCounts | undefined, selected: string, label = (v: string) => v): Option[] {
  const entries = Object.entries(counts ?? {}).sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'),
  );
  if (selected && !entries.some(([v]) => v === selected)) entries.unshift([selected, 0]);
  return entries.map(([v, n]) => ({ value: v, label: `${label(v)}（${n}）` }));
}

function categoryOptions(counts: FacetCounts | undefined): Option[] {
  return CATEGORIES.map((c) => {
    // With a result at hand, a category missing from the facets has no match: show 0.
    const n = counts ? (counts[String(c.code)] ?? 0) : undefined;
    return { value: String(c.code), label: `${c.shortLabel}${n === undefined ? '' : `（${n}）`}` };
  });
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: Option[];
  allLabel?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.allLabel !== undefined && <option value="">{props.allLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface Props {
  state: SearchState;
  facets: Partial<SearchResponse['facets']>;
  onChange: (patch: Partial<SearchState>) => void;
}

/** Filters with the result counts of the current search (facets), and the sort order. */
export function SearchFilters({ state, facets, onChange }: Props) {
  return (
    <fieldset className="plain">
      <legend className="visually-hidden">筛选条件和排序方式</legend>
      <div className="filters">
        <Select
          id="f-kind"
          label="类型"
          value={state.kind}
          allLabel="全部类型"
          options={facetOptions(facets.kind, state.kind, (v) => KIND_LABELS[v] ?? v)}
          onChange={(v) => onChange({ kind: v === 'person' || v === 'org' ? v : '' })}
        />
        <Select
          id="f-category"
          label="失信情形"
          value={state.category}
          allLabel="全部情形"
          options={categoryOptions(facets.category)}
          onChange={(v) => onChange({ category: v })}
        />
        <Select
          id="f-region"
          label="地区"
          value={state.region}
          allLabel="全部地区"
          options={facetOptions(facets.region, state.region)}
          onChange={(v) => onChange({ region: v })}
        />
        <Select
          id="f-court"
          label="执行法院"
          value={state.court}
          allLabel="全部法院"
          options={facetOptions(facets.court, state.court)}
          onChange={(v) => onChange({ court: v })}
        />
        <Select
          id="f-sort"
          label="排序"
          value={state.sort}
          options={SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
          onChange={(v) => onChange({ sort: v as SortKey })}
        />
        <div className="choice">
          <input
            id="f-livelihood"
            type="checkbox"
            checked={state.livelihood}
            onChange={(e) => onChange({ livelihood: e.target.checked })}
          />
          <label htmlFor="f-livelihood">只看涉民生案件</label>
        </div>
      </div>
    </fieldset>
  );
}
