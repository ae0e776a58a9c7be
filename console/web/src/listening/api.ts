// Listening's API (queries, preview, sources, mentions, alerts) through the console's forwarder.
import { api } from '../api/client';
import type { Answer, Fits, Request } from '../api/schema';

const listening = (brand: string) => `/api/listening/brands/${encodeURIComponent(brand)}`;

export type Subject = 'brand' | 'competitor';

export interface ListeningQuery {
  id: string;
  name: string;
  query: string;
  subject: Subject;
  competitor: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface QueryDraft {
  name: string;
  query: string;
  subject: Subject;
  competitor: string | null;
  enabled: boolean;
}

/** Where a query's syntax goes wrong: 1-based character position, what was expected there. */
export interface SyntaxError {
  position: number;
  length: number;
  line: number | null;
  column: number | null;
  expected: string | null;
  message: string;
}

export interface Mention {
  id: string;
  source: string;
  kind: string;
  author: string | null;
  text: string;
  url: string | null;
  quotedUrl: string | null;
  language: string | null;
  publishedAt: string;
  sentiment: { label: string; score: number } | null;
  storyId: string | null;
  matchedQueryIds: string[];
}

export interface MentionPage {
  items: { mention: Mention; storySize: number }[];
  nextCursor: string | null;
}

export interface Preview {
  days: number;
  count: number;
  /** Mentions of the period read; when the period holds more than a preview reads, complete is false. */
  scanned: number;
  complete: boolean;
  items: Mention[];
}

export interface Source {
  id: string;
  type: 'rss' | 'mastodon' | 'bluesky' | 'youtube' | 'webhook';
  url: string | null;
  hashtag: string | null;
  pollIntervalSeconds: number | null;
  ownedChannel: boolean;
  /** false while paused */
  enabled: boolean;
  nextPollAt: string | null;
  lastPolledAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  webhookPath: string | null;
  webhookSecret?: string | null;
  /** youtube: the search terms */
  query?: string | null;
  /** youtube: the quota day (Pacific time) quotaUsed counts for, and the units spent on it */
  quotaDay?: string | null;
  quotaUsed?: number | null;
}

export interface SourceDraft {
  type: Source['type'];
  url?: string;
  hashtag?: string;
  /** youtube: the search terms and the API key (sent once, never shown again) */
  query?: string;
  apiKey?: string;
  pollIntervalSeconds?: number;
  ownedChannel: boolean;
}

export interface AlertRule {
  id: string;
  name: string;
  type: 'keyword' | 'negative-spike';
  keywords: string[];
  minMentions: number;
  factor: number;
  cooldownMinutes: number;
  webhookUrl: string | null;
  webhookSecret: string | null;
  enabled: boolean;
  createdAt: string;
  lastRaisedAt: string | null;
}

export interface AlertRuleDraft {
  name: string;
  type: AlertRule['type'];
  keywords?: string[];
  minMentions?: number;
  factor?: number;
  cooldownMinutes?: number;
  webhookUrl?: string;
}

export interface RaisedAlert {
  id: string;
  ruleId: string;
  type: string;
  raisedAt: string;
  summary: string;
  mentionId: string | null;
  observed: number | null;
  expected: number | null;
  webhookStatus: string;
  webhookAttempts: number;
  lastError: string | null;
  retractedAt: string | null;
  retractionReason: string | null;
}

const key = () => ({ 'Idempotency-Key': crypto.randomUUID() });

export const loadQueries = (brand: string) =>
  api<Fits<ListeningQuery[], Answer<'listening', '/brands/{brandId}/queries'>>>(`${listening(brand)}/queries`);
export const addQuery = (brand: string, draft: QueryDraft, idempotencyKey: string) =>
  api<Fits<ListeningQuery, Answer<'listening', '/brands/{brandId}/queries', 'post'>>>(`${listening(brand)}/queries`, {
    method: 'POST',
    body: draft satisfies Request<'listening', '/brands/{brandId}/queries', 'post'>,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
export const replaceQuery = (brand: string, id: string, draft: QueryDraft) =>
  api<Fits<ListeningQuery, Answer<'listening', '/brands/{brandId}/queries/{queryId}', 'put'>>>(`${listening(brand)}/queries/${id}`, {
    method: 'PUT',
    body: draft satisfies Request<'listening', '/brands/{brandId}/queries/{queryId}', 'put'>,
  });
export const removeQuery = (brand: string, id: string) =>
  api<Answer<'listening', '/brands/{brandId}/queries/{queryId}', 'delete'>>(`${listening(brand)}/queries/${id}`, { method: 'DELETE' });

export interface MentionFilters {
  q: string;
  query: string;
  sentiment: string;
  language: string;
  source: string;
  days: string;
  stories: boolean;
}

export function searchMentions(brand: string, f: MentionFilters, now: number, cursor: string | null) {
  const params = new URLSearchParams({ limit: '50' });
  if (f.q) params.set('q', f.q);
  if (f.query) params.set('query', f.query);
  if (f.sentiment) params.set('sentiment', f.sentiment);
  if (f.language) params.set('language', f.language);
  if (f.source) params.set('source', f.source);
  if (f.days) params.set('from', new Date(now - Number(f.days) * 86_400_000).toISOString());
  if (f.stories) params.set('stories', 'true');
  if (cursor) params.set('cursor', cursor);
  return api<Fits<MentionPage, Answer<'listening', '/brands/{brandId}/mentions/search'>>>(`${listening(brand)}/mentions/search?${params}`);
}

export const loadSources = (brand: string) =>
  api<Fits<Source[], Answer<'listening', '/brands/{brandId}/sources'>>>(`${listening(brand)}/sources`);
export const addSource = (brand: string, draft: SourceDraft) =>
  api<Fits<Source, Answer<'listening', '/brands/{brandId}/sources', 'post'>>>(`${listening(brand)}/sources`, {
    method: 'POST',
    body: draft satisfies Request<'listening', '/brands/{brandId}/sources', 'post'>,
    headers: key(),
  });
export const removeSource = (brand: string, id: string) =>
  api<Answer<'listening', '/brands/{brandId}/sources/{sourceId}', 'delete'>>(`${listening(brand)}/sources/${id}`, { method: 'DELETE' });

export const loadAlertRules = (brand: string) =>
  api<Fits<AlertRule[], Answer<'listening', '/brands/{brandId}/alerts'>>>(`${listening(brand)}/alerts`);
export const addAlertRule = (brand: string, draft: AlertRuleDraft) =>
  api<Fits<AlertRule, Answer<'listening', '/brands/{brandId}/alerts', 'post'>>>(`${listening(brand)}/alerts`, {
    method: 'POST',
    body: draft satisfies Request<'listening', '/brands/{brandId}/alerts', 'post'>,
    headers: key(),
  });
export const removeAlertRule = (brand: string, id: string) =>
  api<Answer<'listening', '/brands/{brandId}/alerts/{ruleId}', 'delete'>>(`${listening(brand)}/alerts/${id}`, { method: 'DELETE' });
/** The alerts one rule raised, newest first. */
export const loadRuleHistory = (brand: string, ruleId: string) =>
  api<Fits<RaisedAlert[], Answer<'listening', '/brands/{brandId}/alerts/raised'>>>(`${listening(brand)}/alerts/raised?ruleId=${ruleId}&limit=50`);

/** http(s) links only: a mention's URL comes from the outside world. */
export const safeUrl = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : null);

/** Checks a query without saving it: listening answers whether it reads and, if not, where it breaks. */
export const checkQuery = (brand: string, query: string) =>
  api<Fits<{ valid: boolean; error?: Record<string, unknown> }, Answer<'listening', '/brands/{brandId}/queries/validate', 'post'>>>(
    `${listening(brand)}/queries/validate`,
    { method: 'POST', body: { query } satisfies Request<'listening', '/brands/{brandId}/queries/validate', 'post'> },
  );

/** What an unsaved query would have matched over the last `days` days: a count and the first matches. */
export const previewQuery = (brand: string, query: string, days: number) =>
  api<Fits<Preview, Answer<'listening', '/brands/{brandId}/mentions/preview', 'post'>>>(`${listening(brand)}/mentions/preview`, {
    method: 'POST',
    body: { query, days, limit: 20 } satisfies Request<'listening', '/brands/{brandId}/mentions/preview', 'post'>,
  });

/** Pauses a source (nothing is fetched, its cursor kept) or resumes it. */
export const pauseSource = (brand: string, id: string, paused: boolean) =>
  paused
    ? api<Fits<Source, Answer<'listening', '/brands/{brandId}/sources/{sourceId}/pause', 'post'>>>(`${listening(brand)}/sources/${id}/pause`, { method: 'POST' })
    : api<Fits<Source, Answer<'listening', '/brands/{brandId}/sources/{sourceId}/resume', 'post'>>>(`${listening(brand)}/sources/${id}/resume`, { method: 'POST' });
