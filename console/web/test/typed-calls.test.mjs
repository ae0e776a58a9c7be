// Issue 26: every call the page makes to a service is typed from that service's OpenAPI document. The type-check
// holds a typed call to its document (src/api/schema.ts); this test holds the page to making typed calls only: a
// request goes through one of the request helpers, and every call of a helper names the operation's `Answer<...>`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const SRC = new URL('../src/', import.meta.url).pathname;

/** The only places that may call fetch: the helpers every call goes through. */
const HELPERS = { 'api/client.ts': ['api', 'apiText'], 'approve/main.ts': ['call'] };
/** The console's own endpoints, not a service's: no document to type them from. */
const CONSOLE_OWN = [/^\s*'\/api\/me'/];

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** The text of the balanced `<...>` starting at `open`, or null. */
function typeArgument(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '<') depth++;
    else if (text[i] === '>' && text[i - 1] !== '=') {
      depth--;
      if (depth === 0) return { type: text.slice(open + 1, i), end: i + 1 };
    }
  }
  return null;
}

/** Every call of the helpers in one file's text: where, its type argument (or null) and what follows it. */
export function calls(text, helpers) {
  const found = [];
  const pattern = new RegExp(`(?<![\\w.])(${helpers.join('|')})\\s*(<|\\()`, 'g');
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    if (/(function|const|let)\s+$/.test(before)) continue; // the helper's own declaration
    const line = text.slice(0, match.index).split('\n').length;
    if (match[2] === '(') {
      found.push({ helper: match[1], line, index: match.index, type: null, rest: text.slice(match.index + match[0].length) });
      continue;
    }
    const argument = typeArgument(text, match.index + match[0].length - 1);
    if (!argument || text[argument.end] !== '(') continue; // a comparison, not a call
    found.push({ helper: match[1], line, index: match.index, type: argument.type, rest: text.slice(argument.end + 1) });
  }
  return found;
}

/** The findings of one file: fetch outside the helpers, and helper calls that do not name their operation. */
export function untyped(file, text) {
  const findings = [];
  if (file === 'api/client.ts') return findings; // the helpers themselves
  if (!(file in HELPERS) && /(?<![\w.])(fetch|XMLHttpRequest|EventSource)\s*\(/.test(text)) {
    findings.push(`${file}: requests the network itself (fetch, XMLHttpRequest, EventSource): use a helper of src/api/client.ts`);
  }
  for (const call of calls(text, helpersOf(file))) {
    if (CONSOLE_OWN.some((path) => path.test(call.rest))) continue;
    if (!typedCall(call, text)) {
      findings.push(`${file}:${call.line}: ${call.helper}${call.type ? `<${call.type}>` : ''}(...) does not name its operation's Answer<...>`);
    }
  }
  return findings;
}

/**
 * Whether a call names its operation: its type argument is (or fits) an `Answer<...>`, or is a type parameter that a
 * parameter of the same declaration ties to the document (analytics' `measure: Measure<T>`, a path whose answer fits T).
 */
function typedCall(call, text) {
  if (!call.type) return false;
  if (call.type.includes('Answer<')) return true;
  const before = text.slice(0, call.index);
  const declaration = before.slice(before.lastIndexOf(';') + 1);
  return /^\w+$/.test(call.type) && declaration.includes(`Measure<${call.type}>`);
}

/** The request helpers a file may call: the console's, or the client's page's own (it shares nothing with the console). */
const helpersOf = (file) => (file.startsWith('approve/') ? HELPERS['approve/main.ts'] : HELPERS['api/client.ts']);

test('every call of the page to a service is typed from the service document', () => {
  const findings = [];
  let typed = 0;
  for (const path of sources(SRC)) {
    const file = relative(SRC, path);
    const text = readFileSync(path, 'utf8');
    findings.push(...untyped(file, text));
    if (file !== 'api/client.ts') {
      typed += calls(text, helpersOf(file)).filter((c) => typedCall(c, text)).length;
    }
  }
  assert.deepEqual(findings, []);
  console.log(`typed-calls: ${typed} of ${typed} service call sites typed from the documents`);
  assert.ok(typed >= 70, `only ${typed} typed call sites found: is the scan still finding the calls?`);
});

test('the check finds an untyped call, a raw fetch and a typed one', () => {
  const text = [
    "export const a = (b: string) => api<Source[]>(`/api/listening/brands/${b}/sources`);",
    "export const c = () => api('/api/moderation/x');",
    "export const d = (b: string) => api<Fits<X, Answer<'listening', '/brands/{brandId}/sources'>>>(`/x/${b}`);",
    "export const e = () => api<Me>('/api/me');",
    "const f = () => fetch('/api/analytics/x');",
  ].join('\n');
  assert.deepEqual(untyped('listening/api.ts', text + "\nexport const g = <T,>(m: Measure<T>) => api<T>(m);\nexport const h = <T,>(m: string) => api<T>(m);"), [
    'listening/api.ts: requests the network itself (fetch, XMLHttpRequest, EventSource): use a helper of src/api/client.ts',
    'listening/api.ts:1: api<Source[]>(...) does not name its operation\'s Answer<...>',
    'listening/api.ts:2: api(...) does not name its operation\'s Answer<...>',
    'listening/api.ts:7: api<T>(...) does not name its operation\'s Answer<...>',
  ]);
});
