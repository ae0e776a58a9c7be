// The page talks to the console only. The session is an HttpOnly cookie the page cannot read; the
// CSRF token comes from /api/me and goes back in a header on every state-changing call.

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  service?: string;
  currentVersion?: number;
  violations?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string) {
  csrfToken = token;
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'JavaScript' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-Tribu-Csrf'] = csrfToken;
  if (init.headers) Object.assign(headers, init.headers);
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 499) {
    // The session ended (or was never there): a full page load goes through the sign-in again.
    window.location.reload();
    throw new ApiError({ status: 401, title: 'Signed out' });
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError({ status: response.status, ...(json ?? {}) });
  }
  return json as T;
}

/**
 * A call whose body or answer is not JSON (publishing's CSV import and export): the body is sent as it is with its
 * type, the answer comes back as text; refusals are problem+json as everywhere (an ApiError). `Documented` names the
 * operation's answer (`Answer<...>`), so a call whose path or method leaves the document stops type-checking.
 */
export async function apiText<Documented>(
  path: string,
  init: { method?: string; body?: string; contentType?: string; accept?: string; headers?: Record<string, string> } = {},
): Promise<Text<Documented>> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: init.accept ?? '*/*', 'X-Requested-With': 'JavaScript' };
  if (init.body !== undefined) headers['Content-Type'] = init.contentType ?? 'text/plain';
  if (method !== 'GET' && csrfToken) headers['X-Tribu-Csrf'] = csrfToken;
  if (init.headers) Object.assign(headers, init.headers);
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: init.body });
  if (response.status === 499) {
    window.location.reload();
    throw new ApiError({ status: 401, title: 'Signed out' });
  }
  const text = await response.text();
  if (!response.ok) {
    let problem: Partial<Problem> = {};
    try {
      problem = text ? JSON.parse(text) : {};
    } catch {
      problem = { detail: text.slice(0, 200) };
    }
    throw new ApiError({ ...problem, status: response.status });
  }
  return text as Text<Documented>;
}

/** Text, whatever the operation answers: `Documented` is there for the type-check, which fails when it is `never`. */
type Text<Documented> = [Documented] extends [never] ? never : string;
