import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

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
    queryFn: () => api<SavedReply[]>(repliesUrl(brand)),
    enabled,
  });
}

/** Saves a reply; the Idempotency-Key makes a retried request save it once. */
export function addSavedReply(brand: string, draft: SavedReplyDraft) {
  return api<SavedReply>(repliesUrl(brand), {
    method: 'POST',
    body: draft,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
}

/**
 * Edits a saved reply in place, if it is still at the version the editor saw: else moderation answers 412
 * (precondition-failed, with currentVersion) and nothing changes.
 */
export function editSavedReply(brand: string, id: string, version: number, draft: SavedReplyDraft) {
  return api<SavedReply>(`${repliesUrl(brand)}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: draft,
    headers: { 'If-Match': `"${version}"` },
  });
}

export function deleteSavedReply(brand: string, id: string) {
  return api<void>(`${repliesUrl(brand)}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The saved reply filled in for one inbox item (its author, the brand, the signed-in moderator). */
export function renderSavedReply(brand: string, id: string, itemId: string) {
  return api<{ text: string }>(`${repliesUrl(brand)}/${encodeURIComponent(id)}/rendered?itemId=${encodeURIComponent(itemId)}`);
}

export function useSla(brand: string) {
  return useQuery({ queryKey: ['sla', brand], queryFn: () => api<BrandSla>(slaUrl(brand)) });
}

export function setSla(brand: string, minutes: number) {
  return api<BrandSla>(slaUrl(brand), { method: 'PUT', body: { firstResponseSlaMinutes: minutes } });
}
