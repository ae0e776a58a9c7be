import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { canModerate, type Me } from '../api/me';
import { useT } from '../i18n/i18n';
import { useBrandTime } from '../listening/MentionCard';
import { ProblemMessage } from '../ui/Problem';
import { CharterForm, Violations } from './RuleForm';
import {
  diffLines, dryRun, EMPTY_CHARTER, withContext, loadCharter, loadSavedReplies, loadVersions, pathKey, pretty, saveCharter,
  type Charter, type CharterVersion, type DryRunReport,
} from './model';
import './charter.css';

/**
 * The charter editor (issue 21, part 3): one draft edited as a form or as JSON, a dry run of the draft over the
 * last days of the inbox, save, the versions with what changed between two.
 */
export default function CharterEditor({ brand, me }: { brand: string; me: Me }) {
  const t = useT();
  const client = useQueryClient();
  const current = useQuery({ queryKey: ['charter', brand], queryFn: () => loadCharter(brand).catch((e) => {
    if (e instanceof ApiError && e.problem.status === 404) return null;
    throw e;
  }) });
  const replies = useQuery({ queryKey: ['saved-replies', brand], queryFn: () => loadSavedReplies(brand) });
  const [draft, setDraft] = useState<Charter | null>(null);
  const [text, setText] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [view, setView] = useState<'form' | 'json'>('form');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [report, setReport] = useState<DryRunReport | null>(null);
  const [days, setDays] = useState(7);
  const [busy, setBusy] = useState(false);
  const canEdit = canModerate(me);

  const edit = (next: Charter) => {
    setDraft(next);
    setText(pretty(next));
    setJsonError(null);
    setSaved(null);
  };
  useEffect(() => {
    if (draft === null && current.isSuccess) edit(current.data?.document ?? EMPTY_CHARTER);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current.isSuccess]);

  const editJson = (next: string) => {
    setText(next);
    setSaved(null);
    try {
      const parsed = JSON.parse(next);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(t('charter.json.notObject'));
      setDraft(parsed);
      setJsonError(null);
    } catch (e) {
      setJsonError(e instanceof Error ? e.message : String(e));
    }
  };

  const violations = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const v of error instanceof ApiError ? (error.problem.violations ?? []) : []) {
      const key = pathKey(v.field);
      map.set(key, [...(map.get(key) ?? []), v.message]);
    }
    return map;
  }, [error]);

  const run = async (what: 'dry-run' | 'save') => {
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      if (what === 'dry-run') {
        setReport(await dryRun(brand, draft, days));
      } else {
        const version = await saveCharter(brand, draft);
        setSaved(version.version);
        client.setQueryData(['charter', brand], version);
        await client.invalidateQueries({ queryKey: ['charter-versions', brand] });
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="charter-title" className="charter">
      <h1 id="charter-title">{t('charter.title', { brand })}</h1>
      <p className="hint">{current.data ? t('charter.current', { version: current.data.version, by: current.data.savedBy }) : current.isSuccess ? t('charter.none') : null}</p>
      {current.error != null && <ProblemMessage error={current.error} />}
      {draft && (
        <>
          <div className="action-row" role="group" aria-label={t('charter.views')}>
            <button type="button" aria-pressed={view === 'form'} disabled={jsonError !== null} onClick={() => setView('form')} data-testid="view-form">{t('charter.view.form')}</button>
            <button type="button" aria-pressed={view === 'json'} onClick={() => setView('json')} data-testid="view-json">{t('charter.view.json')}</button>
            {jsonError !== null && <span className="hint">{t('charter.json.fixFirst')}</span>}
          </div>
          <Violations.Provider value={violations}>
            {view === 'form' ? (
              <CharterForm charter={draft} onChange={edit} savedReplies={replies.data ?? []} />
            ) : (
              <div className="field">
                <label htmlFor="charter-json">{t('charter.view.json')}</label>
                <textarea id="charter-json" className="json charter-json" spellCheck={false} value={text} data-testid="charter-json"
                  aria-invalid={jsonError ? true : undefined} aria-describedby={jsonError ? 'charter-json-error' : undefined}
                  onChange={(e) => editJson(e.target.value)} />
                {jsonError && <p id="charter-json-error" className="field-error">{t('charter.json.invalid')} {jsonError}</p>}
              </div>
            )}
          </Violations.Provider>
          {violations.size > 0 && (
            <div role="alert" className="problem" data-testid="charter-violations">
              <p>{t('charter.violations')}</p>
              <ul>{[...(error as ApiError).problem.violations ?? []].map((v, i) => <li key={i}><code>{v.field}</code>: {v.message}</li>)}</ul>
            </div>
          )}
          {error != null && violations.size === 0 && <ProblemMessage error={error} />}
          <div className="action-row">
            <label htmlFor="dry-run-days">{t('charter.dryRun.days')}</label>
            <select id="dry-run-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {[1, 7, 14, 30, 90].map((d) => <option key={d} value={d}>{t('charter.days', { days: d })}</option>)}
            </select>
            <button type="button" disabled={busy || jsonError !== null} onClick={() => run('dry-run')} data-testid="dry-run">{t('charter.dryRun')}</button>
            {canEdit && <button type="button" disabled={busy || jsonError !== null} onClick={() => run('save')} data-testid="charter-save">{t('charter.save')}</button>}
          </div>
          {saved !== null && <p role="status" className="notice" data-testid="charter-saved">{t('charter.saved', { version: saved })}</p>}
          {report && <DryRun brand={brand} report={report} />}
        </>
      )}
      <Versions brand={brand} draft={draft} onEdit={edit} />
    </section>
  );
}

function DryRun({ brand, report }: { brand: string; report: DryRunReport }) {
  const t = useT();
  const time = useBrandTime(brand);
  return (
    <section aria-labelledby="dry-run-title" className="panel-box" data-testid="dry-run-report">
      <h2 id="dry-run-title" role="status">{t('charter.dryRun.summary', { evaluated: report.evaluated, matched: report.matched, days: report.days })}</h2>
      {report.truncated && <p className="hint">{t('charter.dryRun.truncated')}</p>}
      <p>{Object.entries(report.actions).map(([a, n]) => t('charter.dryRun.action', { action: a, count: n })).join(' · ') || t('charter.dryRun.noAction')}</p>
      <ul className="dry-rules">
        {report.rules.map((r) => {
          const examples = r.examples.slice(0, 5);
          return (
            <li key={r.ruleId} data-testid="dry-run-rule" data-rule={r.ruleId}>
              <h3>{r.name || r.ruleId} <span className="tag">{t('charter.dryRun.matches', { count: r.matches })}</span></h3>
              {Object.keys(r.actions).length > 0 && (
                <p className="hint">{Object.entries(r.actions).map(([a, n]) => t('charter.dryRun.action', { action: a, count: n })).join(' · ')}</p>
              )}
              {examples.length > 0 && (
                <ul>
                  {examples.map((i) => (
                    <li key={i.itemId} data-testid="dry-run-example">
                      <span className="author">{i.author ?? '—'}</span> <time dateTime={i.receivedAt}>{time(i.receivedAt)}</time>
                      <q className="mention-text">{i.excerpt}</q>
                      <span className="hint">{t('charter.dryRun.outcome', { status: i.currentStatus, actions: i.actions.join(', ') })}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Every saved version; any two compared (or the draft against one), line by line; a version taken back into the draft. */
function Versions({ brand, draft, onEdit }: { brand: string; draft: Charter | null; onEdit: (c: Charter) => void }) {
  const t = useT();
  const time = useBrandTime(brand);
  const versions = useQuery({ queryKey: ['charter-versions', brand], queryFn: () => loadVersions(brand) });
  const list = versions.data ?? [];
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('');
  const pick = (v: string): Charter | null | undefined => (v === 'draft' ? draft : list.find((x) => String(x.version) === v)?.document);
  // By default: the newest version against the one before it.
  const a = from || (list[1] ? String(list[1].version) : '');
  const b = to || (list[0] ? String(list[0].version) : '');
  const left = pick(a);
  const right = pick(b);
  const diff = left && right ? withContext(diffLines(pretty(left).split('\n'), pretty(right).split('\n'))) : [];
  const options = (
    <>
      <option value="draft">{t('charter.versions.draft')}</option>
      {list.map((v) => <option key={v.version} value={String(v.version)}>{t('charter.versions.one', { version: v.version })}</option>)}
    </>
  );
  return (
    <section aria-labelledby="versions-title" className="panel-box">
      <h2 id="versions-title">{t('charter.versions')}</h2>
      {versions.error != null && <ProblemMessage error={versions.error} />}
      {list.length === 0 && versions.isSuccess && <p className="hint">{t('charter.versions.none')}</p>}
      <ul className="versions" data-testid="versions">
        {list.map((v: CharterVersion) => (
          <li key={v.version}>
            {t('charter.versions.line', { version: v.version, by: v.savedBy, when: time(v.savedAt), rules: v.document.rules?.length ?? 0 })}{' '}
            <button type="button" onClick={() => onEdit(v.document)}>{t('charter.versions.edit', { version: v.version })}</button>
          </li>
        ))}
      </ul>
      {list.length > 0 && (
        <>
          <div className="action-row">
            <label htmlFor="diff-from">{t('charter.diff.from')}</label>
            <select id="diff-from" value={a} onChange={(e) => setFrom(e.target.value)} data-testid="diff-from">{!a && <option value="" />}{options}</select>
            <label htmlFor="diff-to">{t('charter.diff.to')}</label>
            <select id="diff-to" value={b} onChange={(e) => setTo(e.target.value)} data-testid="diff-to">{options}</select>
          </div>
          {left && right && (
            diff.every((d) => d.kind === 'same' || d.kind === 'skipped') ? <p className="hint">{t('charter.diff.same')}</p> : (
              <pre className="diff" data-testid="diff" aria-label={t('charter.diff.label')}>
                {diff.map((d, i) => (
                  d.kind === 'skipped' ? <span key={i} className="skipped">{t('charter.diff.skipped', { count: d.count })}{'\n'}</span>
                    : d.kind === 'same' ? <span key={i}>{`  ${d.text}\n`}</span>
                    : d.kind === 'added' ? <ins key={i}>{`+ ${d.text}\n`}</ins> : <del key={i}>{`- ${d.text}\n`}</del>
                ))}
              </pre>
            )
          )}
        </>
      )}
    </section>
  );
}
