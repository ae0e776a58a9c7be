import { useEffect, useState } from 'react';
import { api, setCsrfToken } from '../api/client';
import type { Me } from '../api/me';
import { useI18n } from '../i18n/i18n';
import type { Language, MessageKey } from '../i18n/messages';
import { EmptyState } from '../ui/EmptyState';
import { ProblemMessage } from '../ui/Problem';
import { screenOf, screens } from './screens';

const BRAND_KEY = 'tribu.brand';

/** The frame of every screen: agency, brand switcher, navigation, who is signed in, sign-out. */
export function Shell() {
  const { t, language, setLanguage } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [brand, setBrand] = useState<string | null>(null);
  const [hash, setHash] = useState(() => window.location.hash);

  useEffect(() => {
    const follow = () => setHash(window.location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const screen = screenOf(hash);

  useEffect(() => {
    api<Me>('/api/me')
      .then((loaded) => {
        setCsrfToken(loaded.csrfToken);
        setMe(loaded);
        const saved = localStorage.getItem(BRAND_KEY);
        setBrand(saved && loaded.brands.includes(saved) ? saved : (loaded.brands[0] ?? null));
        // Agency admins start on the agency overview; a link to a screen is kept.
        if (!window.location.hash && loaded.role === 'admin') window.location.hash = '#overview';
      })
      .catch(setError);
  }, []);

  const chooseBrand = (next: string) => {
    localStorage.setItem(BRAND_KEY, next);
    setBrand(next);
  };

  const role = me?.role ? t(`role.${me.role}` as MessageKey) : t('shell.noRole');

  return (
    <>
      <header className="topbar">
        <span className="logo">{t('app.name')}</span>
        {me && (
          <>
            <span className="agency">
              {t('shell.agency')}: <strong data-testid="agency">{me.tenant}</strong>
            </span>
            {me.brands.length > 0 && (
              <label className="brand-switcher">
                {t('shell.brand')}{' '}
                <select data-testid="brand-switcher" value={brand ?? ''} onChange={(e) => chooseBrand(e.target.value)}>
                  {me.brands.map((b) => (
                    <option key={b} value={b}>
                      {b}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </>
        )}
        <span className="spacer" />
        <label className="language">
          {t('shell.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
        {me && (
          <span className="who" data-testid="who">
            {t('shell.signedInAs', { user: me.name ?? me.user })} · {t('shell.role', { role })}
          </span>
        )}
        <a className="button" href="/logout" data-testid="sign-out">
          {t('shell.signOut')}
        </a>
      </header>
      <div className="layout">
        <nav aria-label={t('shell.nav')} className="sidenav">
          <ul>
            {screens.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={s.id === screen.id ? 'page' : undefined}>
                  {t(s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main>
          {error != null && <ProblemMessage error={error} />}
          {!me && error == null && <p>{t('shell.loading')}</p>}
          {me && me.brands.length === 0 && (
            <EmptyState title={t('shell.noBrands.title')}>
              <p>{t('shell.noBrands.text')}</p>
            </EmptyState>
          )}
          {me && brand && screen.render({ brand, me, chooseBrand })}
        </main>
      </div>
    </>
  );
}
