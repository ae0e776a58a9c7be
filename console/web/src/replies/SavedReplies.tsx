import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { canModerate, type Me } from '../api/me';
import type { Answer, Fits } from '../api/schema';
import { useT } from '../i18n/i18n';
import { EmptyState } from '../ui/EmptyState';
import { ProblemMessage } from '../ui/Problem';
import { addSavedReply, deleteSavedReply, editSavedReply, repliesUrl, setSla, useSavedReplies, useSla, type SavedReply, type SavedReplyDraft } from './api';

const EMPTY: SavedReplyDraft = { name: '', language: null, text: '' };

/** Screen 4: the brand's saved replies (list, create, edit, delete) and its first-response target. */
export default function SavedReplies({ brand, me }: { brand: string; me: Me }) {
  const t = useT();
  const replies = useSavedReplies(brand);
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  const canEdit = canModerate(me);
  return (
    <section aria-labelledby="replies-title" className="replies">
      <h1 id="replies-title">{t('replies.title', { brand })}</h1>
      <SlaTarget brand={brand} me={me} />
      <h2>{t('replies.list')}</h2>
      <p className="hint">{t('replies.variables')}</p>
      {replies.error != null && <ProblemMessage error={replies.error} />}
      {canEdit && editing === null && (
        <button type="button" onClick={() => setEditing('new')} data-testid="reply-new">
          {t('replies.new')}
        </button>
      )}
      {editing !== null && (
        <ReplyForm
          brand={brand}
          original={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {replies.data && replies.data.length === 0 && (
        <EmptyState title={t('replies.empty.title')}>
          <p>{canEdit ? t('replies.empty.text') : t('replies.empty.readOnly')}</p>
        </EmptyState>
      )}
      {replies.data && replies.data.length > 0 && (
        <ul className="reply-list" data-testid="saved-replies">
          {replies.data.map((reply) => (
            <SavedReplyRow key={reply.id} brand={brand} reply={reply} canEdit={canEdit && editing === null} onEdit={() => setEditing(reply)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SavedReplyRow({ brand, reply, canEdit, onEdit }: { brand: string; reply: SavedReply; canEdit: boolean; onEdit: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    try {
      await deleteSavedReply(brand, reply.id);
      await client.invalidateQueries({ queryKey: ['saved-replies', brand] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li data-testid="saved-reply">
      <h3>
        {reply.name} {reply.language && <span className="hint">({reply.language})</span>}
      </h3>
      <p className="reply-text">{reply.text}</p>
      {error != null && <ProblemMessage error={error} />}
      {canEdit && !confirming && (
        <div className="action-row">
          <button type="button" onClick={onEdit}>
            {t('replies.edit')}
          </button>
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('replies.delete')}
          </button>
        </div>
      )}
      {confirming && (
        <div role="alertdialog" aria-label={t('replies.delete.confirm', { name: reply.name })} className="confirm">
          <p>{t('replies.delete.confirm', { name: reply.name })}</p>
          <button type="button" className="danger" autoFocus onClick={remove}>
            {t('replies.delete.yes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('replies.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * Creates a saved reply, or edits one in place with the version it was read at: if someone else edited it
 * since, moderation refuses (412) and the form says so and shows the other edit, to redo the change on it.
 */
function ReplyForm({ brand, original, onDone }: { brand: string; original: SavedReply | null; onDone: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [base, setBase] = useState(original);
  const [draft, setDraft] = useState<SavedReplyDraft>(
    original ? { name: original.name, language: original.language, text: original.text } : EMPTY,
  );
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const violations = error instanceof ApiError ? (error.problem.violations ?? []) : [];
  const violation = (field: string) => violations.find((v) => v.field === field || v.field.endsWith(`.${field}`))?.message;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setConflict(false);
    const body = { ...draft, language: draft.language || null };
    try {
      if (base) await editSavedReply(brand, base.id, base.version, body);
      else await addSavedReply(brand, body);
      await client.invalidateQueries({ queryKey: ['saved-replies', brand] });
      onDone();
    } catch (e) {
      if (base && e instanceof ApiError && e.problem.status === 412) {
        // Someone else's edit won: show it, the next save applies to it.
        const replies = await client.fetchQuery({ queryKey: ['saved-replies', brand], queryFn: () => api<Fits<SavedReply[], Answer<'moderation', '/brands/{brandId}/saved-replies'>>>(repliesUrl(brand)), staleTime: 0 });
        const current = replies.find((r) => r.id === base.id) ?? null;
        setBase(current);
        if (current) setDraft({ name: current.name, language: current.language, text: current.text });
        setConflict(true);
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} className="reply-form" aria-labelledby="reply-form-title" data-testid="reply-form">
      <h3 id="reply-form-title">{original ? t('replies.editing', { name: original.name }) : t('replies.new')}</h3>
      <label htmlFor="reply-name">{t('replies.name')}</label>
      <input
        id="reply-name"
        required
        maxLength={100}
        value={draft.name}
        aria-invalid={violation('name') ? true : undefined}
        aria-describedby={violation('name') ? 'reply-name-error' : undefined}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      {violation('name') && <p id="reply-name-error" className="field-error">{violation('name')}</p>}
      <label htmlFor="reply-language">{t('replies.language')}</label>
      <select id="reply-language" value={draft.language ?? ''} onChange={(e) => setDraft({ ...draft, language: e.target.value || null })}>
        <option value="">{t('replies.language.any')}</option>
        <option value="fr">Français (fr)</option>
        <option value="en">English (en)</option>
      </select>
      <label htmlFor="reply-body">{t('replies.text')}</label>
      <textarea
        id="reply-body"
        required
        maxLength={5000}
        value={draft.text}
        aria-invalid={violation('text') ? true : undefined}
        aria-describedby={violation('text') ? 'reply-body-error' : 'reply-body-hint'}
        onChange={(e) => setDraft({ ...draft, text: e.target.value })}
      />
      <p id="reply-body-hint" className="hint">{t('replies.variables')}</p>
      {violation('text') && <p id="reply-body-error" className="field-error">{violation('text')}</p>}
      {conflict && <p role="alert" className="problem" data-testid="reply-conflict">{t('replies.conflict')}</p>}
      {error != null && violations.length === 0 && <ProblemMessage error={error} />}
      {error != null && violations.length > 0 && (
        <p role="alert" className="problem">{t('replies.invalid')}</p>
      )}
      <div className="action-row">
        <button type="submit" disabled={busy}>
          {t('replies.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('replies.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The brand's first-response target: everyone with access reads it, an administrator changes it. */
function SlaTarget({ brand, me }: { brand: string; me: Me }) {
  const t = useT();
  const client = useQueryClient();
  const sla = useSla(brand);
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const isAdmin = me.roles.includes('admin');
  const current = sla.data?.firstResponseSlaMinutes;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const answer = await setSla(brand, Number(minutes));
      client.setQueryData(['sla', brand], answer);
      setSaved(true);
      setMinutes('');
    } catch (e) {
      setError(e);
    }
  };
  const violation = error instanceof ApiError ? error.problem.violations?.[0]?.message : undefined;

  return (
    <section aria-labelledby="sla-title" className="sla-target">
      <h2 id="sla-title">{t('replies.sla')}</h2>
      {sla.error != null && <ProblemMessage error={sla.error} />}
      {current !== undefined && (
        <p data-testid="sla-current">{t('replies.sla.current', { minutes: current })}</p>
      )}
      <p className="hint">{t('replies.sla.hint')}</p>
      {isAdmin ? (
        <form onSubmit={save} className="action-row">
          <label htmlFor="sla-minutes">{t('replies.sla.minutes')}</label>
          <input
            id="sla-minutes"
            type="number"
            min={1}
            max={10080}
            required
            value={minutes}
            aria-invalid={violation ? true : undefined}
            onChange={(e) => setMinutes(e.target.value)}
          />
          <button type="submit">{t('replies.sla.save')}</button>
        </form>
      ) : (
        <p className="hint">{t('replies.sla.adminOnly')}</p>
      )}
      {violation && <p role="alert" className="field-error">{violation}</p>}
      {error != null && !violation && <ProblemMessage error={error} />}
      {saved && <p role="status" className="notice">{t('replies.sla.saved')}</p>}
    </section>
  );
}
