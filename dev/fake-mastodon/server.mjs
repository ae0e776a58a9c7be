// A small Mastodon instance for the local demo: the part of Mastodon's REST API that Tribu's
// publishing-service calls (statuses, replies, mutes, media, search, engagement counts), the calls
// the demo data makes as the brand's fans, and the public pages a published post links to.
// Node 20, no dependencies. Data lives in memory and in one JSON file ($FAKE_MASTODON_STATE), so a
// post's link still opens after ./tribu down && ./tribu up. Started by ./tribu up (dev/lib/fake-network.sh).
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const PORT = Number(process.env.FAKE_MASTODON_PORT ?? 8090);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const STATE = process.env.FAKE_MASTODON_STATE ?? './fake-mastodon.json';
const MAX_CHARS = 500;

// Accounts of this instance and their access tokens (Mastodon issues them by OAuth; here they are fixed).
const ACCOUNTS = [
  { id: '110000000000000001', username: 'cafelumiere', display_name: 'Café Lumière', followers_count: 1840, token: 'demo-cafelumiere-token' },
  { id: '110000000000000002', username: 'julien', display_name: 'Julien', followers_count: 212, token: 'demo-julien-token' },
  { id: '110000000000000003', username: 'sam', display_name: 'Sam', followers_count: 95, token: 'demo-sam-token' },
  { id: '110000000000000004', username: 'nadia', display_name: 'Nadia', followers_count: 530, token: 'demo-nadia-token' },
  { id: '110000000000000005', username: 'grincheux', display_name: 'Grincheux', followers_count: 12, token: 'demo-grincheux-token' },
];
const byToken = new Map(ACCOUNTS.map((a) => [a.token, a]));

// statuses: id -> status (account by id); keys: "accountId key" -> status id (Mastodon keeps them an
// hour; this instance as long as its data, so the demo data can be posted again without duplicates);
// mutes: "muterId mutedId"; media: id -> attachment.
let state = { lastId: 0n, statuses: {}, keys: {}, mutes: [], media: {} };
try {
  const saved = JSON.parse(readFileSync(STATE, 'utf8'));
  state = { ...state, ...saved, lastId: BigInt(saved.lastId ?? 0) };
} catch (e) {
  if (e.code !== 'ENOENT') throw e;
}
function save() {
  mkdirSync(dirname(STATE), { recursive: true });
  writeFileSync(`${STATE}.tmp`, JSON.stringify({ ...state, lastId: state.lastId.toString() }));
  renameSync(`${STATE}.tmp`, STATE);
}

// Snowflake-like ids, as Mastodon's: milliseconds shifted left 16 bits, always increasing.
function nextId() {
  const id = BigInt(Date.now()) << 16n;
  state.lastId = id > state.lastId ? id : state.lastId + 1n;
  return state.lastId.toString();
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const accountView = (a) => ({
  id: a.id, username: a.username, acct: a.username, display_name: a.display_name,
  url: `${ORIGIN}/@${a.username}`, followers_count: a.followers_count, following_count: 0, bot: false,
});
const account = (id) => ACCOUNTS.find((a) => a.id === id);
const muted = (muter, target) => state.mutes.includes(`${muter} ${target}`);

function statusView(s) {
  const replies = Object.values(state.statuses).filter((r) => r.in_reply_to_id === s.id).length;
  return {
    id: s.id, created_at: s.created_at, in_reply_to_id: s.in_reply_to_id, in_reply_to_account_id: s.in_reply_to_account_id,
    sensitive: false, spoiler_text: '', visibility: s.visibility, language: null,
    uri: `${ORIGIN}/users/${account(s.account_id).username}/statuses/${s.id}`,
    url: `${ORIGIN}/@${account(s.account_id).username}/${s.id}`,
    replies_count: replies, reblogs_count: 0, favourites_count: s.favourited_by.length, edited_at: null,
    content: `<p>${escape(s.text)}</p>`, reblog: null, account: accountView(account(s.account_id)),
    media_attachments: s.media_ids.map((id) => state.media[id]), mentions: [], tags: [], emojis: [], poll: null,
  };
}

// Direct statuses are seen by their author and the account they answer, as on Mastodon.
const visibleTo = (s, viewer) => s.visibility !== 'direct'
  || (viewer && (viewer.id === s.account_id || viewer.id === s.in_reply_to_account_id));

function answer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
const error = (res, status, message) => answer(res, status, { error: message });

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > 20 * 1024 * 1024) { reject(new Error('too large')); req.destroy(); } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// Statuses may come as JSON or as a form, like Mastodon accepts both.
function params(req, raw) {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return JSON.parse(raw.toString('utf8') || '{}');
  const form = new URLSearchParams(raw.toString('utf8'));
  const out = {};
  for (const [k, v] of form) {
    if (k.endsWith('[]')) (out[k.slice(0, -2)] ??= []).push(v); else out[k] = v;
  }
  return out;
}

// The one part named "file" of a multipart body: its content type and size.
function multipartFile(req, raw) {
  const boundary = /boundary="?([^";]+)"?/.exec(req.headers['content-type'] ?? '')?.[1];
  if (!boundary) return null;
  const parts = raw.toString('latin1').split(`--${boundary}`);
  for (const part of parts) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0 || !/name="file"/.test(part.slice(0, headerEnd))) continue;
    const type = /content-type:\s*([^\r\n]+)/i.exec(part.slice(0, headerEnd))?.[1]?.trim() ?? '';
    return { type, size: part.length - headerEnd - 6 };
  }
  return null;
}

function createStatus(res, viewer, body, key) {
  const slot = key && `${viewer.id} ${key}`;
  if (slot && state.keys[slot]) return answer(res, 200, statusView(state.statuses[state.keys[slot]]));
  const text = String(body.status ?? '');
  const mediaIds = (body.media_ids ?? []).map(String);
  if (!text.trim() && mediaIds.length === 0) return error(res, 422, "Validation failed: Text can't be blank");
  if ([...text].length > MAX_CHARS) return error(res, 422, `Validation failed: Text character limit of ${MAX_CHARS} exceeded`);
  if (mediaIds.length > 4) return error(res, 422, 'Validation failed: Media attachments too many');
  if (mediaIds.some((id) => !state.media[id])) return error(res, 422, 'Validation failed: Media attachments is invalid');
  const parent = body.in_reply_to_id ? state.statuses[body.in_reply_to_id] : null;
  if (body.in_reply_to_id && !parent) return error(res, 404, 'Record not found');
  const visibility = ['public', 'unlisted', 'private', 'direct'].includes(body.visibility) ? body.visibility : 'public';
  const id = nextId();
  state.statuses[id] = {
    id, account_id: viewer.id, text, visibility, created_at: new Date().toISOString(),
    in_reply_to_id: parent?.id ?? null, in_reply_to_account_id: parent?.account_id ?? null,
    media_ids: mediaIds, favourited_by: [],
  };
  if (slot) state.keys[slot] = id;
  save();
  return answer(res, 200, statusView(state.statuses[id]));
}

async function api(req, res, url) {
  const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  const viewer = auth ? byToken.get(auth[1]) : null;
  if (auth && !viewer) return error(res, 401, 'The access token is invalid');
  const path = url.pathname;
  const method = req.method;
  let m;

  if (method === 'GET' && path === '/api/v1/instance') {
    return answer(res, 200, { uri: `127.0.0.1:${PORT}`, title: 'Tribu demo Mastodon', version: '4.3.0 (compatible; Tribu demo)',
      description: 'A local fake of Mastodon for the Tribu demo', registrations: false });
  }
  if (method === 'GET' && (m = /^\/api\/v1\/statuses\/(\d+)$/.exec(path))) {
    const s = state.statuses[m[1]];
    return s && visibleTo(s, viewer) ? answer(res, 200, statusView(s)) : error(res, 404, 'Record not found');
  }
  if (method === 'GET' && (m = /^\/api\/v1\/statuses\/(\d+)\/context$/.exec(path))) {
    const s = state.statuses[m[1]];
    if (!s || !visibleTo(s, viewer)) return error(res, 404, 'Record not found');
    const ancestors = [];
    for (let p = state.statuses[s.in_reply_to_id]; p; p = state.statuses[p.in_reply_to_id]) ancestors.unshift(statusView(p));
    const descendants = Object.values(state.statuses).filter((r) => r.in_reply_to_id === s.id && visibleTo(r, viewer)).map(statusView);
    return answer(res, 200, { ancestors, descendants });
  }
  if (method === 'GET' && (m = /^\/api\/v1\/accounts\/(\d+)\/statuses$/.exec(path))) {
    if (!account(m[1])) return error(res, 404, 'Record not found');
    const list = Object.values(state.statuses).filter((s) => s.account_id === m[1] && visibleTo(s, viewer))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1)).slice(0, Number(url.searchParams.get('limit') ?? 20));
    return answer(res, 200, list.map(statusView));
  }
  if (method === 'GET' && path === '/api/v2/search') {
    // Finds a status by its URL or URI (resolve=true), as an instance does for a link it was given.
    const q = url.searchParams.get('q') ?? '';
    const statuses = Object.values(state.statuses).map(statusView)
      .filter((s) => (s.url === q || s.uri === q) && visibleTo(state.statuses[s.id], viewer));
    return answer(res, 200, { accounts: [], statuses: statuses.slice(0, 1), hashtags: [] });
  }
  if (!viewer) return error(res, 401, 'The access token is invalid');

  if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') return answer(res, 200, accountView(viewer));
  if (method === 'POST' && path === '/api/v1/statuses') {
    let body;
    try { body = params(req, await readBody(req)); } catch { return error(res, 400, 'Invalid request body'); }
    return createStatus(res, viewer, body, req.headers['idempotency-key']);
  }
  if (method === 'DELETE' && (m = /^\/api\/v1\/statuses\/(\d+)$/.exec(path))) {
    // Mastodon looks the status up among the caller's own: another account's answers 404.
    const s = state.statuses[m[1]];
    if (!s || s.account_id !== viewer.id) return error(res, 404, 'Record not found');
    const view = statusView(s);
    delete state.statuses[m[1]];
    save();
    return answer(res, 200, view);
  }
  if (method === 'POST' && (m = /^\/api\/v1\/statuses\/(\d+)\/(favourite|unfavourite)$/.exec(path))) {
    const s = state.statuses[m[1]];
    if (!s || !visibleTo(s, viewer)) return error(res, 404, 'Record not found');
    s.favourited_by = s.favourited_by.filter((id) => id !== viewer.id);
    if (m[2] === 'favourite') s.favourited_by.push(viewer.id);
    save();
    return answer(res, 200, statusView(s));
  }
  if (method === 'POST' && (m = /^\/api\/v1\/accounts\/(\d+)\/(mute|unmute)$/.exec(path))) {
    if (!account(m[1])) return error(res, 404, 'Record not found');
    const pair = `${viewer.id} ${m[1]}`;
    state.mutes = state.mutes.filter((p) => p !== pair);
    if (m[2] === 'mute') state.mutes.push(pair);
    save();
    return answer(res, 200, { id: m[1], following: false, muting: m[2] === 'mute', blocking: false });
  }
  if (method === 'POST' && path === '/api/v2/media') {
    const file = multipartFile(req, await readBody(req));
    if (!file || file.size <= 0) return error(res, 422, "Validation failed: File can't be blank");
    if (!/^(image|video)\//.test(file.type)) return error(res, 422, 'Validation failed: File content type is invalid');
    const id = nextId();
    state.media[id] = { id, type: file.type.startsWith('video/') ? 'video' : 'image', url: `${ORIGIN}/media/${id}`, description: null };
    save();
    return answer(res, 200, state.media[id]);
  }
  if (method === 'GET' && (m = /^\/api\/v1\/media\/(\d+)$/.exec(path))) {
    return state.media[m[1]] ? answer(res, 200, state.media[m[1]]) : error(res, 404, 'Record not found');
  }
  return error(res, 404, 'Not found');
}

// --- public pages: what a post's link opens in the browser -----------------------------------

function page(res, status, title, body) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" });
  res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}
article{border:1px solid #ddd;border-radius:8px;padding:.8rem 1rem;margin:.8rem 0}
.meta{color:#666;font-size:.85rem}.note{color:#a33;font-size:.85rem}a{color:#563acc}</style></head>
<body><p class="meta"><a href="/">Tribu demo Mastodon</a> · a local fake instance</p>${body}</body></html>`);
}

function card(s) {
  const a = account(s.account_id);
  const mutedBy = ACCOUNTS.filter((o) => muted(o.id, a.id)).map((o) => `@${escape(o.username)}`);
  return `<article><p class="meta"><a href="/@${escape(a.username)}">${escape(a.display_name)} @${escape(a.username)}</a>
 · <a href="/@${escape(a.username)}/${s.id}">${escape(s.created_at)}</a>${s.in_reply_to_id ? ` · in reply to <a href="/@${escape(account(s.in_reply_to_account_id).username)}/${s.in_reply_to_id}">a post</a>` : ''}</p>
<p>${escape(s.text)}</p><p class="meta">${s.favourited_by.length} ★</p>${mutedBy.length ? `<p class="note">muted by ${mutedBy.join(', ')}</p>` : ''}</article>`;
}

const newestFirst = (a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1);
const publicStatuses = () => Object.values(state.statuses).filter((s) => s.visibility === 'public').sort(newestFirst);

function pages(req, res, url) {
  const path = decodeURIComponent(url.pathname);
  let m;
  if (path === '/') return page(res, 200, 'Tribu demo Mastodon', `<h1>Latest posts</h1>${publicStatuses().slice(0, 50).map(card).join('') || '<p>Nothing yet.</p>'}`);
  if ((m = /^\/@([a-z0-9_]+)\/(\d+)$/.exec(path))) {
    const s = state.statuses[m[2]];
    if (!s || s.visibility === 'direct' || account(s.account_id).username !== m[1]) return page(res, 404, 'Not found', '<h1>This post is not here</h1>');
    const replies = Object.values(state.statuses).filter((r) => r.in_reply_to_id === s.id && r.visibility === 'public').sort(newestFirst);
    return page(res, 200, `@${m[1]}`, `${card(s)}<h2>Replies</h2>${replies.map(card).join('') || '<p>None yet.</p>'}`);
  }
  if ((m = /^\/@([a-z0-9_]+)$/.exec(path))) {
    const a = ACCOUNTS.find((o) => o.username === m[1]);
    if (!a) return page(res, 404, 'Not found', '<h1>No such account</h1>');
    return page(res, 200, `@${a.username}`, `<h1>${escape(a.display_name)} @${escape(a.username)}</h1>${publicStatuses().filter((s) => s.account_id === a.id).map(card).join('')}`);
  }
  return page(res, 404, 'Not found', '<h1>Not found</h1>');
}

const server = createServer(async (req, res) => {
  const started = Date.now();
  const url = new URL(req.url, ORIGIN);
  res.on('finish', () => console.log(`${new Date().toISOString()} ${req.method} ${url.pathname}${url.search} ${res.statusCode} ${Date.now() - started}ms`));
  try {
    if (url.pathname.startsWith('/api/')) await api(req, res, url);
    else if (req.method === 'GET') pages(req, res, url);
    else error(res, 405, 'Method not allowed');
  } catch (e) {
    console.error(e);
    if (!res.headersSent) error(res, 500, 'Internal error');
  }
});
server.listen(PORT, '127.0.0.1', () => console.log(`fake Mastodon on ${ORIGIN}, state in ${STATE}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
