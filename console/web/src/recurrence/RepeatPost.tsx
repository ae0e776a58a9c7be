import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { CalendarProblem } from '../calendar/CalendarProblem';
import { formatDate, today, wallTimeOf } from '../calendar/time';
import type { Post } from '../calendar/types';
import { createRecurrence, loadRecurrences, stopRecurrence } from './api';
import { defaultForm, problemsOf, requestOf, WEEKDAYS, type Recurrence, type RepeatForm, type Weekday } from './rule';

/** A post's series (read by everyone) and, for those who write, a repeat rule for an approved post. */
export function RepeatPost({ brand, zone, post, mayWrite, onChanged }: {
  brand: string; zone: string; post: Post; mayWrite: boolean; onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const [series, setSeries] = useState<Recurrence[]>([]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    loadRecurrences(brand).then((all) => setSeries(all.filter((s) => s.postId === post.id))).catch(() => setSeries([]));
  }, [brand, post.id, reloads]);

  const stop = async (id: string) => {
    setError(null);
    try {
      await stopRecurrence(brand, id);
      setReloads((n) => n + 1);
      onChanged();
    } catch (refused) {
      setError(refused);
    }
  };
  const mayRepeat = mayWrite && post.status === 'approved';
  if (series.length === 0 && !mayRepeat) return null;

  return (
    <section className="repeat" aria-labelledby="repeat-title" data-testid="repeat">
      <h3 id="repeat-title">{t('repeat.title')}</h3>
      {series.length > 0 && (
        <ul className="series">
          {series.map((s) => (
            <li key={s.id} data-testid="series">
              {describe(s, t, language)}{s.stoppedAt ? ` — ${t('repeat.stopped', { user: s.stoppedBy ?? '' })}` : ''}
              {mayWrite && !s.stoppedAt && <> <button type="button" onClick={() => stop(s.id)}>{t('repeat.stop')}</button></>}
            </li>
          ))}
        </ul>
      )}
      {error != null && <CalendarProblem error={error} />}
      {mayRepeat && !open && (
        <button type="button" onClick={() => setOpen(true)} data-testid="repeat-open">{t('repeat.open')}</button>
      )}
      {mayRepeat && open && (
        <RepeatEditor brand={brand} zone={zone} post={post} onCancel={() => setOpen(false)}
          onCreated={() => {
            // The series appears in the list above (the calendar reloads with its occurrences, and this panel with it).
            setOpen(false);
            setReloads((n) => n + 1);
            onChanged();
          }} />
      )}
    </section>
  );
}

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** "Every week on Tuesday and Friday at 09:00, from … to …" in the page's language. */
export function describe(s: Pick<Recurrence, 'repeat' | 'days' | 'dayOfMonth' | 'everyDays' | 'time' | 'startDate' | 'endDate'>, t: T, language: string): string {
  const day = (d: string) => formatDate(language, d, { day: 'numeric', month: 'long', year: 'numeric' });
  const rule = s.repeat === 'weekly'
    ? t('repeat.rule.weekly', { days: (s.days ?? []).map((d) => t(`repeat.day.${d}` as MessageKey)).join(', ') })
    : s.repeat === 'monthly' ? t('repeat.rule.monthly', { day: s.dayOfMonth ?? '' }) : t('repeat.rule.evergreen', { days: s.everyDays ?? '' });
  return t('repeat.rule', { rule, time: s.time, from: day(s.startDate), to: day(s.endDate) });
}

function RepeatEditor({ brand, zone, post, onCancel, onCreated }: {
  brand: string; zone: string; post: Post; onCancel: () => void; onCreated: () => void;
}) {
  const { t } = useI18n();
  const [planned] = useState(() => (post.plannedAt ? wallTimeOf(zone, post.plannedAt) : [null, null]));
  const [form, setForm] = useState<RepeatForm>(() => defaultForm(today(zone), planned[0], planned[1]));
  const [key] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = problemsOf(form);
  const set = (change: Partial<RepeatForm>) => setForm((f) => ({ ...f, ...change }));
  const toggleDay = (day: Weekday) => set({ days: form.days.includes(day) ? form.days.filter((d) => d !== day) : [...form.days, day] });
  const problem = (field: string) => (tried && problems[field]
    ? <span className="field-problem" id={`repeat-${field}-problem`}>{t(`repeat.problem.${problems[field]}` as MessageKey)}</span> : null);
  const described = (field: string) => (tried && problems[field] ? { 'aria-invalid': true, 'aria-describedby': `repeat-${field}-problem` } : {});

  const save = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await createRecurrence(brand, requestOf(post.id, form), key);
      onCreated();
    } catch (refused) {
      setError(refused);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="repeat-form" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="repeat-form">
      <fieldset>
        <legend>{t('repeat.kind')}</legend>
        {(['weekly', 'monthly', 'evergreen'] as const).map((kind) => (
          <label key={kind}>
            <input type="radio" name="repeat" value={kind} checked={form.repeat === kind} onChange={() => set({ repeat: kind })} data-testid={`repeat-${kind}`} />
            {t(`repeat.kind.${kind}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      {form.repeat === 'weekly' && (
        <fieldset {...described('days')}>
          <legend>{t('repeat.days')}</legend>
          {WEEKDAYS.map((day) => (
            <label key={day}>
              <input type="checkbox" checked={form.days.includes(day)} onChange={() => toggleDay(day)} data-testid={`repeat-day-${day}`} />
              {t(`repeat.day.${day}` as MessageKey)}
            </label>
          ))}
          {problem('days')}
        </fieldset>
      )}
      {form.repeat === 'monthly' && (
        <label>{t('repeat.dayOfMonth')}
          <input type="number" min={1} max={31} value={form.dayOfMonth} onChange={(e) => set({ dayOfMonth: e.target.value })} {...described('dayOfMonth')} />
          {problem('dayOfMonth')}
        </label>
      )}
      {form.repeat === 'evergreen' && (
        <label>{t('repeat.everyDays')}
          <input type="number" min={1} max={365} value={form.everyDays} onChange={(e) => set({ everyDays: e.target.value })} {...described('everyDays')} />
          {problem('everyDays')}
        </label>
      )}
      <label>{t('repeat.time', { zone })}
        <input type="time" value={form.time} onChange={(e) => set({ time: e.target.value })} data-testid="repeat-time" {...described('time')} />
        {problem('time')}
      </label>
      <label>{t('repeat.start')}
        <input type="date" value={form.startDate} onChange={(e) => set({ startDate: e.target.value })} data-testid="repeat-start" {...described('startDate')} />
        {problem('startDate')}
      </label>
      <label>{t('repeat.end')}
        <input type="date" value={form.endDate} onChange={(e) => set({ endDate: e.target.value })} data-testid="repeat-end" {...described('endDate')} />
        {problem('endDate')}
      </label>
      <p className="hint">{t('repeat.hint')}</p>
      {error != null && <CalendarProblem error={error} />}
      <div className="filters">
        <button type="submit" disabled={busy} data-testid="repeat-save">{t('repeat.save')}</button>
        <button type="button" onClick={onCancel}>{t('repeat.cancel')}</button>
      </div>
    </form>
  );
}
