import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type MutableRefObject } from 'react';
import { api, ApiError } from '../api/client';
import type { Answer, Fits } from '../api/schema';
import type { Me } from '../api/me';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { renderSavedReply, useSavedReplies } from '../replies/api';
import { ProblemMessage } from '../ui/Problem';
import { evidencePieces } from './evidence';
import { ItemHistory } from './ItemHistory';
import { NetworkOutcome } from './NetworkOutcome';
import { PeopleList } from './people';
import { SlaCountdown } from './SlaCountdown';
import { stars } from './stars';
import { Thread } from './Thread';
import type { DecisionAction, InboxItem } from './types';

const STALE = 'https://tribu.io/problems/stale-version';
/** While publishing has not answered, the item is read again this often; otherwise less often. */
const WAITING_POLL_MS = 2_000;
const IDLE_POLL_MS = 10_000;

/** What the inbox's keyboard shortcuts can ask of the item on screen. */
export interface ItemCommands {
  decide: (action: Exclude<DecisionAction, 'reply' | 'delete'>) => void;
  askDelete: () => void;
  focusReply: () => void;
  focusSavedReply: () => void;
}

/**
 * One item: text and author (from the outside world, so rendered as text, never as HTML; the words that
 * drove a label are marked in it), channel, labels with scores and evidence, sentiment, SLA countdown, the network's outcome, the thread, the
 * history, and the actions, each made against the version on screen (a stale one is explained).
 */
export function ItemDetail({ brand, base, itemId, me, canAct, onLoaded, onSelect, onThread, commands, time, now }: {
  brand: string;
  base: string;
  itemId: string;
  me: Me;
  canAct: boolean;
  onLoaded: (item: InboxItem) => void;
  onSelect: (id: string) => void;
  onThread: (thread: string) => void;
  commands: MutableRefObject<ItemCommands | null>;
  time: (iso: string) => string;
  now: number;
}) {
  const t = useT();
  const client = useQueryClient();
  const url = `${base}/${encodeURIComponent(itemId)}`;
  const itemQuery = useQuery({
    queryKey: ['item', url],
    queryFn: () => api<Fits<InboxItem, Answer<'moderation', '/brands/{brandId}/inbox/{itemId}'>>>(url),
    refetchInterval: (query) => (query.state.data?.networkAction?.outcome === 'requested' ? WAITING_POLL_MS : IDLE_POLL_MS),
  });
  const item = itemQuery.data;
  const [error, setError] = useState<unknown>(null);
  // A network action's notice ("asked of the network") gives way to the outcome once publishing answers.
  const [notice, setNotice] = useState<{ text: string; network: boolean } | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [assignee, setAssignee] = useState('');
  const [replyText, setReplyText] = useState('');
  const [savedReplyId, setSavedReplyId] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'private'>('public');
  const replyBox = useRef<HTMLTextAreaElement>(null);
  const savedReplySelect = useRef<HTMLSelectElement>(null);
  const savedReplies = useSavedReplies(brand, canAct);

  useEffect(() => {
    if (item) onLoaded(item);
  }, [item, onLoaded]);

  const decide = async (action: DecisionAction, extra: Record<string, unknown> = {}) => {
    if (!item || busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    setStale(false);
    try {
      const answer = await api<Fits<InboxItem, Answer<'moderation', '/brands/{brandId}/inbox/{itemId}/decisions', 'post'>>>(`${url}/decisions`, {
        method: 'POST',
        body: { action, expectedVersion: item.version, ...extra },
        // A retry of this very request (a lost answer) is recorded once.
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      client.setQueryData(['item', url], answer);
      const network = action === 'hide' || action === 'delete' || action === 'reply' || action === 'delete_reply';
      setNotice({ text: t(network ? 'inbox.asked' : 'inbox.done', { action: t(`inbox.action.${action}` as MessageKey) }), network });
      if (action === 'reply') {
        setReplyText('');
        setSavedReplyId('');
      }
      setConfirmDelete(false);
    } catch (e) {
      if (e instanceof ApiError && e.problem.status === 409 && e.problem.type === STALE) {
        setStale(true);
        await itemQuery.refetch();
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
      client.invalidateQueries({ queryKey: ['counts'] });
      client.invalidateQueries({ queryKey: ['history', url] });
    }
  };

  commands.current = item && canAct
    ? {
        decide: (action) => (action === 'assign' ? decide('assign', { assignee: me.user }) : decide(action)),
        askDelete: () => setConfirmDelete(true),
        focusReply: () => replyBox.current?.focus(),
        focusSavedReply: () => savedReplySelect.current?.focus(),
      }
    : null;

  const chooseSavedReply = async (id: string) => {
    setSavedReplyId(id);
    if (!id || !item) return;
    try {
      const rendered = await renderSavedReply(brand, id, item.id);
      setReplyText(rendered.text);
      replyBox.current?.focus();
    } catch (e) {
      setError(e);
    }
  };

  const submitReply = (event: FormEvent) => {
    event.preventDefault();
    if (replyText.trim()) decide('reply', { replyText, visibility });
  };

  if (!item) return itemQuery.error != null ? <ProblemMessage error={itemQuery.error} /> : <p>{t('shell.loading')}</p>;
  const labels = Object.entries(item.labels ?? {}).sort((a, b) => b[1].score - a[1].score);
  const waiting = item.networkAction?.outcome === 'requested';

  return (
    <article aria-labelledby="item-author" data-testid="item-detail">
      <h2 id="item-author">{item.author ?? t('inbox.unknownAuthor')}</h2>
      <p className="meta">
        <span data-testid="detail-channel">{item.source}</span>
        {item.kind ? ` · ${item.kind}` : ''}
        {stars(item.rating) && (
          <>
            {' · '}
            <span className="stars" role="img" aria-label={t('inbox.rating', { rating: item.rating! })} data-testid="detail-rating">
              {stars(item.rating)}
            </span>
          </>
        )}
        {' · '}<time dateTime={item.publishedAt}>{time(item.publishedAt)}</time>
        {item.url && /^https?:\/\//.test(item.url) && (
          <>
            {' · '}
            <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
              {t('inbox.open')}
            </a>
          </>
        )}
      </p>
      <blockquote className="body" data-testid="detail-text" lang={item.language ?? undefined}>
        {evidencePieces(item.text, labels.flatMap(([, label]) => label.evidence ?? [])).map((piece, i) =>
          piece.evidence ? <mark key={i} title={t('inbox.evidence')}>{piece.text}</mark> : piece.text,
        )}
      </blockquote>
      <dl className="facts">
        <dt>{t('inbox.status')}</dt>
        <dd data-testid="detail-status">{t(`status.${item.status}` as MessageKey)}</dd>
        <dt>{t('inbox.assignee')}</dt>
        <dd data-testid="detail-assignee">{item.assignee ?? t('inbox.nobody')}</dd>
        <dt>{t('inbox.sla')}</dt>
        <dd data-testid="detail-sla">
          <SlaCountdown item={item} now={now} time={time} />
        </dd>
        <dt>{t('inbox.sentiment')}</dt>
        <dd>
          {item.sentiment
            ? `${t(`sentiment.${item.sentiment}` as MessageKey)}${item.sentimentScore != null ? ` (${item.sentimentScore.toFixed(2)})` : ''}`
            : t('inbox.noSentiment')}
        </dd>
        <dt>{t('inbox.labels')}</dt>
        <dd>
          {labels.length === 0 ? (
            t('inbox.noLabels')
          ) : (
            <ul className="labels" data-testid="detail-labels">
              {labels.map(([name, label]) => (
                <li key={name}>
                  <span className="label">
                    {t(`label.${name}` as MessageKey)} {Math.round(label.score * 100)} %
                  </span>
                  {label.evidence && label.evidence.length > 0 && (
                    <span className="evidence">
                      {t('inbox.evidence')}: {label.evidence.join(', ')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {item.tags.length > 0 && (
          <>
            <dt>{t('inbox.tags')}</dt>
            <dd>{item.tags.join(', ')}</dd>
          </>
        )}
      </dl>
      <NetworkOutcome action={item.networkAction} time={time} />
      {stale && (
        <p role="alert" className="problem" data-testid="stale">
          {t('inbox.stale')}
        </p>
      )}
      {notice && !(notice.network && !waiting) && (
        <p role="status" className="notice" data-testid="notice">
          {notice.text}
        </p>
      )}
      {error != null && <ProblemMessage error={error} />}
      {canAct ? (
        <section aria-label={t('inbox.actions')} className="actions">
          <div className="action-row">
            <button type="button" disabled={busy} onClick={() => decide('assign', { assignee: me.user })}>
              {t('inbox.assignToMe')} <kbd>a</kbd>
            </button>
            <form
              className="assign-to"
              onSubmit={(e) => {
                e.preventDefault();
                if (assignee.trim()) decide('assign', { assignee: assignee.trim() });
              }}
            >
              <label htmlFor="assign-to">{t('inbox.assignTo')}</label>
              <input id="assign-to" list="assignees" value={assignee} maxLength={200} onChange={(e) => setAssignee(e.target.value)}
                data-testid="assign-to" />
              <PeopleList id="assignees" />
              <button type="submit" disabled={busy || !assignee.trim()}>
                {t('inbox.action.assign')}
              </button>
            </form>
          </div>
          <div className="action-row">
            <button type="button" disabled={busy || item.status === 'escalated'} onClick={() => decide('escalate')}>
              {t('inbox.action.escalate')} <kbd>e</kbd>
            </button>
            <button type="button" disabled={busy || item.status === 'closed'} onClick={() => decide('close')}>
              {t('inbox.action.close')} <kbd>c</kbd>
            </button>
            <button type="button" disabled={busy || item.status === 'new'} onClick={() => decide('reopen')}>
              {t('inbox.action.reopen')} <kbd>o</kbd>
            </button>
            <button
              type="button"
              disabled={busy || waiting || item.status === 'hidden' || item.status === 'deleted'}
              onClick={() => decide('hide')}
            >
              {t('inbox.hide')} <kbd>h</kbd>
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy || waiting || item.status === 'deleted'}
              onClick={() => setConfirmDelete(true)}
            >
              {t('inbox.delete')} <kbd>d</kbd>
            </button>
            {item.kind === 'review' && item.status === 'replied' && (
              <button type="button" disabled={busy || waiting} onClick={() => decide('delete_reply')}>
                {t('inbox.deleteReply')}
              </button>
            )}
          </div>
          {confirmDelete && (
            <div role="alertdialog" aria-labelledby="confirm-delete" className="confirm">
              <p id="confirm-delete">{t('inbox.delete.confirm')}</p>
              <button type="button" className="danger" autoFocus onClick={() => decide('delete')}>
                {t('inbox.delete.yes')}
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                {t('inbox.delete.no')}
              </button>
            </div>
          )}
          <form onSubmit={submitReply} className="reply">
            <label htmlFor="saved-reply">{t('inbox.savedReply')}</label>
            <select
              id="saved-reply"
              ref={savedReplySelect}
              value={savedReplyId}
              onChange={(e) => chooseSavedReply(e.target.value)}
              data-testid="saved-reply-select"
            >
              <option value="">{savedReplies.data?.length === 0 ? t('inbox.savedReply.none') : t('inbox.savedReply.pick')}</option>
              {savedReplies.data?.map((reply) => (
                <option key={reply.id} value={reply.id}>
                  {reply.name}
                  {reply.language ? ` (${reply.language})` : ''}
                </option>
              ))}
            </select>
            <label htmlFor="reply-text">
              {t('inbox.replyText')} <kbd>r</kbd>
            </label>
            <textarea
              id="reply-text"
              ref={replyBox}
              value={replyText}
              maxLength={5000}
              onChange={(e) => setReplyText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submitReply(e);
              }}
              data-testid="reply-text"
            />
            <fieldset>
              <legend>{t('inbox.visibility')}</legend>
              <label>
                <input type="radio" name="visibility" checked={visibility === 'public'} onChange={() => setVisibility('public')} />{' '}
                {t('inbox.public')}
              </label>
              <label>
                <input
                  type="radio"
                  name="visibility"
                  checked={visibility === 'private'}
                  onChange={() => setVisibility('private')}
                  data-testid="visibility-private"
                />{' '}
                {t('inbox.private')}
              </label>
            </fieldset>
            <button type="submit" disabled={busy || !replyText.trim()}>
              {t('inbox.send')} <kbd>Ctrl+Enter</kbd>
            </button>
          </form>
        </section>
      ) : (
        <p className="hint">{t('inbox.readOnly')}</p>
      )}
      <Thread base={base} item={item} onSelect={onSelect} onThread={onThread} short={time} />
      <ItemHistory brand={brand} url={url} item={item} time={time} />
    </article>
  );
}
