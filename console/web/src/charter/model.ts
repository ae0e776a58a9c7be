// A brand's charter as moderation reads it (moderation-service README, "The charter"), and what the editor
// needs around it: paths of fields as moderation names them in its violations, and a line diff of versions.
import { api } from '../api/client';
import type { Answer, Fits } from '../api/schema';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Condition = { [kind: string]: Json };
export interface Action {
  action: string;
  savedReplyId?: string;
  visibility?: string;
  assignee?: string;
  tags?: string[];
}
export interface Rule {
  id: string;
  name?: string;
  priority?: number;
  stopAfterMatch?: boolean;
  enabled?: boolean;
  when: Condition;
  then: Action[];
}
export interface Charter {
  timezone?: string;
  topics?: string[];
  rules: Rule[];
}
export interface CharterVersion {
  brandId: string;
  version: number;
  document: Charter;
  savedBy: string;
  savedAt: string;
}
export interface DryRunReport {
  charterVersion: number | null;
  days: number;
  evaluated: number;
  truncated: boolean;
  matched: number;
  rules: { ruleId: string; name: string; matches: number; actions: Record<string, number>; examples: DryRunItem[] }[];
  actions: Record<string, number>;
  items: DryRunItem[];
}
export interface DryRunItem {
  itemId: string;
  receivedAt: string;
  author: string | null;
  excerpt: string;
  currentStatus: string;
  rules: string[];
  actions: string[];
}

export const LABELS = ['toxicity', 'insult', 'threat', 'identity_hate', 'spam', 'scam', 'personal_data', 'off_topic'];
export const ACTIONS = ['hide', 'delete', 'reply', 'assign', 'tag', 'escalate', 'approve'];
/** Conditions the form edits field by field; any other (a nested all/any) is edited as JSON in the form too. */
export const LEAVES = ['label', 'keywords', 'regex', 'sentiment', 'language', 'channel', 'kind', 'repeatOffender', 'timeOfDay'] as const;
export type Leaf = (typeof LEAVES)[number];

export const EMPTY_CHARTER: Charter = { timezone: 'Europe/Paris', topics: [], rules: [] };

export function newLeaf(kind: Leaf): Condition {
  switch (kind) {
    case 'label': return { label: { name: 'insult', minScore: 0.6 } };
    case 'regex': return { regex: '' };
    case 'repeatOffender': return { repeatOffender: { minPrevious: 2, withinDays: 30 } };
    case 'timeOfDay': return { timeOfDay: { from: '22:00', to: '07:00' } };
    default: return { [kind]: [] };
  }
}

/**
 * A field's path as a key: moderation names fields `rules[1].when.all[0].label.minScore` (or as a JSON pointer,
 * `/rules/1/when/all/0/label/minScore`); both become `rules/1/when/all/0/label/minScore`.
 */
export function pathKey(field: string): string {
  if (field.startsWith('/')) return field.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('/');
  return field.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean).join('/');
}

/** The lines of b against those of a: kept, removed (only in a), added (only in b); longest common subsequence. */
export function diffLines(a: string[], b: string[]): { kind: 'same' | 'removed' | 'added'; text: string }[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out: { kind: 'same' | 'removed' | 'added'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push({ kind: 'same', text: a[i] }); i++; j++; }
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: 'removed', text: a[i++] });
    else out.push({ kind: 'added', text: b[j++] });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++] });
  while (j < m) out.push({ kind: 'added', text: b[j++] });
  return out;
}

export const pretty = (charter: Charter | Json) => JSON.stringify(charter, null, 2);

const moderation = (brand: string) => `/api/moderation/brands/${encodeURIComponent(brand)}`;

export const loadCharter = (brand: string) =>
  api<Fits<CharterVersion, Answer<'moderation', '/brands/{brandId}/charter'>>>(`${moderation(brand)}/charter`);
export const loadVersions = (brand: string) =>
  api<Fits<CharterVersion[], Answer<'moderation', '/brands/{brandId}/charter/versions'>>>(`${moderation(brand)}/charter/versions`);
// The charter sent is the one being edited, as JSON too: it may break the schema on purpose (moderation answers with
// each violation at its field, which the editor shows), so the body is the page's looser Charter, not the document's.
export const saveCharter = (brand: string, charter: Charter) =>
  api<Fits<CharterVersion, Answer<'moderation', '/brands/{brandId}/charter', 'put'>>>(`${moderation(brand)}/charter`, { method: 'PUT', body: charter });
export const dryRun = (brand: string, charter: Charter, days: number) =>
  api<Fits<DryRunReport, Answer<'moderation', '/brands/{brandId}/charter/dry-run', 'post'>>>(`${moderation(brand)}/charter/dry-run?days=${days}`, {
    method: 'POST',
    body: charter,
  });
export const loadSavedReplies = (brand: string) =>
  api<Fits<{ id: string; name: string }[], Answer<'moderation', '/brands/{brandId}/saved-replies'>>>(`${moderation(brand)}/saved-replies`);

export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string } | { kind: 'skipped'; count: number };

/** Unchanged runs longer than twice the context folded into one `skipped` line, so that the changes stand out. */
export function withContext(lines: { kind: 'same' | 'removed' | 'added'; text: string }[], context = 3): DiffLine[] {
  const out: DiffLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].kind !== 'same') { out.push(lines[i++]); continue; }
    let j = i;
    while (j < lines.length && lines[j].kind === 'same') j++;
    const keepHead = i === 0 ? 0 : context;
    const keepTail = j === lines.length ? 0 : context;
    if (j - i > keepHead + keepTail + 1) {
      out.push(...lines.slice(i, i + keepHead), { kind: 'skipped', count: j - i - keepHead - keepTail }, ...lines.slice(j - keepTail, j));
    } else {
      out.push(...lines.slice(i, j));
    }
    i = j;
  }
  return out;
}
