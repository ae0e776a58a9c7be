import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { PeopleList } from './people';
import { RATING_CHOICES } from './stars';
import { LABELS, SENTIMENTS, STATUSES, type Filter, type InboxSource } from './types';

/**
 * The list's filters: status (with counts under the other filters), label, sentiment, channel (the brand's sources
 * suggested), a review's stars, assignee, thread. They combine.
 */
export function Filters({ filter, onChange, counts, sources, me }: {
  filter: Filter;
  onChange: (next: Filter) => void;
  counts: Record<string, number>;
  sources: InboxSource[];
  me: string;
}) {
  const t = useT();
  const set = (patch: Partial<Filter>) => onChange({ ...filter, ...patch });
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <div className="filter-bar">
      <div role="group" aria-label={t('inbox.filter')} className="filters">
        <button type="button" aria-pressed={filter.status === null} onClick={() => set({ status: null })}>
          {t('inbox.all')} <span className="count">{total}</span>
        </button>
        {STATUSES.map((s) => (
          <button type="button" key={s} aria-pressed={filter.status === s} data-testid={`filter-${s}`} onClick={() => set({ status: s })}>
            {t(`status.${s}` as MessageKey)} <span className="count" data-testid={`count-${s}`}>{counts[s] ?? 0}</span>
          </button>
        ))}
      </div>
      <div className="filters more-filters">
        <label>
          {t('inbox.filter.label')}{' '}
          <select value={filter.label ?? ''} onChange={(e) => set({ label: e.target.value || null })} data-testid="filter-label">
            <option value="">{t('inbox.filter.any')}</option>
            {LABELS.map((l) => (
              <option key={l} value={l}>
                {t(`label.${l}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inbox.sentiment')}{' '}
          <select value={filter.sentiment ?? ''} onChange={(e) => set({ sentiment: e.target.value || null })} data-testid="filter-sentiment">
            <option value="">{t('inbox.filter.any')}</option>
            {SENTIMENTS.map((s) => (
              <option key={s} value={s}>
                {t(`sentiment.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inbox.filter.channel')}{' '}
          <TypedFilter value={filter.source} onChange={(source) => set({ source })} list="inbox-channels" testId="filter-channel" />
        </label>
        <datalist id="inbox-channels">
          {sources.map((c) => (
            <option key={c.source} value={c.source} label={t('inbox.filter.source', { source: c.source, items: c.items, fresh: c.newItems })} />
          ))}
        </datalist>
        <label>
          {t('inbox.filter.rating')}{' '}
          <select value={filter.rating ?? ''} onChange={(e) => set({ rating: e.target.value || null })} data-testid="filter-rating">
            <option value="">{t('inbox.filter.any')}</option>
            {RATING_CHOICES.map((r) => (
              <option key={r} value={r}>
                {t('inbox.filter.stars', { stars: r.replace(',', '–') })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inbox.assignee')}{' '}
          <TypedFilter value={filter.assignee} onChange={(assignee) => set({ assignee })} list="filter-people" testId="filter-assignee" />
        </label>
        <PeopleList id="filter-people" />
        <button type="button" aria-pressed={filter.assignee === me} onClick={() => set({ assignee: filter.assignee === me ? null : me })}>
          {t('inbox.filter.mine')}
        </button>
        {filter.thread && (
          <span className="chip" data-testid="filter-thread">
            {t('inbox.filter.thread', { thread: filter.thread })}{' '}
            <button type="button" onClick={() => set({ thread: null })} aria-label={t('inbox.filter.thread.clear')}>
              ×
            </button>
          </span>
        )}
      </div>
    </div>
  );
}

/** A filter typed by hand: applied 300 ms after the last key, not once per key. */
function TypedFilter({ value, onChange, list, testId }: {
  value: string | null;
  onChange: (value: string | null) => void;
  list?: string;
  testId: string;
}) {
  const t = useT();
  const [text, setText] = useState(value ?? '');
  const timer = useRef<number>();
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const type = (next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onChange(next.trim() || null), 300);
  };
  return (
    <input
      type="search"
      list={list}
      value={text}
      maxLength={200}
      placeholder={t('inbox.filter.any')}
      onChange={(e) => type(e.target.value)}
      data-testid={testId}
    />
  );
}
