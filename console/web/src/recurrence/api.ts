// Publishing's recurring and evergreen series, through the console's forwarder.
import { api } from '../api/client';
import type { Answer, Fits, Request } from '../api/schema';
import type { Post } from '../calendar/types';
import type { Occurrence, Recurrence, RecurrenceRequest } from './rule';

const recurrences = (brand: string) => `/api/publishing/brands/${encodeURIComponent(brand)}/recurrences`;

/** A new series of an approved post; the key (one per form) makes a retried click create it once. */
export const createRecurrence = (brand: string, body: RecurrenceRequest, idempotencyKey: string) =>
  api<Fits<Recurrence, Answer<'publishing', '/brands/{brandId}/recurrences', 'post'>>>(recurrences(brand), {
    method: 'POST',
    body: body satisfies Request<'publishing', '/brands/{brandId}/recurrences', 'post'>,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const loadRecurrences = (brand: string) => api<Fits<Recurrence[], Answer<'publishing', '/brands/{brandId}/recurrences'>>>(recurrences(brand));

export const stopRecurrence = (brand: string, id: string) =>
  api<Answer<'publishing', '/brands/{brandId}/recurrences/{recurrenceId}', 'delete'>>(`${recurrences(brand)}/${id}`, { method: 'DELETE' });

/** Occurrences on local dates [from, to], both included. */
export const loadOccurrences = (brand: string, id: string, from: string, to: string) =>
  api<Fits<Occurrence[], Answer<'publishing', '/brands/{brandId}/recurrences/{recurrenceId}/occurrences'>>>(`${recurrences(brand)}/${id}/occurrences?from=${from}&to=${to}`);

export const skipOccurrence = (brand: string, id: string, date: string) =>
  api<Fits<Occurrence, Answer<'publishing', '/brands/{brandId}/recurrences/{recurrenceId}/occurrences/{date}/skip', 'post'>>>(
    `${recurrences(brand)}/${id}/occurrences/${date}/skip`, { method: 'POST' });

/** The occurrence becomes a draft of its own (edited and reviewed alone); the series leaves that date alone. */
export const detachOccurrence = (brand: string, id: string, date: string) =>
  api<Fits<Post, Answer<'publishing', '/brands/{brandId}/recurrences/{recurrenceId}/occurrences/{date}/detach', 'post'>>>(
    `${recurrences(brand)}/${id}/occurrences/${date}/detach`, { method: 'POST' });
