// Publishing's client approval links (the agency's side), through the console's forwarder.
import { api } from '../api/client';
import type { ApprovalLink } from './links';

const links = (brand: string) => `/api/publishing/brands/${encodeURIComponent(brand)}/approval-links`;

/** A new link to these posts; the key (one per share form) makes a retried click create one link, not two. */
export const createLink = (brand: string, postIds: string[], expiresInDays: number, idempotencyKey: string) =>
  api<ApprovalLink>(links(brand), { method: 'POST', body: { postIds, expiresInDays }, headers: { 'Idempotency-Key': idempotencyKey } });

export const loadLinks = (brand: string) => api<ApprovalLink[]>(`${links(brand)}?limit=100`);

export const revokeLink = (brand: string, id: string) => api<void>(`${links(brand)}/${id}`, { method: 'DELETE' });
