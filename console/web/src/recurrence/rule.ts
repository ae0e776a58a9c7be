// A post's repeat rule as the composer's form holds it, and the series as publishing takes it (RecurrenceRequest);
// free of React so node's tests read it.

export type Repeat = 'weekly' | 'monthly' | 'evergreen';
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface RepeatForm {
  repeat: Repeat;
  days: Weekday[];
  dayOfMonth: string;
  everyDays: string;
  time: string;
  startDate: string;
  endDate: string;
}

export interface RecurrenceRequest {
  postId: string;
  repeat: Repeat;
  days?: Weekday[];
  dayOfMonth?: number;
  everyDays?: number;
  time: string;
  startDate: string;
  endDate: string;
}

export interface Recurrence extends Omit<RecurrenceRequest, 'days' | 'dayOfMonth' | 'everyDays'> {
  id: string;
  brandId: string;
  days: Weekday[];
  dayOfMonth: number | null;
  everyDays: number | null;
  timezone: string;
  createdBy: string;
  createdAt: string;
  stoppedBy: string | null;
  stoppedAt: string | null;
  handledUntil: string;
}

export type OccurrenceState = 'upcoming' | 'scheduled' | 'missed' | 'skipped' | 'detached' | 'failed';
export interface Occurrence {
  date: string;
  dueAt: string;
  state: OccurrenceState;
  postId: string | null;
  reason: string | null;
}

/** The form's first values: weekly on the post's weekday at its time, from today for three months. */
export function defaultForm(today: string, plannedDate: string | null, plannedTime: string | null): RepeatForm {
  const start = plannedDate && plannedDate > today ? plannedDate : today;
  const [y, m, d] = start.split('-').map(Number);
  const weekday = WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
  const end = new Date(Date.UTC(y, m - 1 + 3, d)).toISOString().slice(0, 10);
  return { repeat: 'weekly', days: [weekday], dayOfMonth: String(d), everyDays: '14', time: plannedTime ?? '09:00', startDate: start, endDate: end };
}

/** What is wrong with the form, field by field (the names publishing's violations use); empty when it can be sent. */
export function problemsOf(form: RepeatForm): Record<string, 'required' | 'range' | 'order' | 'too-long'> {
  const problems: Record<string, 'required' | 'range' | 'order' | 'too-long'> = {};
  if (form.repeat === 'weekly' && form.days.length === 0) problems.days = 'required';
  if (form.repeat === 'monthly' && !inRange(form.dayOfMonth, 1, 31)) problems.dayOfMonth = 'range';
  if (form.repeat === 'evergreen' && !inRange(form.everyDays, 1, 365)) problems.everyDays = 'range';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.time)) problems.time = 'required';
  if (!isDate(form.startDate)) problems.startDate = 'required';
  if (!isDate(form.endDate)) problems.endDate = 'required';
  else if (isDate(form.startDate)) {
    if (form.endDate < form.startDate) problems.endDate = 'order';
    else if (form.endDate > addYears(form.startDate, 2)) problems.endDate = 'too-long';
  }
  return problems;
}

/** The series publishing creates: only the field of its kind (publishing refuses the others). */
export function requestOf(postId: string, form: RepeatForm): RecurrenceRequest {
  const base = { postId, repeat: form.repeat, time: form.time, startDate: form.startDate, endDate: form.endDate };
  if (form.repeat === 'weekly') return { ...base, days: WEEKDAYS.filter((d) => form.days.includes(d)) };
  if (form.repeat === 'monthly') return { ...base, dayOfMonth: Number(form.dayOfMonth) };
  return { ...base, everyDays: Number(form.everyDays) };
}

/** The occurrences the calendar shows as such: those not (yet) a post of their own, which the calendar shows already. */
export const shownAsOccurrence = (o: Occurrence) => o.state === 'upcoming' || o.state === 'missed' || o.state === 'skipped' || o.state === 'failed';

/** Only an occurrence not handled yet can be skipped or detached (publishing: 409 once handled). */
export const stillOpen = (o: Occurrence) => o.state === 'upcoming';

/** The series that can have occurrences between two local dates. */
export const activeBetween = (series: Recurrence[], from: string, to: string) =>
  series.filter((s) => s.stoppedAt === null && s.startDate <= to && s.endDate >= from);

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const inRange = (value: string, min: number, max: number) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
