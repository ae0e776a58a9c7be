// What the calendar's import and export decide, free of React so node's tests read it.

/** One reason a row of the file was refused (publishing's invalid-import violations). */
export interface RowProblem {
  row: number;
  line: number;
  field: string;
  message: string;
}

/**
 * Publishing's refusal of a file as a table, in the file's order: row 0 (the header, or a file that cannot be read)
 * first, then each row by line. Anything that is not an invalid-import problem gives no table.
 */
export function reportOf(problem: { type?: string; violations?: unknown[] }): RowProblem[] | null {
  if (problem.type !== 'https://tribu.io/problems/invalid-import' || !Array.isArray(problem.violations)) return null;
  return problem.violations
    .map((v) => v as Partial<RowProblem>)
    .map((v) => ({ row: Number(v.row ?? 0), line: Number(v.line ?? 0), field: String(v.field ?? ''), message: String(v.message ?? '') }))
    .sort((a, b) => a.row - b.row || a.line - b.line || a.field.localeCompare(b.field));
}

/** How many distinct rows the report names (the header, row 0, is not a row of posts). */
export const rowsRefused = (report: RowProblem[]) => new Set(report.filter((r) => r.row > 0).map((r) => r.row)).size;

/** The file a download is saved as: the brand, the period and the format. */
export const exportFileName = (brand: string, from: string, to: string, format: 'csv' | 'json') =>
  `${brand.replace(/[^A-Za-z0-9._-]/g, '_')}-calendar-${from}-${to}.${format}`;

/** Whether an export period can be asked for: both days, in order, at most 400 days (publishing's cap). */
export function periodProblem(from: string, to: string): 'missing' | 'order' | 'too-long' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return 'missing';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days < 0) return 'order';
  return days + 1 > 400 ? 'too-long' : null;
}
