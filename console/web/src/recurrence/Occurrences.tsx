import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { loadPost } from '../calendar/api';
import { CalendarProblem } from '../calendar/CalendarProblem';
import { formatInstant } from '../calendar/time';
import { detachOccurrence, loadOccurrences, loadRecurrences, skipOccurrence } from './api';
import { describe } from './RepeatPost';
import { activeBetween, shownAsOccurrence, stillOpen, type Occurrence, type Recurrence } from './rule';

/** An occurrence of a series on the calendar: not a post (yet), or one that will never be one (skipped, missed). */
export interface OccurrenceEntry {
  series: Recurrence;
  title: string;
  occurrence: Occurrence;
}

/** The occurrences of the brand's series on local dates [from, to], by date. Series are few: one call each. */
export function useOccurrences(brand: string, from: string | undefined, to: string | undefined, reloads: number) {
  const [byDate, setByDate] = useState<Map<string, OccurrenceEntry[]>>(new Map());
  useEffect(() => {
    if (!from || !to) return;
    let current = true;
    (async () => {
      const series = activeBetween(await loadRecurrences(brand), from, to);
      const found = await Promise.all(series.map(async (s) => {
        const [occurrences, post] = await Promise.all([loadOccurrences(brand, s.id, from, to), loadPost(brand, s.postId).catch(() => null)]);
        return occurrences.filter(shownAsOccurrence).map((occurrence) => ({ series: s, title: post?.title ?? '…', occurrence }));
      }));
      const next = new Map<string, OccurrenceEntry[]>();
      for (const entry of found.flat()) next.set(entry.occurrence.date, [...(next.get(entry.occurrence.date) ?? []), entry]);
      if (current) setByDate(next);
    })().catch(() => current && setByDate(new Map()));
    return () => { current = false; };
  }, [brand, from, to, reloads]);
  return byDate;
}

/** An occurrence in a day or an hour: a dashed chip, told apart from posts by its look and its words. */
export function OccurrenceChip({ entry, open }: { entry: OccurrenceEntry; open: () => void }) {
  const { t } = useI18n();
  const { occurrence } = entry;
  return (
    <div className={`chip occurrence occurrence-${occurrence.state}`} data-testid="occurrence" data-date={occurrence.date} data-state={occurrence.state}>
      <button type="button" className="chip-open" onClick={open}>
        <span aria-hidden="true">↻ </span><span className="chip-time">{entry.series.time}</span> {entry.title}
        <span className="chip-status">{t(`occurrence.state.${occurrence.state}` as MessageKey)}</span>
      </button>
    </div>
  );
}

/** One occurrence: its series, when, what became of it; skip it, or edit it alone (a draft of its own). */
export function OccurrencePanel({ brand, zone, entry, mayWrite, onChanged, onDetached, onClose }: {
  brand: string; zone: string; entry: OccurrenceEntry; mayWrite: boolean; onChanged: () => void; onDetached: (postId: string) => void; onClose: () => void;
}) {
  const { t, language } = useI18n();
  const [occurrence, setOccurrence] = useState(entry.occurrence);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = async (what: 'skip' | 'detach') => {
    setBusy(true);
    setError(null);
    try {
      if (what === 'skip') {
        setOccurrence(await skipOccurrence(brand, entry.series.id, occurrence.date));
        onChanged();
      } else {
        const draft = await detachOccurrence(brand, entry.series.id, occurrence.date);
        onChanged();
        onDetached(draft.id);
      }
    } catch (refused) {
      setError(refused);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="post-panel" aria-labelledby="occurrence-title" data-testid="occurrence-panel">
      <div className="panel-head">
        <h2 id="occurrence-title">{t('occurrence.title', { title: entry.title })}</h2>
        <button type="button" onClick={onClose}>{t('post.close')}</button>
      </div>
      <p>
        <span className={`badge occurrence-${occurrence.state}`} data-testid="occurrence-state">{t(`occurrence.state.${occurrence.state}` as MessageKey)}</span>{' '}
        {formatInstant(language, zone, occurrence.dueAt)}
      </p>
      <p>{describe(entry.series, t, language)}</p>
      {occurrence.reason && <p className="hint">{occurrence.reason}</p>}
      {error != null && <CalendarProblem error={error} />}
      {mayWrite && stillOpen(occurrence) && (
        <div className="filters">
          <button type="button" onClick={() => act('skip')} disabled={busy} data-testid="occurrence-skip">{t('occurrence.skip')}</button>
          <button type="button" onClick={() => act('detach')} disabled={busy} data-testid="occurrence-detach">{t('occurrence.detach')}</button>
        </div>
      )}
      {mayWrite && stillOpen(occurrence) && <p className="hint">{t('occurrence.hint')}</p>}
    </article>
  );
}
