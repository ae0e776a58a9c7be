import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n';
import { EmptyState } from '../ui/EmptyState';
import { ProblemMessage } from '../ui/Problem';
import { loadQueries, searchMentions, type MentionFilters } from './api';
import { MentionCard } from './MentionCard';

const SOURCES = ['rss', 'mastodon', 'bluesky', 'webhook'];

/** The mentions stream: listening's search with its filters; near-duplicates folded into stories on demand. */
export function Mentions({ brand, queryId }: { brand: string; queryId: string }) {
  const t = useT();
  const queries = useQuery({ queryKey: ['listening-queries', brand], queryFn: () => loadQueries(brand) });
  // The period is counted from when the filters were set, so that pages read later stay in one window.
  const [{ filters, now }, setState] = useState(() => ({
    filters: { q: '', query: queryId, sentiment: '', language: '', source: '', days: '7', stories: false } as MentionFilters,
    now: Date.now(),
  }));
  const set = (next: Partial<MentionFilters>) => setState((s) => ({ filters: { ...s.filters, ...next }, now: Date.now() }));
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setState((s) => (s.filters.q === typed ? s : { filters: { ...s.filters, q: typed }, now: Date.now() })), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const stream = useInfiniteQuery({
    queryKey: ['mentions', brand, filters, now],
    queryFn: ({ pageParam }) => searchMentions(brand, filters, now, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = stream.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="mentions-title">
      <h2 id="mentions-title">{t('listening.mentions')}</h2>
      <form className="filters" role="search" aria-label={t('listening.mentions.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>{t('listening.filter.text')} <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={1000} data-testid="mentions-q" /></label>
        <label>{t('listening.filter.query')}{' '}
          <select value={filters.query} onChange={(e) => set({ query: e.target.value })} data-testid="mentions-query">
            <option value="">{t('listening.filter.any')}</option>
            {queries.data?.map((q) => <option key={q.id} value={q.id}>{q.name}</option>)}
          </select>
        </label>
        <label>{t('listening.filter.sentiment')}{' '}
          <select value={filters.sentiment} onChange={(e) => set({ sentiment: e.target.value })}>
            <option value="">{t('listening.filter.any')}</option>
            <option value="negative">{t('listening.sentiment.negative')}</option>
            <option value="neutral">{t('listening.sentiment.neutral')}</option>
            <option value="positive">{t('listening.sentiment.positive')}</option>
          </select>
        </label>
        <label>{t('listening.filter.language')}{' '}
          <select value={filters.language} onChange={(e) => set({ language: e.target.value })}>
            <option value="">{t('listening.filter.any')}</option>
            <option value="fr">Français (fr)</option>
            <option value="en">English (en)</option>
          </select>
        </label>
        <label>{t('listening.filter.source')}{' '}
          <select value={filters.source} onChange={(e) => set({ source: e.target.value })}>
            <option value="">{t('listening.filter.any')}</option>
            {SOURCES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>{t('listening.filter.period')}{' '}
          <select value={filters.days} onChange={(e) => set({ days: e.target.value })}>
            {['1', '7', '30', '90'].map((d) => <option key={d} value={d}>{t('listening.days', { days: d })}</option>)}
            <option value="">{t('listening.filter.always')}</option>
          </select>
        </label>
        <label className="inline"><input type="checkbox" checked={filters.stories} onChange={(e) => set({ stories: e.target.checked })} data-testid="mentions-stories" /> {t('listening.filter.stories')}</label>
      </form>
      {stream.error != null && <ProblemMessage error={stream.error} />}
      {stream.isSuccess && items.length === 0 && (
        <EmptyState title={t('listening.mentions.empty.title')}><p>{t('listening.mentions.empty.text')}</p></EmptyState>
      )}
      <ul className="mentions" data-testid="mentions">
        {items.map(({ mention, storySize }) => <MentionCard key={mention.id} brand={brand} mention={mention} storySize={storySize} />)}
      </ul>
      {stream.hasNextPage && (
        <button type="button" onClick={() => stream.fetchNextPage()} disabled={stream.isFetchingNextPage}>{t('listening.more')}</button>
      )}
    </section>
  );
}
