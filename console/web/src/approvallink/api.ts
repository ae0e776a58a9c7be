// Publishing's client approval links (the agency's side), through the console's forwarder.
import { api } from '../api/client';
import type { Answer, Fits, Request } from '../api/schema';
import type { ApprovalLink } from './links';

const links = (brand: string) => `/api/publishing/brands/${encodeURIComponent(brand)}/approval-links`;

/** A new link to these posts; the key (one per share form) makes a retried click create one link, not two. */
export const createLink = (brand: string, postIds: string[], expiresInDays: number, idempotencyKey: string) =>
  api<Fits<ApprovalLink, Answer<'publishing', '/brands/{brandId}/approval-links', 'post'>>>(links(brand), {
    method: 'POST',
    body: { postIds, expiresInDays } satisfies Request<'publishing', '/brands/{brandId}/approval-links', 'post'>,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const loadLinks = (brand: string) =>
  api<Fits<ApprovalLink[], Answer<'publishing', '/brands/{brandId}/approval-links'>>>(`${links(brand)}?limit=100`);

export const revokeLink = (brand: string, id: string) =>
  api<Answer<'publishing', '/brands/{brandId}/approval-links/{linkId}', 'delete'>>(`${links(brand)}/${id}`, { method: 'DELETE' });
