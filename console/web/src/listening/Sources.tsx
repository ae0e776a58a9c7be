import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { canModerate, type Me } from '../api/me';
import { useT } from '../i18n/i18n';
import { EmptyState } from '../ui/EmptyState';
import { ProblemMessage } from '../ui/Problem';
import { addSource, loadSources, pauseSource, removeSource, type Source, type SourceDraft } from './api';
import { useBrandTime } from './MentionCard';

/** Where listening hears the brand: each source with its state; add, pause or resume, remove. */
export function Sources({ brand, me }: { brand: string; me: Me }) {
  const t = useT();
  const time = useBrandTime(brand);
  const sources = useQuery({ queryKey: ['sources', brand], queryFn: () => loadSources(brand), refetchInterval: 15_000 });
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<Source | null>(null);
  const canEdit = canModerate(me);
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">{t('listening.sources')}</h2>
      {sources.error != null && <ProblemMessage error={sources.error} />}
      {canEdit && !adding && <button type="button" onClick={() => setAdding(true)} data-testid="source-new">{t('listening.source.new')}</button>}
      {adding && <SourceForm brand={brand} onDone={(source) => { setAdding(false); setCreated(source); }} />}
      {created?.webhookSecret && (
        <div className="notice" role="status" data-testid="webhook-secret">
          <p>{t('listening.source.webhookOnce')}</p>
          <p>{t('listening.source.webhookPath')} <code>{created.webhookPath}</code></p>
          <p>{t('listening.source.webhookSecret')} <code>{created.webhookSecret}</code></p>
        </div>
      )}
      {sources.data?.length === 0 && !adding && (
        <EmptyState title={t('listening.sources.empty.title')}><p>{t('listening.sources.empty.text')}</p></EmptyState>
      )}
      {sources.data && sources.data.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="sources">
            <caption className="sr-only">{t('listening.sources')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('listening.source.type')}</th>
                <th scope="col">{t('listening.source.where')}</th>
                <th scope="col">{t('listening.source.state')}</th>
                <th scope="col">{t('listening.source.lastFetch')}</th>
                <th scope="col">{t('listening.source.lastError')}</th>
                <th scope="col">{t('listening.source.nextPoll')}</th>
                {canEdit && <th scope="col">{t('listening.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {sources.data.map((s) => (
                <tr key={s.id} data-testid="source">
                  <th scope="row">{s.type}{s.ownedChannel && <> <span className="tag">{t('listening.source.owned')}</span></>}</th>
                  <td className="wrap">{s.url}{s.hashtag && <> #{s.hashtag}</>}{s.query && <>{t('listening.source.searching', { query: s.query })}</>}{s.webhookPath && <code>{s.webhookPath}</code>}{s.quotaUsed != null && <span className="hint"> {t('listening.source.quota', { used: s.quotaUsed, day: s.quotaDay ?? '' })}</span>}</td>
                  <td data-testid="source-state">{s.enabled ? t('listening.source.active') : t('listening.source.paused')}</td>
                  <td>{s.lastPolledAt ? <>{time(s.lastPolledAt)}{s.lastStatus && <span className="hint"> ({s.lastStatus})</span>}</> : t('listening.never')}</td>
                  <td className="wrap">{s.lastError ? <>{s.lastErrorAt && <>{time(s.lastErrorAt)}: </>}{s.lastError}</> : '—'}</td>
                  <td>{!s.enabled || !s.nextPollAt ? '—' : time(s.nextPollAt)}</td>
                  {canEdit && <td><SourceActions brand={brand} source={s} /></td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SourceActions({ brand, source }: { brand: string; source: Source }) {
  const t = useT();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await client.invalidateQueries({ queryKey: ['sources', brand] });
    } catch (e) {
      setError(e);
    }
  };
  const where = source.url ?? source.query ?? source.webhookPath ?? source.type;
  return (
    <div className="action-row">
      <button type="button" onClick={() => run(() => pauseSource(brand, source.id, source.enabled))}
        aria-label={t(source.enabled ? 'listening.source.pauseOne' : 'listening.source.resumeOne', { where })}>
        {source.enabled ? t('listening.source.pause') : t('listening.source.resume')}
      </button>
      {!confirming && <button type="button" className="danger" onClick={() => setConfirming(true)} aria-label={t('listening.source.removeOne', { where })}>{t('listening.remove')}</button>}
      {confirming && (
        <div role="alertdialog" aria-label={t('listening.source.remove.confirm')} className="confirm">
          <p>{t('listening.source.remove.confirm')}</p>
          <button type="button" className="danger" autoFocus onClick={() => run(() => removeSource(brand, source.id))}>{t('listening.remove.yes')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('listening.cancel')}</button>
        </div>
      )}
      {error != null && <ProblemMessage error={error} />}
    </div>
  );
}

function SourceForm({ brand, onDone }: { brand: string; onDone: (created: Source | null) => void }) {
  const t = useT();
  const client = useQueryClient();
  const [draft, setDraft] = useState<SourceDraft>({ type: 'rss', url: '', hashtag: '', query: '', apiKey: '', ownedChannel: false });
  const [pollInterval, setPollInterval] = useState('');
  const [error, setError] = useState<unknown>(null);
  const violations = error instanceof ApiError ? (error.problem.violations ?? []) : [];
  const violation = (field: string) => violations.find((v) => v.field === field || v.field.endsWith(`.${field}`))?.message;
  const polled = draft.type !== 'webhook';
  const youtube = draft.type === 'youtube';
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body: SourceDraft = { type: draft.type, ownedChannel: draft.ownedChannel };
    if (polled && !youtube) body.url = draft.url;
    if (youtube) {
      body.query = draft.query;
      body.apiKey = draft.apiKey;
    }
    if (draft.type === 'mastodon' || draft.type === 'bluesky') body.hashtag = draft.hashtag?.replace(/^#/, '');
    if (polled && pollInterval) body.pollIntervalSeconds = Number(pollInterval);
    try {
      const created = await addSource(brand, body);
      await client.invalidateQueries({ queryKey: ['sources', brand] });
      onDone(created);
    } catch (e) {
      setError(e);
    }
  };
  const field = (name: string) => ({
    'aria-invalid': violation(name) ? true : undefined,
    'aria-describedby': violation(name) ? `source-${name}-error` : undefined,
  });
  const fieldError = (name: string) => violation(name) && <p id={`source-${name}-error`} className="field-error">{violation(name)}</p>;
  return (
    <form onSubmit={save} className="panel" aria-labelledby="source-form-title" data-testid="source-form">
      <h3 id="source-form-title">{t('listening.source.new')}</h3>
      <label htmlFor="source-type">{t('listening.source.type')}</label>
      <select id="source-type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as Source['type'] })}>
        <option value="rss">{t('listening.source.type.rss')}</option>
        <option value="mastodon">{t('listening.source.type.mastodon')}</option>
        <option value="bluesky">{t('listening.source.type.bluesky')}</option>
        <option value="youtube">{t('listening.source.type.youtube')}</option>
        <option value="webhook">{t('listening.source.type.webhook')}</option>
      </select>
      {youtube && (
        <>
          <label htmlFor="source-query">{t('listening.source.query')}</label>
          <input id="source-query" required maxLength={500} value={draft.query} onChange={(e) => setDraft({ ...draft, query: e.target.value })} {...field('query')} />
          {fieldError('query')}
          <label htmlFor="source-api-key">{t('listening.source.apiKey')}</label>
          <input id="source-api-key" type="password" autoComplete="off" required maxLength={200} value={draft.apiKey} onChange={(e) => setDraft({ ...draft, apiKey: e.target.value })} {...field('apiKey')} />
          {fieldError('apiKey')}
        </>
      )}
      {polled && !youtube && (
        <>
          <label htmlFor="source-url">{t(draft.type === 'rss' ? 'listening.source.url.rss' : draft.type === 'mastodon' ? 'listening.source.url.mastodon' : 'listening.source.url.bluesky')}</label>
          <input id="source-url" type="url" required maxLength={2048} value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} {...field('url')} />
          {fieldError('url')}
        </>
      )}
      {(draft.type === 'mastodon' || draft.type === 'bluesky') && (
        <>
          <label htmlFor="source-hashtag">{t('listening.source.hashtag')}</label>
          <input id="source-hashtag" required maxLength={100} value={draft.hashtag} onChange={(e) => setDraft({ ...draft, hashtag: e.target.value })} {...field('hashtag')} />
          {fieldError('hashtag')}
        </>
      )}
      {polled && (
        <>
          <label htmlFor="source-interval">{t('listening.source.interval')}</label>
          <input id="source-interval" type="number" min={1} max={86400} value={pollInterval} onChange={(e) => setPollInterval(e.target.value)} {...field('pollIntervalSeconds')} />
          {fieldError('pollIntervalSeconds')}
        </>
      )}
      {!youtube && <label className="inline"><input type="checkbox" checked={draft.ownedChannel} onChange={(e) => setDraft({ ...draft, ownedChannel: e.target.checked })} /> {t('listening.source.ownedChannel')}</label>}
      {error != null && violations.length === 0 && <ProblemMessage error={error} />}
      <div className="action-row">
        <button type="submit">{t('listening.save')}</button>
        <button type="button" onClick={() => onDone(null)}>{t('listening.cancel')}</button>
      </div>
    </form>
  );
}
