import { useCallback, useEffect, useState } from 'react';
import { canModerate, type Me } from '../api/me';
import { useI18n } from '../i18n/i18n';
import { EmptyState } from '../ui/EmptyState';
import { loadCalendar, loadSettings } from './api';
import { CalendarProblem } from './CalendarProblem';
import { PostPanel } from './PostPanel';
import { formatInstant, shiftDays, today } from './time';
import type { Entry } from './types';
import { ShareLinks } from '../approvallink/ShareLinks';

/** What awaits a review: the brand's posts in review, planned from a month ago to a year ahead. */
export default function Approvals({ brand, me }: { brand: string; me: Me }) {
  const { t, language } = useI18n();
  const [zone, setZone] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<Entry[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  // Every post of the period by id, for the titles of the links' posts (in review or not any more).
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const mayShare = canModerate(me);
  const toggle = (id: string) => setSelected((now) => (now.includes(id) ? now.filter((s) => s !== id) : [...now, id]));
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    loadSettings(brand).then((s) => setZone(s.timezone)).catch(setError);
  }, [brand]);
  useEffect(() => {
    if (!zone) return;
    const from = shiftDays(today(zone), -31);
    loadCalendar(brand, from, shiftDays(from, 396), language)
      .then((view) => {
        const posts = view.days.flatMap((d) => d.posts);
        setTitles(new Map(posts.map((p) => [p.id, p.title])));
        setWaiting(posts.filter((p) => p.status === 'in-review'));
      })
      .catch(setError);
  }, [brand, zone, language, reloads]);

  return (
    <section>
      <h1>{t('approvals.title')}</h1>
      {error != null && <CalendarProblem error={error} />}
      {waiting && waiting.length === 0 && (
        <EmptyState title={t('approvals.none.title')}><p>{t('approvals.none.text')}</p></EmptyState>
      )}
      <div className="inbox-body">
        <ul className="list approvals" data-testid="approvals-list">
          {(waiting ?? []).map((p) => (
            <li key={p.id} className={mayShare ? 'selectable' : undefined}>
              {mayShare && (
                <input type="checkbox" checked={selected.includes(p.id)} onChange={() => toggle(p.id)} data-testid="share-select"
                  aria-label={t('share.select', { title: p.title })} />
              )}
              <button type="button" className="item" aria-current={open === p.id} onClick={() => setOpen(p.id)} data-testid="awaiting">
                <span className="status">{formatInstant(language, zone!, p.plannedAt)} · {p.networks.join(', ')}</span>
                <span className="text">{p.title}</span>
              </button>
            </li>
          ))}
        </ul>
        {open && zone && (
          <PostPanel key={open} brand={brand} me={me} zone={zone} id={open} onChanged={reload}
            onEdit={() => { window.location.hash = '#calendar'; }} onClose={() => setOpen(null)} />
        )}
      </div>
      {mayShare && zone && (
        <ShareLinks brand={brand} zone={zone} selected={selected} titles={titles}
          onShared={() => setSelected([])} />
      )}
    </section>
  );
}
