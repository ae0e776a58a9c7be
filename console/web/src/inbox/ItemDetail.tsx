import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { ProblemMessage } from '../ui/Problem';
import type { InboxItem } from './types';

const STALE = 'https://tribu.io/problems/stale-version';

/**
 * One item: its text and author (from the outside world, so rendered as text, never as HTML), its
 * labels, and the hide and reply actions made against the version on screen.
 */
export function ItemDetail({ base, itemId, canAct, onChanged }: {
  base: string;
  itemId: string;
  canAct: boolean;
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const [item, setItem] = useState<InboxItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [replyText, setReplyText] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'private'>('public');
  const [busy, setBusy] = useState(false);

  const url = `${base}/${encodeURIComponent(itemId)}`;
  const reload = useCallback(() => api<InboxItem>(url).then(setItem).catch(setError), [url]);
  useEffect(() => {
    reload();
  }, [reload]);

  const decide = async (action: 'hide' | 'reply') => {
    if (!item) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    setStale(false);
    try {
      const body: Record<string, unknown> = { action, expectedVersion: item.version };
      if (action === 'reply') Object.assign(body, { replyText, visibility });
      await api(`${url}/decisions`, { method: 'POST', body });
      setNotice(t('inbox.done', { action: t(action === 'hide' ? 'inbox.hide' : 'inbox.reply') }));
      setReplyText('');
      await reload();
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.problem.status === 409 && e.problem.type === STALE) {
        setStale(true);
        await reload();
        onChanged();
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const submitReply = (event: FormEvent) => {
    event.preventDefault();
    if (replyText.trim()) decide('reply');
  };

  if (!item) return error != null ? <ProblemMessage error={error} /> : null;
  const labels = Object.entries(item.labels ?? {});

  return (
    <article aria-labelledby="item-author" data-testid="item-detail">
      <h2 id="item-author">{item.author ?? t('inbox.unknownAuthor')}</h2>
      <p className="meta">
        {item.source}
        {item.kind ? ` · ${item.kind}` : ''} · {new Date(item.publishedAt).toLocaleString(language)}
      </p>
      <blockquote className="body" data-testid="detail-text">
        {item.text}
      </blockquote>
      <dl>
        <dt>{t('inbox.status')}</dt>
        <dd data-testid="detail-status">{t(`status.${item.status}` as MessageKey)}</dd>
        {item.sentiment && (
          <>
            <dt>{t('inbox.sentiment')}</dt>
            <dd>{item.sentiment}</dd>
          </>
        )}
        <dt>{t('inbox.labels')}</dt>
        <dd>
          {labels.length === 0
            ? t('inbox.noLabels')
            : labels.map(([name, label]) => (
                <span className="label" key={name}>
                  {name} {Math.round(label.score * 100)} %
                </span>
              ))}
        </dd>
        {item.actions?.length > 0 && (
          <>
            <dt>{t('inbox.networkActions')}</dt>
            <dd>
              {item.actions.map((a, i) => (
                <span className="label" key={a.actionId ?? i}>
                  {a.action}: {a.outcome ?? 'requested'}
                  {a.reason ? ` (${a.reason})` : ''}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {item.url && /^https?:\/\//.test(item.url) && (
        <p>
          <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
            {t('inbox.open')}
          </a>
        </p>
      )}
      {stale && (
        <p role="alert" className="problem" data-testid="stale">
          {t('inbox.stale')}
        </p>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {error != null && <ProblemMessage error={error} />}
      {canAct ? (
        <section aria-label={t('inbox.actions')} className="actions">
          <button type="button" disabled={busy || item.status === 'hidden'} onClick={() => decide('hide')}>
            {t('inbox.hide')}
          </button>
          <form onSubmit={submitReply}>
            <label htmlFor="reply-text">{t('inbox.replyText')}</label>
            <textarea id="reply-text" value={replyText} maxLength={5000} onChange={(e) => setReplyText(e.target.value)} />
            <fieldset>
              <legend>{t('inbox.visibility')}</legend>
              <label>
                <input type="radio" name="visibility" checked={visibility === 'public'} onChange={() => setVisibility('public')} />{' '}
                {t('inbox.public')}
              </label>
              <label>
                <input type="radio" name="visibility" checked={visibility === 'private'} onChange={() => setVisibility('private')} />{' '}
                {t('inbox.private')}
              </label>
            </fieldset>
            <button type="submit" disabled={busy || !replyText.trim()}>
              {t('inbox.send')}
            </button>
          </form>
        </section>
      ) : (
        <p className="hint">{t('inbox.readOnly')}</p>
      )}
    </article>
  );
}
