// Every time on these screens is in the brand's time zone (publishing's brand settings), whatever
// the browser's zone: wall times are turned into instants with @date-fns/tz, shown with Intl.
import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfMonth, startOfWeek, endOfMonth, endOfWeek } from 'date-fns';

/** A local date of the brand's zone, "2026-12-24". */
export type LocalDate = string;

export function today(zone: string): LocalDate {
  return format(TZDate.tz(zone), 'yyyy-MM-dd');
}

const parts = (date: LocalDate) => date.split('-').map(Number) as [number, number, number];

/** The instant of a wall time of the brand's zone, as the API wants it ("2026-12-24T17:00:00Z"). */
export function instantOf(zone: string, date: LocalDate, time: string): string {
  const [y, m, d] = parts(date);
  const [hh, mm, ss] = time.split(':').map(Number);
  const local = new TZDate(y, m - 1, d, hh, mm, ss || 0, zone);
  return new Date(local.getTime()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The brand's wall date and time of an instant: ["2026-12-24", "18:00"]. */
export function wallTimeOf(zone: string, instant: string): [LocalDate, string] {
  const local = new TZDate(new Date(instant).getTime(), zone);
  return [format(local, 'yyyy-MM-dd'), format(local, 'HH:mm')];
}

export function shiftDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parts(date);
  return format(addDays(new Date(y, m - 1, d), days), 'yyyy-MM-dd');
}

/** The dates a month or week view shows, Monday first. */
export function gridOf(view: 'month' | 'week', anchor: LocalDate): LocalDate[] {
  const [y, m, d] = parts(anchor);
  const day = new Date(y, m - 1, d);
  const first = view === 'month' ? startOfWeek(startOfMonth(day), { weekStartsOn: 1 }) : startOfWeek(day, { weekStartsOn: 1 });
  const last = view === 'month' ? endOfWeek(endOfMonth(day), { weekStartsOn: 1 }) : endOfWeek(day, { weekStartsOn: 1 });
  const dates: LocalDate[] = [];
  for (let cursor = first; cursor <= last; cursor = addDays(cursor, 1)) dates.push(format(cursor, 'yyyy-MM-dd'));
  return dates;
}

export function formatDate(language: string, date: LocalDate, options: Intl.DateTimeFormatOptions): string {
  const [y, m, d] = parts(date);
  return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d, 12));
}

export function formatInstant(language: string, zone: string, instant: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(instant));
}
