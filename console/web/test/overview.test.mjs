// The agency overview's rows (src/overview/rows.ts): which brands, matched how, in which order.
import { buildSync } from 'esbuild';
import assert from 'node:assert/strict';
import { test } from 'node:test';

const bundle = buildSync({
  entryPoints: [new URL('../src/overview/rows.ts', import.meta.url).pathname],
  bundle: true, format: 'esm', write: false, platform: 'neutral',
});
const { composeRows, negativeSpike } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const inbox = (brandId, newItems, slaBreaches = 0) => ({ brandId, newItems, openItems: newItems, slaBreaches });
const posts = (brandId, awaitingApproval) => ({ brandId, awaitingApproval, oldestAwaitingSince: null, failedDeliveries: 0, lastFailedAt: null });
const anomaly = (kind, start, ongoing) => ({ kind, start, end: null, peak: null, mentions: 30, ongoing });
const analytics = (brandId, anomalies = [], name = null) =>
  ({ brandId, name, mentions: 10, previousMentions: 8, negativeShare: 0.1, alarm: anomalies.length > 0, anomalies });

test('one row per brand, the three summaries matched by brand id; the caller\'s brands even when a service fails', () => {
  const rows = composeRows(['a', 'b'], [inbox('a', 3)], undefined, [analytics('c')]);
  assert.deepEqual(rows.map((r) => r.brandId), ['a', 'b', 'c']);
  assert.equal(rows[0].inbox.newItems, 3);
  assert.equal(rows[1].inbox, undefined);
  assert.equal(rows[2].analytics.brandId, 'c');
});

test('those needing someone first: a negative spike, then SLA breaches, awaiting approval, new items, then by id', () => {
  const rows = composeRows([], [inbox('new', 9), inbox('sla', 0, 2), inbox('quiet', 0), inbox('spike', 0)],
    [posts('awaiting', 1)], [analytics('spike', [anomaly('negative-share', '2026-12-06T10:00:00Z', true)])]);
  assert.deepEqual(rows.map((r) => r.brandId), ['spike', 'sla', 'awaiting', 'new', 'quiet']);
});

test('a negative spike is an ongoing negative-share anomaly, the earliest if several; volume bursts and ended ones are not', () => {
  assert.equal(negativeSpike(analytics('x', [anomaly('volume', '2026-12-06T09:00:00Z', true)])), null);
  assert.equal(negativeSpike(analytics('x', [anomaly('negative-share', '2026-12-06T09:00:00Z', false)])), null);
  const spike = negativeSpike(analytics('x', [anomaly('negative-share', '2026-12-06T11:00:00Z', true), anomaly('negative-share', '2026-12-06T09:00:00Z', true)]));
  assert.equal(spike.start, '2026-12-06T09:00:00Z');
});

test('the search keeps brands whose id or analytics\' name holds it, whatever the case', () => {
  const rows = composeRows(['cafe-lumiere', 'velo-vert'], undefined, undefined, [analytics('velo-vert', [], 'Vélo Vert')]);
  assert.deepEqual(composeRows(['cafe-lumiere', 'velo-vert'], undefined, undefined, [analytics('velo-vert', [], 'Vélo Vert')], 'VÉLO').map((r) => r.brandId), ['velo-vert']);
  assert.deepEqual(composeRows(['cafe-lumiere', 'velo-vert'], undefined, undefined, undefined, 'lumi').map((r) => r.brandId), ['cafe-lumiere']);
  assert.equal(rows.length, 2);
});
