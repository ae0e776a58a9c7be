// A review's star rating (1 to 5, moderation's `rating`), and the inbox's rating filter (its `?rating=` values).

/** The rating as five stars, filled then empty: 3 → ★★★☆☆; none for anything that is not a review's 1 to 5. */
export function stars(rating: number | null | undefined): string | null {
  if (rating == null || !Number.isInteger(rating) || rating < 1 || rating > 5) return null;
  return '★'.repeat(rating) + '☆'.repeat(5 - rating);
}

/** The filter's choices, each a value of moderation's `rating` parameter: the unhappy ones together, then each count. */
export const RATING_CHOICES = ['1,2', '1', '2', '3', '4', '5', '4,5'] as const;
