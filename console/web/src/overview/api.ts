// The agency overview's three sources, called in parallel through the console's forwarder: moderation's inbox
// summary, publishing's posts summary, analytics' overview. Each answers per brand of the caller's agency.
import { api } from '../api/client';
import type { Answer, Fits } from '../api/schema';

/** Moderation: what waits in each brand's inbox now. */
export interface InboxSummary {
  brandId: string;
  newItems: number;
  openItems: number;
  slaBreaches: number;
}

/** Publishing: posts awaiting approval and deliveries that failed in the last 24 hours. */
export interface PostsSummary {
  brandId: string;
  awaitingApproval: number;
  failedDeliveries: number;
}

/** An unusual stretch analytics found in a brand's hourly mentions: a volume burst or a negative share. */
export interface Anomaly {
  kind: 'volume' | 'negative-share';
  start: string;
  end: string | null;
  peak: string | null;
  mentions: number;
  ongoing: boolean;
}

/** Analytics: mentions of the last 24 hours (and the 24 before), the negative share, anomalies. */
export interface AnalyticsSummary {
  brandId: string;
  name: string | null;
  mentions: number;
  previousMentions: number;
  negativeShare: number | null;
  alarm: boolean;
  anomalies: Anomaly[];
}

type Rows<T> = { brands: T[] };

export const loadInboxSummary = () => api<Fits<Rows<InboxSummary>, Answer<'moderation', '/agency/inbox-summary'>>>('/api/moderation/agency/inbox-summary').then((r) => r.brands);
export const loadPostsSummary = () => api<Fits<Rows<PostsSummary>, Answer<'publishing', '/agency/posts-summary'>>>('/api/publishing/agency/posts-summary').then((r) => r.brands);
export const loadAnalyticsSummary = () => api<Fits<Rows<AnalyticsSummary>, Answer<'analytics', '/agency/overview'>>>('/api/analytics/agency/overview').then((r) => r.brands);
