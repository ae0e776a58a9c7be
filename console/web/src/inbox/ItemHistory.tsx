import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { AuditEntry, InboxItem } from './types';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * What was decided on the item, by whom (a person or a charter rule), and what the network did:
 * the brand's audit trail since the item arrived, kept to this item. Moderation has no per-item
 * history endpoint, so the period is as short as the item's life (the audit answers at most 366 days).
 */
export function ItemHistory({ brand, url, item, time }: {
  brand: string;
  url: string;
  item: InboxItem;
  time: (iso: string) => string;
}) {
  const t = useT();
  const since = new Date(Math.max(Date.parse(item.receivedAt) - 1000, Date.now() - YEAR_MS)).toISOString();
  const history = useQuery({
    // The item's version and network outcome change with each decision and report: read again then.
    queryKey: ['history', url, item.version, item.networkAction?.outcome],
    queryFn: () =>
      api<AuditEntry[]>(`/api/moderation/brands/${encodeURIComponent(brand)}/audit?${new URLSearchParams({ from: since })}`),
    select: (entries) => entries.filter((entry) => entry.itemId === item.id),
  });
  return (
    <section aria-labelledby="history-title" className="history">
      <h3 id="history-title">{t('inbox.history')}</h3>
      <p className="hint">{t('inbox.history.received', { time: time(item.receivedAt) })}</p>
      {history.data && history.data.length === 0 && <p className="hint">{t('inbox.history.none')}</p>}
      {history.data && history.data.length > 0 && (
        <ol data-testid="history">
          {history.data.map((entry) => (
            <li key={entry.decisionId}>
              <time dateTime={entry.decidedAt}>{time(entry.decidedAt)}</time>{' '}
              <strong>{entry.automated ? t('inbox.history.rule', { rule: entry.ruleId ?? '' }) : entry.actor}</strong>{' '}
              {t(`inbox.action.${entry.action}` as MessageKey)}
              {entry.assignee && entry.action === 'assign' ? ` → ${entry.assignee}` : ''}
              {entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus
                ? ` (${t(`status.${entry.fromStatus}` as MessageKey)} → ${t(`status.${entry.toStatus}` as MessageKey)})`
                : ''}
              {entry.reason ? ` — ${entry.reason}` : ''}
              {entry.networkOutcome && (
                <span className={`outcome outcome-${entry.networkOutcome}`}>
                  {' '}
                  {t(`inbox.outcome.${entry.networkOutcome}.short` as MessageKey, {
                    action: t(`inbox.network.${entry.action}` as MessageKey),
                  })}
                  {entry.networkReason ? `: ${entry.networkReason}` : ''}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
