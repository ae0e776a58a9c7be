import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { CHANNELS, LABELS, SENTIMENTS, STATUSES, type Filter } from './types';

/** The list's filters: status (with counts), label, sentiment, channel, assignee, thread. They combine. */
export function Filters({ filter, onChange, counts, me }: {
  filter: Filter;
  onChange: (next: Filter) => void;
  counts: Record<string, number>;
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
          <select value={filter.source ?? ''} onChange={(e) => set({ source: e.target.value || null })} data-testid="filter-channel">
            <option value="">{t('inbox.filter.any')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inbox.assignee')}{' '}
          <input
            type="search"
            value={filter.assignee ?? ''}
            maxLength={200}
            onChange={(e) => set({ assignee: e.target.value.trim() || null })}
            data-testid="filter-assignee"
          />
        </label>
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
