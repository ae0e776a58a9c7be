import { useEffect, useState } from 'react';
import type { Me } from '../api/me';
import { useT } from '../i18n/i18n';
import { Alerts } from './Alerts';
import { Mentions } from './Mentions';
import { Queries } from './Queries';
import { Sources } from './Sources';
import './listening.css';

const PARTS = ['queries', 'mentions', 'sources', 'alerts'] as const;
type Part = (typeof PARTS)[number];

/** #listening/<part>[/<query id>]: the part shown, and for the mentions the query they are filtered by. */
function route(hash: string): { part: Part; queryId: string } {
  const [, part, queryId] = hash.replace(/^#/, '').split('/');
  return { part: (PARTS as readonly string[]).includes(part) ? (part as Part) : 'queries', queryId: queryId ?? '' };
}

/** Listening (issue 21, part 1): queries, the mentions stream, sources and alert rules of the brand. */
export default function Listening({ brand, me }: { brand: string; me: Me }) {
  const t = useT();
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const follow = () => setHash(window.location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const { part, queryId } = route(hash);
  return (
    <section aria-labelledby="listening-title" className="listening">
      <h1 id="listening-title">{t('listening.title', { brand })}</h1>
      <nav aria-label={t('listening.parts')}>
        <ul className="subnav">
          {PARTS.map((p) => (
            <li key={p}>
              <a href={`#listening/${p}`} aria-current={p === part ? 'page' : undefined}>{t(`listening.part.${p}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {part === 'queries' && <Queries brand={brand} me={me} />}
      {part === 'mentions' && <Mentions key={queryId} brand={brand} queryId={queryId} />}
      {part === 'sources' && <Sources brand={brand} me={me} />}
      {part === 'alerts' && <Alerts brand={brand} me={me} />}
    </section>
  );
}
