import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer, Fits } from '../api/schema';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { InboxItem, ItemTimeline, TimelineEntry } from './types';

/**
 * Everything that happened to the item, oldest first, from moderation's own history of it: decisions (by a person or
 * a charter rule), edits and deletion at the source, the brand's replies seen on the network, each network outcome.
 */
export function ItemHistory({ brand, url, item, time }: {
  brand: string;
  url: string;
  item: InboxItem;
  time: (iso: string) => string;
}) {
  const t = useT();
  const history = useQuery({
    // The item's version and network outcome change with each decision and report: read again then.
    queryKey: ['history', url, item.version, item.networkAction?.outcome],
    queryFn: () => api<Fits<ItemTimeline, Answer<'moderation', '/brands/{brandId}/inbox/{itemId}/history'>>>(`/api/moderation/brands/${encodeURIComponent(brand)}/inbox/${encodeURIComponent(item.id)}/history`),
    select: (timeline) => timeline.entries,
  });
  return (
    <section aria-labelledby="history-title" className="history">
      <h3 id="history-title">{t('inbox.history')}</h3>
      <p className="hint">{t('inbox.history.received', { time: time(item.receivedAt) })}</p>
      {history.data && history.data.length === 0 && <p className="hint">{t('inbox.history.none')}</p>}
      {history.data && history.data.length > 0 && (
        <ol data-testid="history">
          {history.data.map((entry, i) => (
            <li key={`${entry.at}-${i}`}>
              <time dateTime={entry.at}>{time(entry.at)}</time> <Line entry={entry} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Line({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  const who = entry.ruleId ? t('inbox.history.rule', { rule: entry.ruleId }) : entry.actor;
  switch (entry.kind) {
    case 'edited':
      return <>{t('inbox.history.edited')}{entry.text ? <> <q>{entry.text}</q></> : null}</>;
    case 'withdrawn':
      return <>{t('inbox.history.withdrawn')}</>;
    case 'note':
      return <><strong>{entry.actor}</strong> {t('inbox.history.note')} <q>{entry.text}</q></>;
    case 'brand-replied':
      return <><strong>{entry.actor}</strong> {t('inbox.history.brandReplied')}{entry.text ? <> <q>{entry.text}</q></> : null}</>;
    case 'network-outcome':
      return (
        <span className={`outcome outcome-${entry.outcome}`}>
          {t(`inbox.outcome.${entry.outcome}.short` as MessageKey, { action: t(`inbox.network.${entry.action}` as MessageKey) })}
          {entry.reason ? `: ${entry.reason}` : ''}
          {entry.resultUrl && /^https?:\/\//.test(entry.resultUrl) && <> <a href={entry.resultUrl} target="_blank" rel="noopener noreferrer">{t('inbox.history.result')}</a></>}
        </span>
      );
    default:
      return (
        <>
          <strong>{who}</strong> {t(`inbox.action.${entry.action}` as MessageKey)}
          {entry.assignee && entry.action === 'assign' ? ` → ${entry.assignee}` : ''}
          {entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus
            ? ` (${t(`status.${entry.fromStatus}` as MessageKey)} → ${t(`status.${entry.toStatus}` as MessageKey)})`
            : ''}
          {entry.reason ? ` — ${entry.reason}` : ''}
        </>
      );
  }
}
