import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { canModerate, type Me } from '../api/me';
import { useT } from '../i18n/i18n';
import { EmptyState } from '../ui/EmptyState';
import { ProblemMessage } from '../ui/Problem';
import {
  addQuery, checkQuery, loadQueries, previewQuery, removeQuery, replaceQuery,
  type ListeningQuery, type Preview, type QueryDraft, type SyntaxError,
} from './api';
import { MentionCard } from './MentionCard';
import { lineAndColumn, splitAtError, syntaxErrorOf, syntaxErrorOfCheck } from './syntax';

const EMPTY: QueryDraft = { name: '', query: '', subject: 'brand', competitor: null, enabled: true };

/** The brand's listening queries: list, editor with the syntax checked while one types, preview, save. */
export function Queries({ brand, me }: { brand: string; me: Me }) {
  const t = useT();
  const queries = useQuery({ queryKey: ['listening-queries', brand], queryFn: () => loadQueries(brand) });
  const [editing, setEditing] = useState<ListeningQuery | 'new' | null>(null);
  const canEdit = canModerate(me);
  return (
    <section aria-labelledby="queries-title">
      <h2 id="queries-title">{t('listening.queries')}</h2>
      <p className="hint">{t('listening.queries.hint')}</p>
      {queries.error != null && <ProblemMessage error={queries.error} />}
      {canEdit && editing === null && (
        <button type="button" onClick={() => setEditing('new')} data-testid="query-new">
          {t('listening.query.new')}
        </button>
      )}
      {editing !== null && (
        <QueryEditor key={editing === 'new' ? 'new' : editing.id} brand={brand} original={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      )}
      {queries.data?.length === 0 && editing === null && (
        <EmptyState title={t('listening.queries.empty.title')}>
          <p>{t('listening.queries.empty.text')}</p>
        </EmptyState>
      )}
      {queries.data && queries.data.length > 0 && (
        <ul className="cards" data-testid="queries">
          {queries.data.map((q) => (
            <QueryRow key={q.id} brand={brand} query={q} canEdit={canEdit && editing === null} onEdit={() => setEditing(q)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SubjectTag({ query }: { query: Pick<ListeningQuery, 'subject' | 'competitor'> }) {
  const t = useT();
  return (
    <span className={`tag subject-${query.subject}`}>
      {query.subject === 'brand' ? t('listening.subject.brand') : t('listening.subject.competitorNamed', { name: query.competitor ?? '' })}
    </span>
  );
}

function QueryRow({ brand, query, canEdit, onEdit }: { brand: string; query: ListeningQuery; canEdit: boolean; onEdit: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    try {
      await removeQuery(brand, query.id);
      await client.invalidateQueries({ queryKey: ['listening-queries', brand] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li data-testid="query">
      <h3>
        {query.name} <SubjectTag query={query} /> {!query.enabled && <span className="tag">{t('listening.query.disabled')}</span>}
      </h3>
      <code className="query-text">{query.query}</code>
      {error != null && <ProblemMessage error={error} />}
      <div className="action-row">
        <a href={`#listening/mentions/${query.id}`}>{t('listening.query.mentions')}</a>
        {canEdit && !confirming && (
          <>
            <button type="button" onClick={onEdit}>{t('listening.edit')}</button>
            <button type="button" className="danger" onClick={() => setConfirming(true)}>{t('listening.remove')}</button>
          </>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-label={t('listening.query.remove.confirm', { name: query.name })} className="confirm">
          <p>{t('listening.query.remove.confirm', { name: query.name })}</p>
          <button type="button" className="danger" autoFocus onClick={remove}>{t('listening.remove.yes')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('listening.cancel')}</button>
        </div>
      )}
    </li>
  );
}

type Check = { state: 'idle' | 'checking' | 'ok' } | { state: 'error'; error: SyntaxError } | { state: 'failed'; problem: unknown };

/** Asks listening whether the query reads, 300 ms after the last key; the answer of an older text is dropped. */
function useSyntaxCheck(brand: string, query: string): Check {
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
    if (!query.trim()) {
      setCheck({ state: 'idle' });
      return;
    }
    setCheck({ state: 'checking' });
    const timer = setTimeout(() => {
      checkQuery(brand, query)
        .then((answer) => {
          if (latest.current !== query) return;
          const error = syntaxErrorOfCheck(answer);
          setCheck(error ? { state: 'error', error } : { state: 'ok' });
        })
        .catch((e) => latest.current === query && setCheck({ state: 'failed', problem: e }));
    }, 300);
    return () => clearTimeout(timer);
  }, [brand, query]);
  return check;
}

function QueryEditor({ brand, original, onDone }: { brand: string; original: ListeningQuery | null; onDone: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [draft, setDraft] = useState<QueryDraft>(original
    ? { name: original.name, query: original.query, subject: original.subject, competitor: original.competitor, enabled: original.enabled }
    : EMPTY);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [days, setDays] = useState(7);
  const [preview, setPreview] = useState<{ query: string; result: Preview } | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const check = useSyntaxCheck(brand, draft.query);
  // The save's syntax error counts until the text changes; then the live check speaks.
  const savedSyntax = syntaxErrorOf(saveError);
  const syntax = check.state === 'error' ? check.error : savedSyntax;
  const violations = saveError instanceof ApiError ? (saveError.problem.violations ?? []) : [];
  const violation = (field: string) => violations.find((v) => v.field === field || v.field.endsWith(`.${field}`))?.message;

  const change = (next: Partial<QueryDraft>) => {
    setDraft({ ...draft, ...next });
    if (next.query !== undefined) setSaveError(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaveError(null);
    const body = { ...draft, competitor: draft.subject === 'competitor' ? draft.competitor : null };
    try {
      if (original) await replaceQuery(brand, original.id, body);
      else await addQuery(brand, body, idempotencyKey.current);
      await client.invalidateQueries({ queryKey: ['listening-queries', brand] });
      onDone();
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  const runPreview = async () => {
    setPreviewError(null);
    try {
      setPreview({ query: draft.query, result: await previewQuery(brand, draft.query, days) });
    } catch (e) {
      setPreview(null);
      setPreviewError(e);
    }
  };

  const where = syntax ? (syntax.line && syntax.column ? { line: syntax.line, column: syntax.column } : lineAndColumn(draft.query, syntax.position)) : null;
  const [before, marked, after] = syntax ? splitAtError(draft.query, syntax) : ['', '', ''];

  return (
    <form onSubmit={save} className="panel query-editor" aria-labelledby="query-form-title" data-testid="query-form">
      <h3 id="query-form-title">{original ? t('listening.query.editing', { name: original.name }) : t('listening.query.new')}</h3>
      <label htmlFor="query-name">{t('listening.query.name')}</label>
      <input id="query-name" required maxLength={200} value={draft.name} onChange={(e) => change({ name: e.target.value })}
        aria-invalid={violation('name') ? true : undefined} aria-describedby={violation('name') ? 'query-name-error' : undefined} />
      {violation('name') && <p id="query-name-error" className="field-error">{violation('name')}</p>}
      <fieldset className="inline">
        <legend>{t('listening.query.subject')}</legend>
        <label><input type="radio" name="subject" checked={draft.subject === 'brand'} onChange={() => change({ subject: 'brand' })} /> {t('listening.subject.brand')}</label>
        <label><input type="radio" name="subject" checked={draft.subject === 'competitor'} onChange={() => change({ subject: 'competitor' })} /> {t('listening.subject.competitor')}</label>
      </fieldset>
      {draft.subject === 'competitor' && (
        <>
          <label htmlFor="query-competitor">{t('listening.query.competitor')}</label>
          <input id="query-competitor" required maxLength={200} value={draft.competitor ?? ''} onChange={(e) => change({ competitor: e.target.value })}
            aria-invalid={violation('competitor') ? true : undefined} aria-describedby={violation('competitor') ? 'query-competitor-error' : undefined} />
          {violation('competitor') && <p id="query-competitor-error" className="field-error">{violation('competitor')}</p>}
        </>
      )}
      <label htmlFor="query-text">{t('listening.query.text')}</label>
      <textarea id="query-text" required maxLength={4000} spellCheck={false} value={draft.query} data-testid="query-text"
        onChange={(e) => change({ query: e.target.value })}
        aria-invalid={syntax ? true : undefined} aria-describedby="query-check" />
      <div id="query-check" aria-live="polite" data-testid="query-check">
        {check.state === 'checking' && <p className="hint">{t('listening.check.checking')}</p>}
        {check.state === 'ok' && !syntax && <p className="notice">{t('listening.check.ok')}</p>}
        {check.state === 'failed' && <ProblemMessage error={check.problem} />}
        {syntax && where && (
          <div className="syntax-error">
            <p className="field-error">
              {t('listening.check.at', { line: where.line, column: where.column })}{' '}
              {syntax.expected ? t('listening.check.expected', { expected: syntax.expected }) : syntax.message}
            </p>
            <pre className="query-echo" data-testid="query-echo">{before}<mark data-testid="syntax-mark">{marked}</mark>{after}</pre>
          </div>
        )}
      </div>
      <GrammarHelp />
      {violation('query') && !syntax && <p className="field-error">{violation('query')}</p>}
      <label className="inline"><input type="checkbox" checked={draft.enabled} onChange={(e) => change({ enabled: e.target.checked })} /> {t('listening.query.enabled')}</label>
      <div className="action-row">
        <label htmlFor="preview-days">{t('listening.preview.days')}</label>
        <select id="preview-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[1, 3, 7, 14, 30].map((d) => <option key={d} value={d}>{t('listening.days', { days: d })}</option>)}
        </select>
        <button type="button" onClick={runPreview} disabled={!draft.query.trim() || syntax != null} data-testid="query-preview">{t('listening.preview.run')}</button>
      </div>
      {previewError != null && syntaxErrorOf(previewError) === null && <ProblemMessage error={previewError} />}
      {preview && <PreviewResult brand={brand} preview={preview.result} stale={preview.query !== draft.query} />}
      {saveError != null && violations.length === 0 && !syntax && <ProblemMessage error={saveError} />}
      <div className="action-row">
        <button type="submit" disabled={busy} data-testid="query-save">{t('listening.save')}</button>
        <button type="button" onClick={onDone}>{t('listening.cancel')}</button>
      </div>
    </form>
  );
}

function PreviewResult({ brand, preview, stale }: { brand: string; preview: Preview; stale: boolean }) {
  const t = useT();
  return (
    <section aria-labelledby="preview-title" className="preview" data-testid="preview">
      <h4 id="preview-title" role="status">{t('listening.preview.count', { count: preview.count, days: preview.days })}</h4>
      {!preview.complete && <p className="hint">{t('listening.preview.partial', { scanned: preview.scanned })}</p>}
      {stale && <p className="hint">{t('listening.preview.stale')}</p>}
      {preview.items.length === 0 ? <p className="hint">{t('listening.preview.none')}</p> : (
        <ul className="mentions">
          {preview.items.map((m) => <MentionCard key={m.id} brand={brand} mention={m} />)}
        </ul>
      )}
    </section>
  );
}

const GRAMMAR: { syntax: string; key: 'and' | 'or' | 'not' | 'group' | 'phrase' | 'near' | 'wildcard' | 'tag' | 'lang' | 'source' | 'author'; example: string }[] = [
  { syntax: 'a b, a AND b', key: 'and', example: 'café lumière' },
  { syntax: 'a OR b', key: 'or', example: 'lumière OR lumiere' },
  { syntax: 'NOT a', key: 'not', example: 'café NOT décaféiné' },
  { syntax: '( … )', key: 'group', example: '(cafe OR café) AND lumière' },
  { syntax: '"…"', key: 'phrase', example: '"service client"' },
  { syntax: 'a NEAR/n b', key: 'near', example: 'livraison NEAR/5 (lent OR retard)' },
  { syntax: '* ?', key: 'wildcard', example: 'cosmét* colo?r' },
  { syntax: '#tag @handle', key: 'tag', example: '#CafeLumiere OR @cafelumiere' },
  { syntax: 'lang:xx', key: 'lang', example: 'lang:fr' },
  { syntax: 'source:xx', key: 'source', example: 'source:mastodon' },
  { syntax: 'author:x', key: 'author', example: 'author:"Jean Dupont"' },
];

/** The query language in short (listening's README has it whole), at hand next to the editor. */
function GrammarHelp() {
  const t = useT();
  return (
    <details className="grammar">
      <summary>{t('listening.grammar')}</summary>
      <table>
        <thead><tr><th scope="col">{t('listening.grammar.syntax')}</th><th scope="col">{t('listening.grammar.meaning')}</th><th scope="col">{t('listening.grammar.example')}</th></tr></thead>
        <tbody>
          {GRAMMAR.map((g) => (
            <tr key={g.key}><td><code>{g.syntax}</code></td><td>{t(`listening.grammar.${g.key}`)}</td><td><code>{g.example}</code></td></tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('listening.grammar.precedence')}</p>
    </details>
  );
}
