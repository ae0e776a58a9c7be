// Issue 28: a review's stars in the inbox, the rating filter's values, and the rating curve per location.
import { buildSync } from 'esbuild';
import assert from 'node:assert/strict';
import { test } from 'node:test';

async function load(path) {
  const bundle = buildSync({
    entryPoints: [new URL(path, import.meta.url).pathname], bundle: true, format: 'esm', write: false, platform: 'neutral',
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
}
const { stars, RATING_CHOICES } = await load('../src/inbox/stars.ts');
const { locationName, ratingPoints } = await load('../src/analytics/ratings.ts');

test('a review shows its stars, filled then empty; anything else shows none', () => {
  assert.equal(stars(1), '★☆☆☆☆');
  assert.equal(stars(4), '★★★★☆');
  assert.equal(stars(5), '★★★★★');
  for (const none of [null, undefined, 0, 6, 2.5]) assert.equal(stars(none), null, String(none));
});

test('every rating choice is a value moderation\'s ?rating= takes: star counts from 1 to 5, comma-separated', () => {
  for (const choice of RATING_CHOICES) {
    assert.match(choice, /^[1-5](,[1-5])*$/, choice);
  }
  assert.ok(RATING_CHOICES.includes('1,2'), 'the unhappy reviews together');
});

test('the curve: one row per bucket, each location\'s stars to date under its short name, gaps as null', () => {
  const buckets = (values) => values.map((v, i) => ({
    start: `2026-11-0${i + 2}T00:00:00+01:00`, reviews: v == null ? 0 : 1, averageRating: v, averageRatingToDate: v,
  }));
  const locations = [
    { locationId: 'accounts/1/locations/1111', reviews: 2, averageRating: 3, reviewsToDate: 3, averageRatingToDate: 3.5, buckets: buckets([4, 3.5, 3.5]) },
    { locationId: 'accounts/1/locations/2222', reviews: 1, averageRating: 5, reviewsToDate: 1, averageRatingToDate: 5, buckets: buckets([null, null, 5]) },
  ];
  assert.equal(locationName('accounts/1/locations/2222'), '2222');
  assert.deepEqual(ratingPoints(locations), [
    { start: '2026-11-02T00:00:00+01:00', 1111: 4, 2222: null },
    { start: '2026-11-03T00:00:00+01:00', 1111: 3.5, 2222: null },
    { start: '2026-11-04T00:00:00+01:00', 1111: 3.5, 2222: 5 },
  ]);
  assert.deepEqual(ratingPoints([]), []);
});
