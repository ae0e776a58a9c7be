// What the dashboard reads from analytics (through the console's forwarder), and the CSV link of each.
import { api } from '../api/client';
import type { BrandPathFitting } from '../api/schema';

export interface Period {
  from: string;
  to: string;
  zone: string;
}

export interface SentimentCounts {
  mentions: number;
  reach: number;
  positive: number;
  neutral: number;
  negative: number;
  unscored: number;
  net: number | null;
}
export interface SentimentSeries {
  total: SentimentCounts;
  buckets: { start: string; counts: SentimentCounts }[];
}
export interface Example {
  mentionId: string;
  publishedAt: string;
  sentiment: string;
  author: string | null;
  reach: number;
  url: string | null;
  text: string;
}
export interface CrisisEpisode {
  start: string;
  end: string;
  peak: string;
  peakMentions: number;
  expectedAtPeak: number;
  mentions: number;
}
export interface Crisis {
  episodes: CrisisEpisode[];
}
export interface Voice {
  party: string;
  name: string;
  mentions: number;
  share: number;
  positive: number;
  positiveShare: number;
  negative: number;
  negativeShare: number;
}
export interface Driver {
  term: string;
  z: number;
  negativeMentions: number;
  positiveMentions: number;
  examples: Example[];
}
export interface Drivers {
  negative: Driver[];
  positive: Driver[];
  insufficientData: { negativeMentions: number; positiveMentions: number; needed: number } | null;
}
export interface Author {
  author: string;
  mentions: number;
  positive: number;
  negative: number;
  reach: number;
}
export interface Authors {
  ambassadors: Author[];
  detractors: Author[];
  influencers: Author[];
}
export interface ResponseTimes {
  answered: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  averageSeconds: number | null;
  slaSeconds: number;
  withinSlaShare: number | null;
}
/** Response times per channel (the inbox's source); `channel` null: items decided before moderation named it. */
export interface ResponseTimesBreakdown {
  slaSeconds: number;
  slices: {
    channel: string | null;
    answered: number;
    medianSeconds: number | null;
    p90Seconds: number | null;
    averageSeconds: number | null;
    withinSlaShare: number | null;
  }[];
}
export interface RatingBucket {
  start: string;
  reviews: number;
  averageRating: number | null;
  averageRatingToDate: number | null;
}
export interface LocationRatings {
  locationId: string;
  reviews: number;
  averageRating: number | null;
  reviewsToDate: number;
  averageRatingToDate: number | null;
  buckets: RatingBucket[];
}
export interface ReviewRatings {
  locations: LocationRatings[];
}
export type Decisions = Record<string, number>;
export interface EngagementFigures {
  posts: number;
  likes: number;
  comments: number;
  shares: number;
  impressions: number | null;
  engagement: number;
  averageEngagement: number | null;
  engagementRate: number | null;
}
export interface Engagement {
  total: EngagementFigures;
}
export type EngagementBy = 'channel' | 'contentType' | 'tag';
export interface EngagementBreakdown {
  slices: { value: string; network?: string; figures: EngagementFigures }[];
}
export interface TopPost {
  variantId: string;
  network: string;
  contentType: string;
  tags: string[];
  url: string | null;
  publishedAt: string;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  engagement: number | null;
  engagementRate: number | null;
}
export interface BestTime {
  cells: { dayOfWeek: string; hour: number; posts: number; averageEngagement: number | null; score: number }[];
}

/** The path of one analytics measure of the brand over the period; `csv` for the link a browser follows. */
export function measurePath(brand: string, measure: string, period: Period, extra: Record<string, string> = {}, csv = false) {
  const query = new URLSearchParams({ from: period.from, to: period.to, ...extra });
  if (csv) query.set('format', 'csv');
  return `/api/analytics/brands/${encodeURIComponent(brand)}/${measure}?${query}`;
}

/** A measure ('sentiment', 'moderation/response-times', ...) whose answer, as analytics' document says, fits the page's T. */
export type Measure<T> = BrandPathFitting<'analytics', T>;

export const load = <T,>(brand: string, measure: Measure<T>, period: Period, extra: Record<string, string> = {}) =>
  api<T>(measurePath(brand, measure, period, extra));
