import { ApiError } from '../api/client';
import type { SyntaxError } from './api';

/**
 * Listening's description of a syntax error (the check's `error`, or the members of a save's or a preview's 400) as
 * the editor uses it. Positions count UTF-16 units from 1, as Java and JavaScript strings do; a position past the end
 * means the query stopped too early.
 */
function readError(p: Record<string, unknown>, fallbackMessage: string): SyntaxError | null {
  if (typeof p.position !== 'number') return null;
  return {
    position: p.position,
    length: typeof p.length === 'number' ? p.length : 1,
    line: typeof p.line === 'number' ? p.line : null,
    column: typeof p.column === 'number' ? p.column : null,
    expected: typeof p.expected === 'string' ? p.expected : null,
    message: typeof p.message === 'string' ? p.message : fallbackMessage,
  };
}

/** The syntax error in listening's answer to a check (`{valid, error}`), or null when the query reads. */
export const syntaxErrorOfCheck = (check: { valid: boolean; error?: Record<string, unknown> }) =>
  check.valid || !check.error ? null : readError(check.error, '');

/** The syntax error a refused save or preview carries, or null when the problem is about something else. */
export function syntaxErrorOf(error: unknown): SyntaxError | null {
  if (!(error instanceof ApiError)) return null;
  const p = error.problem as unknown as Record<string, unknown>;
  const violation = error.problem.violations?.find((v) => v.field === 'query');
  return readError({ ...p, message: undefined }, violation?.message ?? error.problem.detail ?? '');
}

/** The query cut around its error: before, the part underlined (at least one unit; a space past the end), after. */
export function splitAtError(query: string, error: SyntaxError): [string, string, string] {
  const start = Math.min(Math.max(error.position - 1, 0), query.length);
  if (start >= query.length) return [query, '\u00a0', ''];
  let end = Math.min(start + Math.max(error.length, 1), query.length);
  // Never cut a character written with two UTF-16 units (an emoji) in half.
  if (end < query.length && /[\uD800-\uDBFF]/.test(query[end - 1])) end++;
  return [query.slice(0, start), query.slice(start, end), query.slice(end)];
}

/** Line and column (from 1) of a position, when listening does not say them. */
export function lineAndColumn(query: string, position: number): { line: number; column: number } {
  const lines = query.slice(0, Math.max(position - 1, 0)).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
