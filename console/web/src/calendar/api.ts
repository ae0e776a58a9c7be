// Publishing (and analytics' best slots) through the console's forwarder.
import { api } from '../api/client';
import type { Answer, Fits, Request } from '../api/schema';
import { requestOf, type BestSlot, type CalendarView, type Campaign, type Channel, type HistoryLine, type Post, type PostRequest } from './types';

const publishing = (brand: string) => `/api/publishing/brands/${encodeURIComponent(brand)}`;

export const loadSettings = (brand: string) => api<Fits<{ timezone: string }, Answer<'publishing', '/brands/{brandId}/settings'>>>(`${publishing(brand)}/settings`);

export const loadCalendar = (brand: string, from: string, to: string, lang: string) =>
  api<Fits<CalendarView, Answer<'publishing', '/brands/{brandId}/calendar'>>>(`${publishing(brand)}/calendar?from=${from}&to=${to}&lang=${lang}&limit=500`);

/** Posts without a planned time yet (ideas), newest first. */
export const loadUnscheduled = (brand: string) =>
  api<Fits<{ brandId: string; posts: Post[] }, Answer<'publishing', '/brands/{brandId}/posts/unscheduled'>>>(`${publishing(brand)}/posts/unscheduled?limit=200`).then((u) => u.posts);

export const loadPost = (brand: string, id: string) => api<Fits<Post, Answer<'publishing', '/brands/{brandId}/posts/{postId}'>>>(`${publishing(brand)}/posts/${id}`);

export const loadHistory = (brand: string, id: string) => api<Fits<HistoryLine[], Answer<'publishing', '/brands/{brandId}/posts/{postId}/history'>>>(`${publishing(brand)}/posts/${id}/history`);

export const loadCampaigns = (brand: string) => api<Fits<Campaign[], Answer<'publishing', '/brands/{brandId}/campaigns'>>>(`${publishing(brand)}/campaigns`);

/** A new campaign (end date included); the key makes a retried request create it once. */
export const createCampaign = (brand: string, body: Omit<Campaign, 'id'>, idempotencyKey: string) =>
  api<Fits<Campaign, Answer<'publishing', '/brands/{brandId}/campaigns', 'post'>>>(`${publishing(brand)}/campaigns`, { method: 'POST', body: body satisfies Request<'publishing', '/brands/{brandId}/campaigns', 'post'>, headers: { 'Idempotency-Key': idempotencyKey } });

export const loadChannels = (brand: string) => api<Fits<Channel[], Answer<'publishing', '/brands/{brandId}/channels'>>>(`${publishing(brand)}/channels`);

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
  api<Fits<{ postId: string; deliveries: Delivery[] }, Answer<'publishing', '/brands/{brandId}/posts/{postId}/deliveries'>>>(`${publishing(brand)}/posts/${id}/deliveries`).then((d) => d.deliveries);

/** A new draft; the key makes a retried click or request create it once. */
export const createPost = (brand: string, body: PostRequest, idempotencyKey: string) =>
  api<Fits<Post, Answer<'publishing', '/brands/{brandId}/posts', 'post'>>>(`${publishing(brand)}/posts`, { method: 'POST', body: body satisfies Request<'publishing', '/brands/{brandId}/posts', 'post'>, headers: { 'Idempotency-Key': idempotencyKey } });

export const editPost = (brand: string, id: string, body: PostRequest) =>
  api<Fits<Post, Answer<'publishing', '/brands/{brandId}/posts/{postId}', 'put'>>>(`${publishing(brand)}/posts/${id}`, { method: 'PUT', body: body satisfies Request<'publishing', '/brands/{brandId}/posts/{postId}', 'put'> });

export type Action = 'submit' | 'approve' | 'request-changes' | 'schedule' | 'unschedule';

/** A workflow move; `slot` (with schedule) lets publishing pick the channel queue's next free or best slot. */
export const move = (brand: string, id: string, action: Action, comment?: string, slot?: 'next' | 'best') =>
  api<Fits<Post, Answer<'publishing', '/brands/{brandId}/posts/{postId}/transitions', 'post'>>>(`${publishing(brand)}/posts/${id}/transitions`, { method: 'POST', body: { action, ...(comment ? { comment } : {}), ...(slot ? { slot } : {}) } satisfies Request<'publishing', '/brands/{brandId}/posts/{postId}/transitions', 'post'> });

export const loadQueue = (brand: string, channelId: string) =>
  api<Fits<{ slots: unknown[]; nextFreeSlot: string | null }, Answer<'publishing', '/brands/{brandId}/channels/{channelId}/queue'>>>(`${publishing(brand)}/channels/${channelId}/queue`);

export const comment = (brand: string, id: string, text: string) =>
  api<Answer<'publishing', '/brands/{brandId}/posts/{postId}/comments', 'post'>>(`${publishing(brand)}/posts/${id}/comments`, { method: 'POST', body: { text } satisfies Request<'publishing', '/brands/{brandId}/posts/{postId}/comments', 'post'> });

/** Reschedule: the same post at another instant. The server decides (an approved post goes back to review). */
export async function reschedule(brand: string, id: string, plannedAt: string): Promise<Post> {
  const post = await loadPost(brand, id);
  return editPost(brand, id, { ...requestOf(post), plannedAt });
}

export const bestSlots = (brand: string, zone: string) =>
  api<Fits<{ slots: BestSlot[] }, Answer<'analytics', '/brands/{brandId}/best-slots'>>>(`/api/analytics/brands/${encodeURIComponent(brand)}/best-slots?count=3&tz=${encodeURIComponent(zone)}`);
