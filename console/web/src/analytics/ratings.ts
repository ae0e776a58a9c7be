// The rating curve: each location's average stars to date, bucket by bucket, in the rows a line chart draws.
import type { LocationRatings } from './api';

/** A location's short name: the last part of its resource name (accounts/1/locations/2 → 2). */
export function locationName(locationId: string): string {
  return locationId.split('/').filter(Boolean).pop() ?? locationId;
}

/**
 * One row per bucket start, with each location's average stars to date under its short name (null before its first
 * review: a gap, not a zero). The locations share the period, hence the buckets.
 */
export function ratingPoints(locations: LocationRatings[]): Record<string, string | number | null>[] {
  const rows = new Map<string, Record<string, string | number | null>>();
  for (const location of locations) {
    const name = locationName(location.locationId);
    for (const bucket of location.buckets) {
      const row = rows.get(bucket.start) ?? { start: bucket.start };
      row[name] = bucket.averageRatingToDate;
      rows.set(bucket.start, row);
    }
  }
  return [...rows.values()];
}
