import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { stars } from './stars';
import type { InboxItem } from './types';

/** Every row has the same height (text cut at two lines), so the list never measures the DOM while scrolling. */
export const ROW_HEIGHT = 84;
/** Next page asked when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 40;

// Positions are set through React's style property, i.e. the CSSOM, which the Content-Security-Policy
// (style-src 'self', no 'unsafe-inline') allows: only style attributes in HTML would need it.

/**
 * The queue, virtualised: only the rows in view (and a few around) are in the DOM, so 10,000 items
 * scroll like 50. Further pages load as the end comes near.
 */
export function InboxList({ items, selected, onSelect, hasMore, loadMore, short, now }: {
  items: InboxItem[];
  selected: string | null;
  onSelect: (id: string) => void;
  hasMore: boolean;
  loadMore: () => void;
  short: (iso: string) => string;
  now: number;
}) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRendered = rows.length > 0 ? rows[rows.length - 1].index : 0;

  useEffect(() => {
    if (hasMore && lastRendered >= items.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, lastRendered, items.length, loadMore]);

  // Keyboard moves (j/k) select items off screen: bring them into view (on a new selection only, so
  // that items arriving later do not pull the list back to it).
  const itemsNow = useRef(items);
  itemsNow.current = items;
  useEffect(() => {
    const index = selected ? itemsNow.current.findIndex((item) => item.id === selected) : -1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selected, virtualizer]);

  // New items arriving above keep what the reader is looking at in place, unless the list is at its top.
  const firstId = useRef<string | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    const previous = firstId.current;
    firstId.current = items[0]?.id ?? null;
    if (!el || !previous || el.scrollTop === 0 || previous === items[0]?.id) return;
    const moved = items.findIndex((item) => item.id === previous);
    if (moved > 0) el.scrollTop += moved * ROW_HEIGHT;
  }, [items]);

  return (
    <div ref={scroller} className="list-scroll" data-testid="inbox-scroller" tabIndex={-1}>
      <ul aria-label={t('inbox.items')} data-testid="inbox-list" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <Row
            key={items[row.index].id}
            item={items[row.index]}
            index={row.index}
            start={row.start}
            setSize={hasMore ? -1 : items.length}
            selected={selected === items[row.index].id}
            onSelect={onSelect}
            short={short}
            now={now}
          />
        ))}
      </ul>
    </div>
  );
}

/** One row; re-rendered only when its item, place or selection changes (not on every scroll frame). */
const Row = memo(function Row({ item, index, start, setSize, selected, onSelect, short, now }: {
  item: InboxItem;
  index: number;
  start: number;
  setSize: number;
  selected: boolean;
  onSelect: (id: string) => void;
  short: (iso: string) => string;
  now: number;
}) {
  const t = useT();
  const overdue = !item.firstResponseAt && item.slaDueAt && Date.parse(item.slaDueAt) < now;
  const outcome = item.networkAction?.outcome;
  return (
    <li aria-setsize={setSize} aria-posinset={index + 1} className="row" style={{ transform: `translateY(${start}px)` }}>
      <button type="button" className="item" aria-current={selected} data-id={item.id} onClick={() => onSelect(item.id)}>
        <span className="meta">
          <span className={`status status-${item.status}`}>{t(`status.${item.status}` as MessageKey)}</span>
          {outcome && outcome !== 'done' && (
            <span className={`outcome outcome-${outcome}`}>
              {t(`inbox.outcome.${outcome}.short` as MessageKey, { action: t(`inbox.network.${item.networkAction!.action}` as MessageKey) })}
            </span>
          )}
          {overdue && <span className="overdue">{t('inbox.sla.overdue.short')}</span>}
          <span className="author">{item.author ?? t('inbox.unknownAuthor')}</span>
          <span className="channel">{item.source}</span>
          {stars(item.rating) && (
            <span className="stars" role="img" aria-label={t('inbox.rating', { rating: item.rating! })} data-testid="item-rating">
              {stars(item.rating)}
            </span>
          )}
          <time dateTime={item.publishedAt}>{short(item.publishedAt)}</time>
        </span>
        <span className="text" data-testid="item-text">
          {item.text}
        </span>
      </button>
    </li>
  );
});
