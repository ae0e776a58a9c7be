// Publishing (and analytics' best slots) through the console's forwarder.
import { api } from '../api/client';
import { requestOf, type BestSlot, type CalendarView, type Campaign, type Channel, type HistoryLine, type Post, type PostRequest } from './types';

const publishing = (brand: string) => `/api/publishing/brands/${encodeURIComponent(brand)}`;

export const loadSettings = (brand: string) => api<{ timezone: string }>(`${publishing(brand)}/settings`);

export const loadCalendar = (brand: string, from: string, to: string, lang: string) =>
  api<CalendarView>(`${publishing(brand)}/calendar?from=${from}&to=${to}&lang=${lang}&limit=500`);

/** Posts without a planned time yet (ideas), newest first. */
export const loadUnscheduled = (brand: string) =>
  api<{ brandId: string; posts: Post[] }>(`${publishing(brand)}/posts/unscheduled?limit=200`).then((u) => u.posts);

export const loadPost = (brand: string, id: string) => api<Post>(`${publishing(brand)}/posts/${id}`);

export const loadHistory = (brand: string, id: string) => api<HistoryLine[]>(`${publishing(brand)}/posts/${id}/history`);

export const loadCampaigns = (brand: string) => api<Campaign[]>(`${publishing(brand)}/campaigns`);

/** A new campaign (end date included); the key makes a retried request create it once. */
export const createCampaign = (brand: string, body: Omit<Campaign, 'id'>, idempotencyKey: string) =>
  api<Campaign>(`${publishing(brand)}/campaigns`, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });

export const loadChannels = (brand: string) => api<Channel[]>(`${publishing(brand)}/channels`);

/** What became of each variant of a post on each channel (publishing's deliveries). */
export interface Delivery {
  channelId: string;
  network: string;
  handle: string;
  status: 'pending' | 'published' | 'failed';
  url: string | null;
  lastError: string | null;
  outcomeAt: string | null;
}
export const loadDeliveries = (brand: string, id: string) =>
  api<{ postId: string; deliveries: Delivery[] }>(`${publishing(brand)}/posts/${id}/deliveries`).then((d) => d.deliveries);

/** A new draft; the key makes a retried click or request create it once. */
export const createPost = (brand: string, body: PostRequest, idempotencyKey: string) =>
  api<Post>(`${publishing(brand)}/posts`, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });

export const editPost = (brand: string, id: string, body: PostRequest) =>
  api<Post>(`${publishing(brand)}/posts/${id}`, { method: 'PUT', body });

export type Action = 'submit' | 'approve' | 'request-changes' | 'schedule' | 'unschedule';

/** A workflow move; `slot` (with schedule) lets publishing pick the channel queue's next free or best slot. */
export const move = (brand: string, id: string, action: Action, comment?: string, slot?: 'next' | 'best') =>
  api<Post>(`${publishing(brand)}/posts/${id}/transitions`, { method: 'POST', body: { action, ...(comment ? { comment } : {}), ...(slot ? { slot } : {}) } });

export const loadQueue = (brand: string, channelId: string) =>
  api<{ slots: unknown[]; nextFreeSlot: string | null }>(`${publishing(brand)}/channels/${channelId}/queue`);

export const comment = (brand: string, id: string, text: string) =>
  api<unknown>(`${publishing(brand)}/posts/${id}/comments`, { method: 'POST', body: { text } });

/** Reschedule: the same post at another instant. The server decides (an approved post goes back to review). */
export async function reschedule(brand: string, id: string, plannedAt: string): Promise<Post> {
  const post = await loadPost(brand, id);
  return editPost(brand, id, { ...requestOf(post), plannedAt });
}

export const bestSlots = (brand: string, zone: string) =>
  api<{ slots: BestSlot[] }>(`/api/analytics/brands/${encodeURIComponent(brand)}/best-slots?count=3&tz=${encodeURIComponent(zone)}`);
