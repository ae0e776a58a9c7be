import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { NetworkAction } from './types';

/**
 * Where the item's hide, delete or reply stands on the network: requested until publishing reports,
 * then done or failed with the network's reason. Announced to screen readers as it changes.
 */
export function NetworkOutcome({ action, time }: { action: NetworkAction | null; time: (iso: string) => string }) {
  const t = useT();
  return (
    <div role="status" aria-live="polite" data-testid="network-outcome" data-outcome={action?.outcome ?? 'none'}>
      {action && (
        <p className={`outcome-line outcome-${action.outcome}`}>
          {t(`inbox.outcome.${action.outcome}` as MessageKey, {
            action:
              t(`inbox.network.${action.action}` as MessageKey) +
              (action.action === 'reply' && action.visibility === 'private' ? ` (${t('inbox.private')})` : ''),
            time: time(action.completedAt ?? action.requestedAt),
          })}
          {action.outcome === 'failed' && action.reason && (
            <>
              {' '}
              <span data-testid="network-reason">{action.reason}</span>
            </>
          )}
          {action.outcome === 'done' && action.resultUrl && /^https?:\/\//.test(action.resultUrl) && (
            <>
              {' '}
              <a href={action.resultUrl} target="_blank" rel="noopener noreferrer nofollow">
                {t('inbox.outcome.open')}
              </a>
            </>
          )}
        </p>
      )}
    </div>
  );
}
