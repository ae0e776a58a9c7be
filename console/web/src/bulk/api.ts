// Publishing's CSV import and CSV / JSON export, through the console's forwarder.
import { apiText } from '../api/client';
import type { Answer, Fits } from '../api/schema';

const posts = (brand: string) => `/api/publishing/brands/${encodeURIComponent(brand)}/posts`;

export interface Imported {
  imported: number;
  posts: { row: number; line: number; id: string }[];
}

/** Imports the file as drafts, all or nothing; the key (one per chosen file) makes a retried import store it once. */
export const importCsv = (brand: string, csv: string, idempotencyKey: string) =>
  apiText<Answer<'publishing', '/brands/{brandId}/posts/import', 'post'>>(`${posts(brand)}/import`,
    { method: 'POST', body: csv, contentType: 'text/csv', accept: 'application/json', headers: { 'Idempotency-Key': idempotencyKey } })
    .then((text) => JSON.parse(text) as Fits<Imported, Answer<'publishing', '/brands/{brandId}/posts/import', 'post'>>);

/** The posts planned in [from, to) (instants) as publishing writes them: CSV (importable again) or JSON. */
export const exportCalendar = (brand: string, from: string, to: string, format: 'csv' | 'json') =>
  apiText<Answer<'publishing', '/brands/{brandId}/posts/export'>>(`${posts(brand)}/export?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=${format}`,
    { accept: format === 'csv' ? 'text/csv' : 'application/json' });
