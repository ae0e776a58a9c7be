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
