import { useEffect, useState } from 'react';
import { canModerate, type Me } from '../api/me';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { comment, loadHistory, loadPost, move, type Action } from './api';
import { CalendarProblem } from './CalendarProblem';
import { countFor } from './counting';
import { formatInstant } from './time';
import { RepeatPost } from '../recurrence/RepeatPost';
import type { HistoryLine, Post } from './types';

const APPROVERS = ['admin', 'client-approver'];
const ACTIONS = ['create', 'edit', 'comment', 'submit', 'approve', 'request-changes', 'schedule', 'unschedule',
  'link-created', 'link-opened', 'link-revoked', 'repeat'];

/** One post: its variants, the approval flow (submit, approve, request changes with a comment, schedule), its history. */
export function PostPanel({ brand, me, zone, id, onChanged, onEdit, onClose }: {
  brand: string; me: Me; zone: string; id: string; onChanged: () => void; onEdit: () => void; onClose: () => void;
}) {
  const { t, language } = useI18n();
  const [post, setPost] = useState<Post | null>(null);
  const [history, setHistory] = useState<HistoryLine[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => {
    loadPost(brand, id).then(setPost).catch(setError);
    loadHistory(brand, id).then(setHistory).catch(() => setHistory([]));
  };
  useEffect(refresh, [brand, id]);

  if (!post) return error ? <CalendarProblem error={error} /> : <p>{t('shell.loading')}</p>;

  const writer = canModerate(me);
  const approver = me.roles.some((r) => APPROVERS.includes(r));
  const act = async (action: Action, withComment = false, slot?: 'next' | 'best') => {
    setBusy(true);
    setError(null);
    try {
      await move(brand, id, action, withComment ? note : undefined, slot);
      setNote('');
      onChanged();
      refresh();
    } catch (refused) {
      setError(refused);
    } finally {
      setBusy(false);
    }
  };
  const addComment = async () => {
    setBusy(true);
    setError(null);
    try {
      await comment(brand, id, note);
      setNote('');
      refresh();
    } catch (refused) {
      setError(refused);
    } finally {
      setBusy(false);
    }
  };
  const status = (s: string | null) => (s ? t(`calendar.status.${s}` as MessageKey) : '');

  return (
    <article className="post-panel" aria-labelledby="post-title" data-testid="post-panel">
      <div className="panel-head">
        <h2 id="post-title">{post.title}</h2>
        <button type="button" onClick={onClose}>{t('post.close')}</button>
      </div>
      <p>
        <span className={`badge status-${post.status}`} data-testid="post-status">{status(post.status)}</span>{' '}
        {post.plannedAt ? formatInstant(language, zone, post.plannedAt) : t('post.unplanned')}
        {' · '}{t('post.by', { user: post.createdBy })}
      </p>
      {post.tags.length > 0 && <p>{post.tags.map((tag) => <span key={tag} className="label">#{tag}</span>)}</p>}
      {post.variants.map((v) => {
        const count = countFor(v.network, v.text);
        return (
          <section key={v.network} className="variant-view">
            <h3>{t(`network.${v.network}` as MessageKey)} <span className="counter">{t(`composer.unit.${count.unit}` as MessageKey, { count: count.count, max: count.max })}</span></h3>
            <p className="body">{v.text}</p>
            {(v.media ?? []).map((url) => <p key={url}><a href={url} rel="noreferrer noopener" target="_blank">{url}</a></p>)}
          </section>
        );
      })}
      {error != null && <CalendarProblem error={error} />}
      <div className="actions">
        <label>
          {t('post.comment')}
          <textarea value={note} onChange={(e) => setNote(e.target.value)} data-testid="post-comment" />
        </label>
        <div className="filters">
          {writer && ['draft', 'in-review', 'approved'].includes(post.status) && (
            <button type="button" onClick={onEdit} disabled={busy}>{t('post.edit')}</button>
          )}
          {writer && post.status === 'draft' && (
            <button type="button" onClick={() => act('submit')} disabled={busy} data-testid="submit">{t('post.submit')}</button>
          )}
          {approver && post.status === 'in-review' && (
            <>
              <button type="button" onClick={() => act('approve', note.trim() !== '')} disabled={busy} data-testid="approve">{t('post.approve')}</button>
              <button type="button" onClick={() => act('request-changes', true)} disabled={busy || !note.trim()} data-testid="request-changes">
                {t('post.requestChanges')}
              </button>
            </>
          )}
          {writer && post.status === 'approved' && (
            <>
              <button type="button" onClick={() => act('schedule')} disabled={busy} data-testid="schedule">{t('post.schedule')}</button>
              <button type="button" onClick={() => act('schedule', false, 'next')} disabled={busy}>{t('post.scheduleNext')}</button>
              <button type="button" onClick={() => act('schedule', false, 'best')} disabled={busy}>{t('post.scheduleBest')}</button>
            </>
          )}
          {writer && post.status === 'scheduled' && (
            <button type="button" onClick={() => act('unschedule')} disabled={busy}>{t('post.unschedule')}</button>
          )}
          <button type="button" onClick={addComment} disabled={busy || !note.trim()}>{t('post.addComment')}</button>
        </div>
        {approver && post.status === 'in-review' && <p className="hint">{t('post.approveHint')}</p>}
      </div>
      <RepeatPost brand={brand} zone={zone} post={post} mayWrite={writer} onChanged={onChanged} />
      <h3>{t('post.history')}</h3>
      <ol className="history" data-testid="history">
        {history.map((line, i) => (
          <li key={i}>
            <time dateTime={line.at}>{formatInstant(language, zone, line.at)}</time>{' '}
            <strong>{line.actor}</strong>{' '}
            {ACTIONS.includes(line.action) ? t(`post.action.${line.action}` as MessageKey) : line.action}
            {line.fromStatus && line.toStatus && line.fromStatus !== line.toStatus && ` (${status(line.fromStatus)} → ${status(line.toStatus)})`}
            {line.comment && <q>{line.comment}</q>}
          </li>
        ))}
      </ol>
    </article>
  );
}
