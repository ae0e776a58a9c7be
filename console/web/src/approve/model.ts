// The client's approval page (approve.html, no account): what it decides from publishing's answers, kept free of the
// DOM so node's tests read it. The link's token travels in the page's fragment (#<token>): a browser never sends a
// fragment to a server, so it stays out of access logs and Referer headers; the page sends it to the console's
// /public/approval-links/<token>, which forwards it to publishing without any user's token.

export type Language = 'en' | 'fr';
export type Decision = 'approve' | 'request-changes';

export interface ClientVariant {
  network: string;
  text: string;
  media?: string[];
}

export interface ClientPost {
  id: string;
  title: string;
  status: string;
  plannedAt: string | null;
  variants: ClientVariant[];
  awaitingDecision: boolean;
}

export interface ClientView {
  brandId: string;
  expiresAt: string;
  posts: ClientPost[];
}

/** What the page shows for an answer: the posts, or why there are none. */
export type PageState =
  | { kind: 'posts'; view: ClientView }
  | { kind: 'no-token' }
  | { kind: 'not-found' }
  | { kind: 'gone' }
  | { kind: 'busy'; retryAfterSeconds: number | null }
  | { kind: 'unavailable' };

/** The token of the page's fragment, or null when it cannot be one (publishing's three base64url parts). */
export function tokenOf(hash: string): string | null {
  const token = decodeURIComponent(hash.replace(/^#/, '').trim());
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token) ? token : null;
}

/** The console's address of a link: the page with the token in its fragment. */
export const pageUrlOf = (origin: string, token: string) => `${origin}/approve.html#${token}`;

/** Publishing's answer to reading the link, as a state of the page. */
export function stateOf(status: number, body: unknown, retryAfter: string | null): PageState {
  if (status === 200 && body && typeof body === 'object' && Array.isArray((body as ClientView).posts)) {
    return { kind: 'posts', view: body as ClientView };
  }
  if (status === 404) return { kind: 'not-found' };
  // Expired or revoked: only the holder of a genuine link learns it (publishing's link-gone).
  if (status === 410) return { kind: 'gone' };
  if (status === 429) {
    const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
    return { kind: 'busy', retryAfterSeconds: seconds };
  }
  return { kind: 'unavailable' };
}

/** The body of a decision, or the reason it cannot be sent (a change request needs a comment). */
export function decisionOf(action: Decision, comment: string): { body: { action: Decision; comment?: string } } | { missing: 'comment' } {
  const text = comment.trim();
  if (action === 'request-changes' && text === '') return { missing: 'comment' };
  return { body: text === '' ? { action } : { action, comment: text } };
}

/** What became of a decision the client sent, from publishing's answer. */
export type DecisionOutcome = 'done' | 'already-decided' | 'gone' | 'not-found' | 'invalid' | 'busy' | 'unavailable';

export function outcomeOf(status: number): DecisionOutcome {
  if (status === 200) return 'done';
  if (status === 409) return 'already-decided';
  if (status === 410) return 'gone';
  if (status === 404) return 'not-found';
  if (status === 400) return 'invalid';
  if (status === 429) return 'busy';
  return 'unavailable';
}

/** French for any fr-* browser unless the client chose; English otherwise. */
export function languageOf(saved: string | null, browser: string): Language {
  if (saved === 'fr' || saved === 'en') return saved;
  return browser.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Media links are opened only when they are web addresses (publishing accepts https only; never a javascript: URL). */
export const isWebAddress = (url: string) => /^https?:\/\//i.test(url);
