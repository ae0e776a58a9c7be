// Publishing's shapes as the console reads them (publishing-service's OpenAPI: PostView, CalendarView...).
import type { Network } from './counting';

export type PostStatus = 'draft' | 'in-review' | 'approved' | 'scheduled' | 'publishing' | 'published' | 'failed';

export interface Variant {
  network: Network;
  text: string;
  media?: string[];
}

export interface Post {
  id: string;
  brandId: string;
  title: string;
  status: PostStatus;
  plannedAt: string | null;
  tags: string[];
  variants: Variant[];
  createdBy: string;
  createdAt: string;
  campaignId: string | null;
}

export interface Entry {
  id: string;
  title: string;
  status: PostStatus;
  plannedAt: string;
  localTime: string;
  /** Network names; publishing's document lists them as strings (its annotations cannot give an array's items an enum). */
  networks: string[];
  tags: string[];
  campaignId: string | null;
}

export interface Campaign {
  id: string;
  name: string;
  color: string;
  startDate: string;
  endDate: string;
}

export interface Marker {
  key: string;
  date: string;
  endDate: string;
  name: string;
}

export interface CalendarDay {
  date: string;
  posts: Entry[];
  markers: Marker[];
}

export interface CalendarView {
  brandId: string;
  timezone: string;
  from: string;
  to: string;
  campaigns: Campaign[];
  days: CalendarDay[];
}

export interface HistoryLine {
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  at: string;
}

export interface BestSlot {
  start: string;
  score: number;
  basis: string;
}

export interface Channel {
  id: string;
  /**
   * A YouTube channel is read for its comments (publishing comment/), a Google Business Profile location for its
   * reviews (publishing review/): never published to.
   */
  network: Network | 'youtube' | 'google_business';
  handle: string;
  baseUrl: string | null;
  hasCredentials: boolean;
  createdAt: string;
  updatedAt: string | null;
  /** Whether it still works (publishing's channel states); absent from an older publishing. */
  state?: 'connected' | 'expiring' | 'failing' | 'disconnected';
  tokenExpiresAt?: string | null;
  lastFailure?: { at: string; reason: string; postId: string | null; actionId: string | null } | null;
}

/** The body of a draft or an edit (publishing's PostRequest). */
export interface PostRequest {
  title: string;
  plannedAt: string | null;
  tags: string[];
  campaignId: string | null;
  variants: Variant[];
}

export const requestOf = (post: Post): PostRequest => ({
  title: post.title,
  plannedAt: post.plannedAt,
  tags: post.tags,
  campaignId: post.campaignId,
  variants: post.variants.map((v) => ({ network: v.network, text: v.text, media: v.media ?? [] })),
});
