import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Answer, Fits } from '../api/schema';
import { canModerate, type Me } from '../api/me';
import { useT } from '../i18n/i18n';
import { EmptyState } from '../ui/EmptyState';
import { ProblemMessage } from '../ui/Problem';
import { Filters } from './Filters';
import { InboxList } from './InboxList';
import { ItemDetail, type ItemCommands } from './ItemDetail';
import { ShortcutsHelp, typing } from './Shortcuts';
import { useBrandTimeZone, useNow, useZonedFormat } from './time';
import { NO_FILTER, type Filter, type InboxSource } from './types';
import { useInboxList } from './useInboxList';

/** New items, statuses and network outcomes appear without a reload: the list's head and the counts are read again this often. */
const POLL_MS = 5_000;

function selectedInHash(brand: string) {
  const [screen, inBrand, id] = window.location.hash.replace(/^#/, '').split('/');
  return screen === 'inbox' && decodeURIComponent(inBrand ?? '') === brand && /^[0-9a-f-]{36}$/.test(id ?? '') ? id : null;
}

/** The moderation queue of one brand: filters with counts, the virtualised list, the item, keyboard shortcuts. */
export function Inbox({ brand, me }: { brand: string; me: Me }) {
  const t = useT();
  const base = `/api/moderation/brands/${encodeURIComponent(brand)}/inbox`;
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [selected, select] = useState<string | null>(() => selectedInHash(brand));
  // The item on screen is in the address (#inbox/<brand>/<id>): a link to it, and it stays selected when coming back.
  const setSelected = useCallback(
    (id: string) => {
      select(id);
      window.history.replaceState(null, '', `#inbox/${encodeURIComponent(brand)}/${id}`);
    },
    [brand],
  );
  const [help, setHelp] = useState(false);
  const commands = useRef<ItemCommands | null>(null);
  const { zone, known } = useBrandTimeZone(brand);
  const { time, short } = useZonedFormat(zone);
  const now = useNow(1000);
  // The list marks overdue items; a minute's precision spares re-rendering its rows every second.
  const minute = Math.floor(now / 60_000) * 60_000;
  // The counts per status follow every other filter of the list.
  const countsQuery = new URLSearchParams(
    Object.entries(filter).filter(([key, value]) => key !== 'status' && value) as [string, string][]).toString();
  const counts = useQuery({
    queryKey: ['counts', brand, countsQuery],
    queryFn: () => api<Fits<Record<string, number>, Answer<'moderation', '/brands/{brandId}/inbox/counts'>>>(`${base}/counts${countsQuery ? `?${countsQuery}` : ''}`),
    refetchInterval: POLL_MS,
    placeholderData: (previous) => previous,
  });
  const sources = useQuery({ queryKey: ['sources', brand], queryFn: () => api<Fits<InboxSource[], Answer<'moderation', '/brands/{brandId}/inbox/sources'>>>(`${base}/sources`) });
  const list = useInboxList(base, filter, POLL_MS);
  const items = list.items;
  const canAct = canModerate(me);

  const move = useCallback(
    (step: number) => {
      if (!items || items.length === 0) return;
      const at = selected ? items.findIndex((item) => item.id === selected) : -1;
      const next = Math.min(items.length - 1, Math.max(0, at + step));
      setSelected(items[at < 0 ? 0 : next].id);
    },
    [items, selected],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // An open dialog (the shortcuts' help) has the keys; its own close event comes a moment later.
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector('dialog[open]')) return;
      const c = commands.current;
      const keys: Record<string, () => void> = {
        j: () => move(1),
        k: () => move(-1),
        '?': () => setHelp(true),
        ...(c && {
          a: () => c.decide('assign'),
          e: () => c.decide('escalate'),
          c: () => c.decide('close'),
          o: () => c.decide('reopen'),
          h: () => c.decide('hide'),
          d: () => c.askDelete(),
          r: () => c.focusReply(),
          s: () => c.focusSavedReply(),
        }),
      };
      const run = keys[e.key];
      if (run) {
        e.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move]);

  const showThread = useCallback((thread: string) => setFilter({ ...NO_FILTER, thread }), []);

  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <div className="inbox-head">
        <h1 id="inbox-title">{t('inbox.title', { brand })}</h1>
        <p className="hint" data-testid="time-zone">
          {t(known ? 'inbox.zone' : 'inbox.zone.browser', { zone })}
        </p>
        <button type="button" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          {t('inbox.shortcuts')} <kbd>?</kbd>
        </button>
      </div>
      <Filters filter={filter} onChange={setFilter} counts={counts.data ?? {}} sources={sources.data ?? []} me={me.user} />
      {(list.error ?? counts.error) != null && <ProblemMessage error={list.error ?? counts.error} />}
      <div className="inbox-body">
        <div className="list">
          {items && items.length === 0 && (
            <EmptyState title={t('inbox.empty.title')}>
              <p>{JSON.stringify(filter) === JSON.stringify(NO_FILTER) ? t('inbox.empty.all') : t('inbox.empty.filter')}</p>
            </EmptyState>
          )}
          {items && items.length > 0 && (
            <InboxList
              items={items}
              selected={selected}
              onSelect={setSelected}
              hasMore={list.hasMore}
              loadMore={list.loadMore}
              short={short}
              now={minute}
            />
          )}
          {!items && list.error == null && <p>{t('shell.loading')}</p>}
        </div>
        <div className="detail">
          {selected ? (
            <ItemDetail
              key={selected}
              brand={brand}
              base={base}
              itemId={selected}
              me={me}
              canAct={canAct}
              onLoaded={list.update}
              onSelect={setSelected}
              onThread={showThread}
              commands={commands}
              time={time}
              now={now}
            />
          ) : (
            items && items.length > 0 && <p className="hint">{t('inbox.select')}</p>
          )}
        </div>
      </div>
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
    </section>
  );
}
