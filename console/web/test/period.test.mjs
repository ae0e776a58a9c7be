// The dashboard's periods: whole days of the brand's zone, whatever the machine's, across summer time.
import { buildSync } from 'esbuild';
import assert from 'node:assert/strict';
import { test } from 'node:test';

const bundle = buildSync({
  entryPoints: [new URL('../src/analytics/period.ts', import.meta.url).pathname],
  bundle: true, format: 'esm', write: false, platform: 'neutral',
});
const { periodOf, previousOf } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

test('the last days of the zone, today included, from midnight to midnight', () => {
  assert.deepEqual(periodOf('Europe/Paris', 7, '2026-12-06'),
    { from: '2026-11-29T23:00:00Z', to: '2026-12-06T23:00:00Z', zone: 'Europe/Paris' });
  assert.deepEqual(periodOf('America/New_York', 7, '2026-12-06'),
    { from: '2026-11-30T05:00:00Z', to: '2026-12-07T05:00:00Z', zone: 'America/New_York' });
});

test('90 days across the end of summer time start at a summer midnight', () => {
  assert.deepEqual(periodOf('Europe/Paris', 90, '2026-12-06'),
    { from: '2026-09-07T22:00:00Z', to: '2026-12-06T23:00:00Z', zone: 'Europe/Paris' });
});

test('the previous period has the same number of days and ends where the period starts', () => {
  const now = periodOf('Europe/Paris', 30, '2026-12-06');
  const before = previousOf('Europe/Paris', 30, '2026-12-06');
  assert.equal(before.to, now.from);
  assert.equal(before.from, '2026-10-07T22:00:00Z');
});
