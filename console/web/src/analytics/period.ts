// The dashboard's period: whole days of the brand's time zone, ending today, and the previous period
// of the same length just before it (the comparison).
import { instantOf, shiftDays, today } from '../calendar/time';
import type { Period } from './api';

export const LENGTHS = [7, 30, 90] as const;
export type Length = (typeof LENGTHS)[number];

/** The last `days` days of the zone, today included: [first midnight, tomorrow's midnight). */
export function periodOf(zone: string, days: Length, todayDate = today(zone)): Period {
  const end = shiftDays(todayDate, 1);
  return { from: instantOf(zone, shiftDays(end, -days), '00:00'), to: instantOf(zone, end, '00:00'), zone };
}

/** The same number of days just before `periodOf(zone, days)`. */
export function previousOf(zone: string, days: Length, todayDate = today(zone)): Period {
  return periodOf(zone, days, shiftDays(todayDate, -days));
}
