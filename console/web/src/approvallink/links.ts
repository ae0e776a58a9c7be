// Client approval links as the agency sees them; free of React so node's tests read it.

export interface ApprovalLink {
  id: string;
  brandId: string;
  postIds: string[];
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedBy: string | null;
  revokedAt: string | null;
  /** Only in the creation answer. */
  token: string | null;
  url: string | null;
}

export type LinkState = 'active' | 'expired' | 'revoked';

/** Revoked wins over expired: the one who revoked it is worth saying. */
export function stateOf(link: Pick<ApprovalLink, 'expiresAt' | 'revokedAt'>, now: number): LinkState {
  if (link.revokedAt) return 'revoked';
  return Date.parse(link.expiresAt) <= now ? 'expired' : 'active';
}

/** The page a client opens: the console's approval page with the token in its fragment (never sent to a server). */
export const clientUrlOf = (origin: string, token: string) => `${origin}/approve.html#${token}`;

/** Days a link may stay open: publishing takes 1 to 30. */
export const validDays = (value: string) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 30;

/** At most 50 posts in one link (publishing's limit). */
export const MAX_POSTS = 50;
