// The page a client opens from an approval link, without an account: the link's posts, each network's text, and
// approve / request changes with a comment. Plain DOM (no framework: the page loads alone, quickly, on any
// phone), every outside text set as text, never as HTML; styles from approve.css only (strict CSP).
import './approve.css';
import type { Answer, Fits, Request } from '../api/schema';
import { approveMessages, NETWORKS, type ApproveKey } from './messages';
import {
  decisionOf, isWebAddress, languageOf, outcomeOf, stateOf, tokenOf,
  type ClientPost, type ClientView, type Decision, type Language, type PageState,
} from './model';

const STORAGE_KEY = 'tribu.language';
const root = document.getElementById('approve')!;
const token = tokenOf(window.location.hash);
let language: Language = languageOf(localStorage.getItem(STORAGE_KEY), navigator.language);
let state: PageState = token ? { kind: 'unavailable' } : { kind: 'no-token' };
/** What the client's last decision did, per post, read out by the post's live region. */
const notes = new Map<string, { text: string; problem: boolean }>();

function t(key: ApproveKey, values: Record<string, string | number> = {}): string {
  return approveMessages[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

type Child = Node | string | null | false;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

const when = (instant: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(instant));

/** What publishing answered: `Documented` is the page's type of the operation's answer, checked against its document. */
interface Answered<Documented> {
  status: number;
  body: Documented | null;
  retryAfter: string | null;
}

async function call<Documented>(path: string, body?: unknown): Promise<Answered<Documented>> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Accept: 'application/json', 'Accept-Language': language, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Documented) : null, retryAfter: response.headers.get('Retry-After') };
}

type Problem = { detail?: string; violations?: { field: string; message: string }[] };

async function load() {
  root.setAttribute('aria-busy', 'true');
  try {
    const answered = await call<Fits<ClientView, Answer<'publishing', '/approval-links/{token}'>> | Problem>(`/public/approval-links/${token}`);
    state = stateOf(answered.status, answered.body, answered.retryAfter);
  } catch {
    state = { kind: 'unavailable' };
  }
  render();
}

async function decide(post: ClientPost, action: Decision, comment: string) {
  const decision = decisionOf(action, comment);
  if ('missing' in decision) {
    notes.set(post.id, { text: t('commentMissing'), problem: true });
    render(`comment-${post.id}`);
    return;
  }
  let status = 0;
  let answer: Problem & Partial<ClientPost> = {};
  try {
    const answered = await call<Problem & Partial<Fits<ClientPost, Answer<'publishing', '/approval-links/{token}/posts/{postId}/decisions', 'post'>>>>(
      `/public/approval-links/${token}/posts/${post.id}/decisions`,
      decision.body satisfies Request<'publishing', '/approval-links/{token}/posts/{postId}/decisions', 'post'>);
    status = answered.status;
    answer = answered.body ?? {};
  } catch {
    status = 0;
  }
  const outcome = outcomeOf(status);
  if (outcome === 'gone' || outcome === 'not-found') {
    state = stateOf(status, null, null);
    render();
    return;
  }
  if (outcome === 'done' && state.kind === 'posts') {
    const posts = state.view.posts.map((p) => (p.id === post.id ? { ...p, ...answer } as ClientPost : p));
    state = { kind: 'posts', view: { ...state.view, posts } };
    notes.set(post.id, { text: t(action === 'approve' ? 'approved' : 'changesRequested', { title: post.title }), problem: false });
  } else if (outcome === 'already-decided') {
    notes.set(post.id, { text: t('alreadyDecided', { title: post.title }), problem: true });
  } else if (outcome === 'invalid') {
    const detail = answer.violations?.map((v) => `${v.field}: ${v.message}`).join('; ') ?? answer.detail ?? '';
    notes.set(post.id, { text: t('invalid', { detail }), problem: true });
  } else {
    notes.set(post.id, { text: t(outcome === 'busy' ? 'busy.textNoDelay' : 'unavailable.text'), problem: true });
  }
  render(`note-${post.id}`);
}

function postView(post: ClientPost): HTMLElement {
  const comment = el('textarea', { id: `comment-${post.id}`, 'data-testid': 'client-comment', rows: '3' }) as HTMLTextAreaElement;
  const note = notes.get(post.id);
  const noteNode = el('p', { id: `note-${post.id}`, role: 'status', tabindex: '-1', 'data-testid': 'client-note', class: note?.problem ? 'note problem' : 'note' }, note?.text ?? '');
  const approve = el('button', { type: 'button', 'data-testid': 'client-approve' }, t('approve'));
  const changes = el('button', { type: 'button', class: 'secondary', 'data-testid': 'client-request-changes' }, t('requestChanges'));
  approve.addEventListener('click', () => decide(post, 'approve', comment.value));
  changes.addEventListener('click', () => decide(post, 'request-changes', comment.value));
  const headingId = `post-${post.id}`;
  return el('article', { class: 'post', 'aria-labelledby': headingId, 'data-testid': 'client-post', 'data-post': post.id },
    el('h2', { id: headingId }, post.title),
    el('p', { class: 'meta' },
      el('span', { class: `status status-${post.status}`, 'data-testid': 'client-status' }, t(`status.${post.status}` as ApproveKey) || post.status),
      ' · ', post.plannedAt ? t('planned', { when: when(post.plannedAt) }) : t('unplanned')),
    el('section', { 'aria-label': t('variantsOf', { title: post.title }) },
      ...post.variants.map((variant) => el('div', { class: 'variant' },
        el('h3', {}, NETWORKS[variant.network] ?? variant.network),
        el('p', { class: 'text' }, variant.text),
        ...(variant.media ?? []).map((url) => el('p', { class: 'media' },
          isWebAddress(url) ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url) : url)),
      ))),
    post.awaitingDecision
      ? el('div', { class: 'decide' },
        el('label', { for: comment.id }, t('comment')), comment,
        el('div', { class: 'buttons' }, approve, changes))
      : el('p', { class: 'hint' }, t('noDecision')),
    noteNode);
}

function languageButton(): HTMLElement {
  const other: Language = language === 'fr' ? 'en' : 'fr';
  const button = el('button', { type: 'button', class: 'language', lang: other, 'aria-label': t('otherLanguageName'), 'data-testid': 'client-language' }, t('otherLanguage'));
  button.addEventListener('click', () => {
    language = other;
    localStorage.setItem(STORAGE_KEY, language);
    render();
  });
  return button;
}

function render(focus?: string) {
  document.documentElement.lang = language;
  document.title = `Tribu: ${t('title')}`;
  const header = el('header', {}, el('span', { class: 'brand' }, 'Tribu'), languageButton());
  let body: HTMLElement[];
  if (state.kind === 'posts') {
    const { view } = state;
    body = [
      el('h1', {}, t('title')),
      el('p', {}, t('intro', { brand: view.brandId })),
      el('p', { class: 'hint', 'data-testid': 'client-expires' }, t('expires', { when: when(view.expiresAt) })),
      ...(view.posts.length === 0 ? [el('p', {}, t('none'))] : view.posts.map(postView)),
    ];
  } else {
    const [title, text] = {
      'no-token': [t('notFound.title'), t('notFound.text')],
      'not-found': [t('notFound.title'), t('notFound.text')],
      gone: [t('gone.title'), t('gone.text')],
      busy: [t('busy.title'), state.kind === 'busy' && state.retryAfterSeconds !== null
        ? t('busy.text', { seconds: state.retryAfterSeconds }) : t('busy.textNoDelay')],
      unavailable: [t('unavailable.title'), t('unavailable.text')],
    }[state.kind];
    body = [el('h1', { 'data-testid': `client-${state.kind}` }, title), el('p', {}, text)];
  }
  root.replaceChildren(header, ...body);
  root.setAttribute('aria-busy', 'false');
  if (focus) document.getElementById(focus)?.focus();
}

if (token) void load();
else render();
