import { ApiError } from '../api/client';
import type { SyntaxError } from './api';

/**
 * The syntax error listening reports for a query (a save's 400, or the check's answer), or null when the
 * problem is about something else. Listening counts positions in characters from 1; a position past the
 * end of the text means the query stopped too early.
 */
export function syntaxErrorOf(error: unknown): SyntaxError | null {
  if (!(error instanceof ApiError)) return null;
  const p = error.problem as unknown as Record<string, unknown>;
  if (typeof p.position !== 'number') return null;
  const violation = (p.violations as { field: string; message: string }[] | undefined)?.find((v) => v.field === 'query');
  return {
    position: p.position,
    length: typeof p.length === 'number' && p.length > 0 ? p.length : 1,
    line: typeof p.line === 'number' ? p.line : null,
    column: typeof p.column === 'number' ? p.column : null,
    expected: typeof p.expected === 'string' ? p.expected : null,
    message: violation?.message ?? (typeof p.detail === 'string' ? p.detail : ''),
  };
}

/** The query cut around its error: before, the part underlined (a space past the end), after. */
export function splitAtError(query: string, error: SyntaxError): [string, string, string] {
  const chars = Array.from(query);
  const start = Math.min(Math.max(error.position - 1, 0), chars.length);
  const end = Math.min(start + error.length, chars.length);
  const marked = start < chars.length ? chars.slice(start, end).join('') : '\u00a0';
  return [chars.slice(0, start).join(''), marked, chars.slice(end).join('')];
}

/** Line and column (from 1) of a 1-based character position, when listening does not say them. */
export function lineAndColumn(query: string, position: number): { line: number; column: number } {
  const before = Array.from(query).slice(0, Math.max(position - 1, 0)).join('');
  const lines = before.split('\n');
  return { line: lines.length, column: Array.from(lines[lines.length - 1]).length + 1 };
}
