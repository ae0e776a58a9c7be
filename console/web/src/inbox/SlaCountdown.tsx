import { useT } from '../i18n/i18n';
import type { InboxItem } from './types';

/** "1 h 02 min", "4 min 09 s", "12 s". */
export function duration(ms: number) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(sec).padStart(2, '0')} s`;
  return `${sec} s`;
}

/** Where the item stands against the brand's first-response target, counting down each second. */
export function SlaCountdown({ item, now, time }: { item: InboxItem; now: number; time: (iso: string) => string }) {
  const t = useT();
  if (!item.slaDueAt) return <span>{t('inbox.sla.none')}</span>;
  const due = Date.parse(item.slaDueAt);
  if (item.firstResponseAt) {
    const late = Date.parse(item.firstResponseAt) > due;
    return (
      <span className={late ? 'sla late' : 'sla met'}>
        {t(late ? 'inbox.sla.answeredLate' : 'inbox.sla.answered', { time: time(item.firstResponseAt) })}
      </span>
    );
  }
  if (due > now) {
    return (
      <span className="sla running">
        {t('inbox.sla.due', { time: time(item.slaDueAt), left: duration(due - now) })}
      </span>
    );
  }
  return (
    <span className="sla late">
      {t('inbox.sla.overdue', { time: time(item.slaDueAt), late: duration(now - due) })}
    </span>
  );
}
