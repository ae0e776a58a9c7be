import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { ScreenProps } from '../shell/screens';
import { EmptyState } from '../ui/EmptyState';
import { ProblemMessage } from '../ui/Problem';
import { loadAnalyticsSummary, loadInboxSummary, loadPostsSummary } from './api';
import { composeRows, negativeSpike, type Row } from './rows';

/** The three summaries are read again this often while the screen is open. */
const POLL_MS = 30_000;

/**
 * Every brand of the agency at a glance (issue 21, part 4): new and open items and SLA breaches (moderation), posts
 * awaiting approval and failed deliveries (publishing), mentions and a negative spike going on (analytics), the three
 * called in parallel; a service that does not answer leaves its columns empty and says so. A brand's row opens its
 * inbox or its approvals. The first screen after sign-in for agency admins.
 */
export default function AgencyOverview({ me, chooseBrand }: ScreenProps) {
  const { t, language } = useI18n();
  const [search, setSearch] = useState('');
  const inbox = useQuery({ queryKey: ['agency', 'inbox-summary'], queryFn: loadInboxSummary, refetchInterval: POLL_MS });
  const posts = useQuery({ queryKey: ['agency', 'posts-summary'], queryFn: loadPostsSummary, refetchInterval: POLL_MS });
  const analytics = useQuery({ queryKey: ['agency', 'overview'], queryFn: loadAnalyticsSummary, refetchInterval: POLL_MS });
  const sources: [MessageKey, UseQueryResult<unknown[]>][] = [['overview.source.moderation', inbox], ['overview.source.publishing', posts], ['overview.source.analytics', analytics]];
  const settled = sources.every(([, q]) => !q.isPending);

  const shown = composeRows(me.brands, inbox.data, posts.data, analytics.data, search);
  const all = composeRows(me.brands, inbox.data, posts.data, analytics.data);
  const number = new Intl.NumberFormat(language);
  const count = (value: number | undefined, alarming = false) => (value === undefined
    ? <span aria-label={t('overview.unknown')}>—</span>
    : <span className={alarming && value > 0 ? 'alarm' : undefined}>{number.format(value)}</span>);
  const spike = (r: Row) => {
    if (!r.analytics) return <span aria-label={t('overview.unknown')}>—</span>;
    const s = negativeSpike(r.analytics);
    if (!s) return t('overview.noSpike');
    const minutes = Math.max(0, Math.round((Date.now() - Date.parse(s.start)) / 60_000));
    const since = minutes < 60 ? t('overview.minutes', { n: minutes }) : t('overview.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
    return <span className="alarm">{t('overview.spikeSince', { since })}</span>;
  };
  const open = (brandId: string, screen: 'inbox' | 'approvals') => {
    chooseBrand(brandId);
    window.location.hash = `#${screen}`;
  };

  return (
    <section className="overview" data-testid="overview" data-ready={settled ? 'true' : 'false'}>
      <h1>{t('overview.title')}</h1>
      <p className="hint">{t('overview.hint', { agency: me.tenant ?? '' })}</p>
      {sources.filter(([, q]) => q.isError).map(([source, q]) => (
        <div key={source} data-testid="overview-source-problem">
          <p className="problem">{t('overview.sourceFailed', { source: t(source) })}</p>
          <ProblemMessage error={q.error} />
        </div>
      ))}
      {!settled && <p>{t('shell.loading')}</p>}
      {settled && all.length === 0 && sources.every(([, q]) => !q.isError) && (
        <EmptyState title={t('overview.empty.title')}><p>{t('overview.empty.text')}</p></EmptyState>
      )}
      {settled && all.length > 0 && (
        <>
          <label className="overview-search">
            {t('overview.search')} <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="overview-search" />
          </label>
          <table className="overview-table" data-testid="overview-table">
            <caption>{t('overview.caption', { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.brand')}</th>
                <th scope="col">{t('overview.new')}</th>
                <th scope="col">{t('overview.open')}</th>
                <th scope="col">{t('overview.slaBreaches')}</th>
                <th scope="col">{t('overview.spike')}</th>
                <th scope="col">{t('overview.mentions')}</th>
                <th scope="col">{t('overview.awaiting')}</th>
                <th scope="col">{t('overview.failed')}</th>
                <th scope="col">{t('overview.go')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.brandId} data-brand={r.brandId}>
                  <th scope="row">{r.analytics?.name && r.analytics.name !== r.brandId ? `${r.analytics.name} (${r.brandId})` : r.brandId}</th>
                  <td data-testid="new">{count(r.inbox?.newItems)}</td>
                  <td data-testid="open">{count(r.inbox?.openItems)}</td>
                  <td data-testid="sla">{count(r.inbox?.slaBreaches, true)}</td>
                  <td data-testid="spike">{spike(r)}</td>
                  <td data-testid="mentions">{count(r.analytics?.mentions)}</td>
                  <td data-testid="awaiting">{count(r.posts?.awaitingApproval)}</td>
                  <td data-testid="failed">{count(r.posts?.failedDeliveries, true)}</td>
                  <td>
                    {me.brands.includes(r.brandId) ? (
                      <span className="row-actions">
                        <button type="button" onClick={() => open(r.brandId, 'inbox')} aria-label={t('overview.openInbox', { brand: r.brandId })}>{t('overview.inbox')}</button>
                        <button type="button" onClick={() => open(r.brandId, 'approvals')} aria-label={t('overview.openApprovals', { brand: r.brandId })}>{t('overview.approvals')}</button>
                      </span>
                    ) : <span className="hint">{t('overview.notYours')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
