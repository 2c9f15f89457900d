import { CATEGORIES } from '@portal/domain';
import { type FormEvent, useId, useState } from 'react';
import { Field } from '../components/Field.tsx';

/** The public search's filters, as the staff listing list takes them ('' = no filter). */
export interface ListingFilterValues {
  q: string;
  kind: '' | 'person' | 'org';
  category: string;
  livelihood: boolean;
}

export const NO_LISTING_FILTERS: ListingFilterValues = { q: '', kind: '', category: '', livelihood: false };

/** The query the staff listings route takes: only the filters that are set. */
export function listingFilterQuery(f: ListingFilterValues) {
  return {
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.livelihood ? { livelihood: 'true' } : {}),
  };
}

/**
 * Find listings in any tab: a fragment of the name, case number, legal representative or credit
 * code, or a full ID number (matched by its keyed hash); type, category and 涉民生 as on the site.
 */
export function ListingFilters({ onApply }: { onApply: (filters: ListingFilterValues) => void }) {
  const [draft, setDraft] = useState<ListingFilterValues>(NO_LISTING_FILTERS);
  const kindId = useId();
  const categoryId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="listing-filters" onSubmit={submit} aria-label="查找名单">
      <Field
        label="查询"
        placeholder="姓名、名称、案号、信用代码或身份证号码"
        value={draft.q}
        maxLength={100}
        onChange={(e) => setDraft({ ...draft, q: e.target.value })}
      />
      <div className="field">
        <label htmlFor={kindId}>类型</label>
        <select
          id={kindId}
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value as ListingFilterValues['kind'] })}
        >
          <option value="">全部</option>
          <option value="person">自然人</option>
          <option value="org">法人或其他组织</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={categoryId}>失信情形</label>
        <select
          id={categoryId}
          value={draft.category}
          onChange={(e) => setDraft({ ...draft, category: e.target.value })}
        >
          <option value="">全部</option>
          {CATEGORIES.map((c) => (
            <option key={c.code} value={String(c.code)}>
              {c.shortLabel}
            </option>
          ))}
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.livelihood}
          onChange={(e) => setDraft({ ...draft, livelihood: e.target.checked })}
        />
        仅涉民生
      </label>
      <div className="field">
        <button type="submit" className="primary">
          查找
        </button>
      </div>
      <div className="field">
        <button
          type="button"
          onClick={() => {
            setDraft(NO_LISTING_FILTERS);
            onApply(NO_LISTING_FILTERS);
          }}
        >
          清除
        </button>
      </div>
    </form>
  );
}
