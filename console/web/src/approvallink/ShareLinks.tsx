import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { CalendarProblem } from '../calendar/CalendarProblem';
import { formatInstant } from '../calendar/time';
import { createLink, loadLinks, revokeLink } from './api';
import { clientUrlOf, MAX_POSTS, stateOf, validDays, type ApprovalLink } from './links';

/**
 * Sharing posts with a client who has no account: the selected posts → a link that expires in 1–30 days, shown once
 * with a copy button; the brand's links with their state, and revoke.
 */
export function ShareLinks({ brand, zone, selected, titles, onShared }: {
  brand: string; zone: string; selected: string[]; titles: Map<string, string>; onShared: () => void;
}) {
  const { t, language } = useI18n();
  const [days, setDays] = useState('7');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [created, setCreated] = useState<{ url: string; count: number } | null>(null);
  const [copied, setCopied] = useState(false);
  const [links, setLinks] = useState<ApprovalLink[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    loadLinks(brand).then(setLinks).catch(setError);
  }, [brand, reloads]);

  const share = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const link = await createLink(brand, selected, Number(days), key);
      setCreated({ url: clientUrlOf(window.location.origin, link.token ?? ''), count: link.postIds.length });
      setKey(crypto.randomUUID());
      setReloads((n) => n + 1);
      onShared();
    } catch (refused) {
      setError(refused);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!created) return;
    await navigator.clipboard.writeText(created.url).then(() => setCopied(true), () => setCopied(false));
  };
  const revoke = async (id: string) => {
    setError(null);
    try {
      await revokeLink(brand, id);
      setReloads((n) => n + 1);
    } catch (refused) {
      setError(refused);
    }
  };
  const now = Date.now();

  return (
    <section className="share" aria-labelledby="share-title" data-testid="share">
      <h2 id="share-title">{t('share.title')}</h2>
      <p className="hint">{t('share.hint')}</p>
      <div className="filters">
        <label>
          {t('share.days')}{' '}
          <input type="number" min={1} max={30} value={days} onChange={(e) => setDays(e.target.value)} data-testid="share-days"
            aria-invalid={!validDays(days)} />
        </label>
        <button type="button" onClick={share} data-testid="share-create"
          disabled={busy || selected.length === 0 || selected.length > MAX_POSTS || !validDays(days)}>
          {t('share.create', { count: selected.length })}
        </button>
      </div>
      {selected.length > MAX_POSTS && <p className="problem">{t('share.tooMany', { max: MAX_POSTS })}</p>}
      {created && (
        <div className="notice share-once" role="status" data-testid="share-created">
          <p>{t('share.once', { count: created.count })}</p>
          <label>
            {t('share.link')}{' '}
            <input type="text" readOnly value={created.url} data-testid="share-url" onFocus={(e) => e.target.select()} />
          </label>{' '}
          <button type="button" onClick={copy} data-testid="share-copy">{copied ? t('share.copied') : t('share.copy')}</button>
        </div>
      )}
      {error != null && <CalendarProblem error={error} />}
      <table className="table links" data-testid="links">
        <caption>{t('share.links')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('share.col.created')}</th><th scope="col">{t('share.col.posts')}</th>
            <th scope="col">{t('share.col.expires')}</th><th scope="col">{t('share.col.state')}</th><th scope="col"><span className="sr-only">{t('share.col.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {(links ?? []).length === 0 && <tr><td colSpan={5}>{t('share.none')}</td></tr>}
          {(links ?? []).map((link) => {
            const state = stateOf(link, now);
            return (
              <tr key={link.id} data-testid="link" data-link={link.id} data-state={state}>
                <td>{formatInstant(language, zone, link.createdAt)} · {link.createdBy}</td>
                <td>{link.postIds.map((id) => titles.get(id) ?? id.slice(0, 8)).join(', ')}</td>
                <td>{formatInstant(language, zone, link.expiresAt)}</td>
                <td>{t(`share.state.${state}` as MessageKey)}{state === 'revoked' && link.revokedBy ? ` (${link.revokedBy})` : ''}</td>
                <td>
                  {state === 'active' && (
                    <button type="button" onClick={() => revoke(link.id)} data-testid="link-revoke">{t('share.revoke')}</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
