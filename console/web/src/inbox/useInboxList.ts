import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Answer, Fits } from '../api/schema';
import type { Filter, InboxItem, InboxPage } from './types';

const FIRST_PAGE = 50;
const NEXT_PAGE = 200;

/** Moderation's order: newest publication first, then id descending. Negative when a comes first. */
function order(a: InboxItem, b: InboxItem) {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt > b.publishedAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

/**
 * Folds a fresh first page into the list on screen: items seen again are replaced (new status, network
 * outcome), new ones come in at their place, and items newer than the page's last one that the page no
 * longer holds have left the filter (e.g. assigned while the filter says "new"). Older items stay as loaded;
 * when no page follows the fresh one (`complete`), it is the whole list.
 */
export function mergeHead(current: InboxItem[], head: InboxItem[], complete: boolean): InboxItem[] {
  if (complete) return head;
  const fresh = new Set(head.map((item) => item.id));
  const last = head[head.length - 1];
  const kept = current.filter((item) => !fresh.has(item.id) && order(item, last) > 0);
  // kept: items older than the page's last one; the page itself is the truth above it.
  return [...head, ...kept];
}

const query = (filter: Filter, limit: number, cursor?: string) => {
  const q = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filter)) if (value) q.set(key, value);
  if (cursor) q.set('cursor', cursor);
  return q;
};

/**
 * The inbox list for a filter: a first page of 50 (quick first render), further pages of 200 as the
 * list is scrolled, and the first page read again every `pollMs` so that new items, new statuses and
 * network outcomes appear without a reload.
 */
export function useInboxList(base: string, filter: Filter, pollMs: number) {
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cursor = useRef<string | null>(null);
  const loadingMore = useRef(false);
  const [hasMore, setHasMore] = useState(false);
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  useEffect(() => {
    const mine = ++generation.current;
    setItems(null);
    setError(null);
    cursor.current = null;
    setHasMore(false);
    const read = (first: boolean) =>
      api<Fits<InboxPage, Answer<'moderation', '/brands/{brandId}/inbox'>>>(`${base}?${query(filter, FIRST_PAGE)}`)
        .then((page) => {
          if (generation.current !== mine) return;
          setError(null);
          if (first) {
            cursor.current = page.nextCursor;
            setHasMore(page.nextCursor !== null);
            setItems(page.items);
          } else {
            setItems((previous) => mergeHead(previous ?? [], page.items, page.nextCursor === null));
          }
        })
        .catch((e) => generation.current === mine && setError(e));
    read(true);
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') read(false);
    }, pollMs);
    return () => window.clearInterval(timer);
    // key stands for filter's content: a new object with the same filters does not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, key, pollMs]);

  const loadMore = useCallback(() => {
    if (!cursor.current || loadingMore.current) return;
    const mine = generation.current;
    loadingMore.current = true;
    api<Fits<InboxPage, Answer<'moderation', '/brands/{brandId}/inbox'>>>(`${base}?${query(filter, NEXT_PAGE, cursor.current)}`)
      .then((page) => {
        if (generation.current !== mine) return;
        cursor.current = page.nextCursor;
        setHasMore(page.nextCursor !== null);
        setItems((previous) => {
          const seen = new Set((previous ?? []).map((item) => item.id));
          return [...(previous ?? []), ...page.items.filter((item) => !seen.has(item.id))];
        });
      })
      .catch(setError)
      .finally(() => {
        loadingMore.current = false;
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, key]);

  /** Puts an item as the detail last read it into the list (after a decision or a refresh). */
  const update = useCallback((item: InboxItem) => {
    setItems((previous) => previous?.map((it) => (it.id === item.id ? item : it)) ?? previous);
  }, []);

  return { items, error, hasMore, loadMore, update };
}
