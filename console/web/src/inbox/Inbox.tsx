import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { canModerate, type Me } from '../api/me';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { EmptyState } from '../ui/EmptyState';
import { ProblemMessage } from '../ui/Problem';
import { ItemDetail } from './ItemDetail';
import { STATUSES, type InboxItem, type InboxPage, type Status } from './types';

/** The moderation queue of one brand: counts per status, a status filter, the list and the item. */
export function Inbox({ brand, me }: { brand: string; me: Me }) {
  const t = useT();
  const base = `/api/moderation/brands/${encodeURIComponent(brand)}/inbox`;
  const [status, setStatus] = useState<Status | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    const query = new URLSearchParams({ limit: '50' });
    if (status) query.set('status', status);
    api<Record<string, number>>(`${base}/counts`).then(setCounts).catch(setError);
    api<InboxPage>(`${base}?${query}`)
      .then((page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
      })
      .catch(setError);
  }, [base, status]);

  useEffect(load, [load]);

  const more = () => {
    if (!cursor) return;
    const query = new URLSearchParams({ limit: '50', cursor });
    if (status) query.set('status', status);
    api<InboxPage>(`${base}?${query}`)
      .then((page) => {
        setItems((previous) => [...(previous ?? []), ...page.items]);
        setCursor(page.nextCursor);
      })
      .catch(setError);
  };

  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);

  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <h1 id="inbox-title">{t('inbox.title', { brand })}</h1>
      <div role="group" aria-label={t('inbox.filter')} className="filters">
        <button type="button" aria-pressed={status === null} onClick={() => setStatus(null)}>
          {t('inbox.all')} <span className="count">{total}</span>
        </button>
        {STATUSES.map((s) => (
          <button
            type="button"
            key={s}
            aria-pressed={status === s}
            data-testid={`filter-${s}`}
            onClick={() => setStatus(s)}
          >
            {t(`status.${s}` as MessageKey)} <span className="count">{counts[s] ?? 0}</span>
          </button>
        ))}
      </div>
      {error != null && <ProblemMessage error={error} />}
      <div className="inbox-body">
        <div className="list">
          {items && items.length === 0 && (
            <EmptyState title={t('inbox.empty.title')}>
              <p>{status ? t('inbox.empty.status') : t('inbox.empty.all')}</p>
            </EmptyState>
          )}
          {items && items.length > 0 && (
            <ul aria-label={t('inbox.items')} data-testid="inbox-list">
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className="item"
                    aria-current={selected === item.id}
                    onClick={() => setSelected(item.id)}
                  >
                    <span className="meta">
                      <span className={`status status-${item.status}`}>{t(`status.${item.status}` as MessageKey)}</span>{' '}
                      <span className="author">{item.author ?? t('inbox.unknownAuthor')}</span>
                    </span>
                    <span className="text" data-testid="item-text">
                      {item.text}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {cursor && (
            <button type="button" onClick={more}>
              {t('inbox.loadMore')}
            </button>
          )}
        </div>
        <div className="detail">
          {selected ? (
            <ItemDetail key={selected} base={base} itemId={selected} canAct={canModerate(me)} onChanged={load} />
          ) : (
            items && items.length > 0 && <p className="hint">{t('inbox.select')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
