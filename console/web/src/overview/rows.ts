// The agency overview's rows, composed from the three summaries (pure: tested by web/test/overview.test.mjs).
import type { AnalyticsSummary, InboxSummary, PostsSummary } from './api';

export interface Row {
  brandId: string;
  inbox?: InboxSummary;
  posts?: PostsSummary;
  analytics?: AnalyticsSummary;
}

/** A negative spike going on: analytics' ongoing negative-share anomaly, the earliest if several. */
export const negativeSpike = (summary: AnalyticsSummary) =>
  summary.anomalies.filter((a) => a.kind === 'negative-share' && a.ongoing).sort((a, b) => a.start.localeCompare(b.start))[0] ?? null;

/** Brands that need someone first: a negative spike, then SLA breaches, posts awaiting approval, new items; then by id. */
function attention(a: Row, b: Row): number {
  const keys = (r: Row) => [r.analytics && negativeSpike(r.analytics) ? 1 : 0, r.inbox?.slaBreaches ?? 0, r.posts?.awaitingApproval ?? 0, r.inbox?.newItems ?? 0];
  const [ka, kb] = [keys(a), keys(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
  return a.brandId.localeCompare(b.brandId);
}

/**
 * One row per brand: the caller's brands (listed even when a service does not answer) and every brand a summary
 * names, matched by brand id; those needing attention first. `search` keeps the brands whose id or name holds it.
 */
export function composeRows(myBrands: string[], inbox: InboxSummary[] | undefined, posts: PostsSummary[] | undefined,
  analytics: AnalyticsSummary[] | undefined, search = ''): Row[] {
  const rows = new Map<string, Row>();
  const row = (brandId: string) => {
    let found = rows.get(brandId);
    if (!found) rows.set(brandId, (found = { brandId }));
    return found;
  };
  for (const b of myBrands) row(b);
  for (const b of inbox ?? []) row(b.brandId).inbox = b;
  for (const b of posts ?? []) row(b.brandId).posts = b;
  for (const b of analytics ?? []) row(b.brandId).analytics = b;
  const needle = search.trim().toLowerCase();
  return [...rows.values()].filter((r) => `${r.brandId} ${r.analytics?.name ?? ''}`.toLowerCase().includes(needle)).sort(attention);
}
