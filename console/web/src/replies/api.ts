import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer, Fits, Request } from '../api/schema';

export interface SavedReply {
  id: string;
  brandId: string;
  name: string;
  language: string | null;
  text: string;
  createdAt: string;
  updatedAt: string | null;
  /** Sent back as If-Match to edit it. */
  version: number;
}

export interface SavedReplyDraft {
  name: string;
  language: string | null;
  text: string;
}

export interface BrandSla {
  firstResponseSlaMinutes: number;
}

export const repliesUrl = (brand: string) => `/api/moderation/brands/${encodeURIComponent(brand)}/saved-replies`;
export const slaUrl = (brand: string) => `/api/moderation/brands/${encodeURIComponent(brand)}/sla`;

export function useSavedReplies(brand: string, enabled = true) {
  return useQuery({
    queryKey: ['saved-replies', brand],
    queryFn: () => api<Fits<SavedReply[], Answer<'moderation', '/brands/{brandId}/saved-replies'>>>(repliesUrl(brand)),
    enabled,
  });
}

/** Saves a reply; the Idempotency-Key makes a retried request save it once. */
export function addSavedReply(brand: string, draft: SavedReplyDraft) {
  return api<Fits<SavedReply, Answer<'moderation', '/brands/{brandId}/saved-replies', 'post'>>>(repliesUrl(brand), {
    method: 'POST',
    body: draft satisfies Request<'moderation', '/brands/{brandId}/saved-replies', 'post'>,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
}

/**
 * Edits a saved reply in place, if it is still at the version the editor saw: else moderation answers 412
 * (precondition-failed, with currentVersion) and nothing changes.
 */
export function editSavedReply(brand: string, id: string, version: number, draft: SavedReplyDraft) {
  return api<Fits<SavedReply, Answer<'moderation', '/brands/{brandId}/saved-replies/{replyId}', 'put'>>>(`${repliesUrl(brand)}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: draft satisfies Request<'moderation', '/brands/{brandId}/saved-replies/{replyId}', 'put'>,
    headers: { 'If-Match': `"${version}"` },
  });
}

export function deleteSavedReply(brand: string, id: string) {
  return api<Answer<'moderation', '/brands/{brandId}/saved-replies/{replyId}', 'delete'>>(`${repliesUrl(brand)}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The saved reply filled in for one inbox item (its author, the brand, the signed-in moderator). */
export function renderSavedReply(brand: string, id: string, itemId: string) {
  return api<Fits<{ text: string }, Answer<'moderation', '/brands/{brandId}/saved-replies/{replyId}/rendered'>>>(`${repliesUrl(brand)}/${encodeURIComponent(id)}/rendered?itemId=${encodeURIComponent(itemId)}`);
}

export function useSla(brand: string) {
  return useQuery({ queryKey: ['sla', brand], queryFn: () => api<Fits<BrandSla, Answer<'moderation', '/brands/{brandId}/sla'>>>(slaUrl(brand)) });
}

export function setSla(brand: string, minutes: number) {
  return api<Fits<BrandSla, Answer<'moderation', '/brands/{brandId}/sla', 'put'>>>(slaUrl(brand), { method: 'PUT', body: { firstResponseSlaMinutes: minutes } satisfies Request<'moderation', '/brands/{brandId}/sla', 'put'> });
}
