import { useEffect, useState } from 'react';
import { canModerate, type Me } from '../api/me';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { EmptyState } from '../ui/EmptyState';
import { loadCalendar, loadChannels, loadDeliveries, loadQueue, loadSettings, type Delivery } from '../calendar/api';
import { CalendarProblem } from '../calendar/CalendarProblem';
import { formatInstant, shiftDays, today } from '../calendar/time';
import type { Channel, Entry } from '../calendar/types';

const BADGE = { connected: 'status-approved', expiring: 'status-in-review', failing: 'status-failed', disconnected: 'status-failed' } as const;

/**
 * Connected; expiring with the token's expiry; failing with the last failure's reason and what to do; disconnected.
 * Without a state (an older publishing), connected when it has credentials.
 */
function ChannelState({ channel, zone }: { channel: Channel; zone: string | null }) {
  const { t, language } = useI18n();
  const state = channel.state ?? (channel.hasCredentials ? 'connected' : 'disconnected');
  const when = (instant: string) => (zone ? formatInstant(language, zone, instant) : instant);
  const label = channel.state || channel.hasCredentials ? t(`channels.state.${state}`) : t('channels.noCredentials');
  return (
    <>
      <span className={`badge ${BADGE[state]}`}>{label}</span>
      {state === 'expiring' && channel.tokenExpiresAt && <> {t('channels.expiresAt', { when: when(channel.tokenExpiresAt) })}</>}
      {state === 'failing' && channel.lastFailure && (
        <p className="problem" data-testid="channel-failure">{t('channels.failure', { when: when(channel.lastFailure.at), reason: channel.lastFailure.reason })}</p>
      )}
      {(state === 'failing' || state === 'disconnected' || state === 'expiring') && <p className="hint">{t('channels.reconnect')}</p>}
    </>
  );
}

/** The brand's accounts on the networks and what became of the latest posts. */
export default function Channels({ brand, me }: { brand: string; me: Me }) {
  const { t, language } = useI18n();
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [zone, setZone] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Entry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [nextSlots, setNextSlots] = useState<Record<string, string | null>>({});
  const [deliveries, setDeliveries] = useState<Record<string, Delivery[]>>({});
  const planner = canModerate(me);

  useEffect(() => {
    loadChannels(brand).then((loaded) => {
      setChannels(loaded);
      // Queues are the planners' (admin, community manager): others are not asked.
      if (!planner) return;
      loaded.forEach((c) => loadQueue(brand, c.id)
        .then((q) => setNextSlots((all) => ({ ...all, [c.id]: q.nextFreeSlot })))
        .catch(() => undefined));
    }).catch(setError);
    loadSettings(brand).then((s) => {
      setZone(s.timezone);
      const to = shiftDays(today(s.timezone), 1);
      return loadCalendar(brand, shiftDays(to, -31), to, language);
    }).then((view) => {
      const latest = view.days.flatMap((d) => d.posts)
        .filter((p) => ['publishing', 'published', 'failed'].includes(p.status)).reverse();
      setOutcomes(latest);
      // Each post's link or failure, network by network.
      latest.forEach((p) => loadDeliveries(brand, p.id)
        .then((list) => setDeliveries((all) => ({ ...all, [p.id]: list })))
        .catch(() => undefined));
    }).catch(setError);
  }, [brand, language, planner]);

  return (
    <section>
      <h1>{t('channels.title')}</h1>
      {error != null && <CalendarProblem error={error} />}
      {channels && channels.length === 0 && (
        <EmptyState title={t('channels.none.title')}><p>{t('channels.none.text')}</p></EmptyState>
      )}
      {channels && channels.length > 0 && (
        <table className="table" data-testid="channels">
          <caption>{t('channels.caption')}</caption>
          <thead>
            <tr><th scope="col">{t('channels.network')}</th><th scope="col">{t('channels.handle')}</th><th scope="col">{t('channels.server')}</th><th scope="col">{t('channels.state')}</th><th scope="col">{t('channels.since')}</th>{planner && <th scope="col">{t('channels.nextSlot')}</th>}</tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr key={c.id}>
                <td>{t(`network.${c.network}` as MessageKey)}</td>
                <td>{c.handle}</td>
                <td>{c.baseUrl ?? '—'}</td>
                <td data-testid="channel-state"><ChannelState channel={c} zone={zone} /></td>
                <td>{zone ? formatInstant(language, zone, c.updatedAt ?? c.createdAt) : ''}</td>
                {planner && <td>{zone && nextSlots[c.id] ? formatInstant(language, zone, nextSlots[c.id]!) : t('channels.noQueue')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('channels.outcomes')}</h2>
      {outcomes.length === 0 ? <p>{t('channels.noOutcomes')}</p> : (
        <ul data-testid="outcomes">
          {outcomes.map((p) => (
            <li key={p.id}>
              <span className={`badge status-${p.status}`}>{t(`calendar.status.${p.status}` as MessageKey)}</span>{' '}
              {zone && formatInstant(language, zone, p.plannedAt)} · {p.title} · {p.networks.map((n) => t(`network.${n}` as MessageKey)).join(', ')}
              {(deliveries[p.id] ?? []).length > 0 && (
                <ul className="deliveries">
                  {deliveries[p.id].map((d) => (
                    <li key={d.channelId} data-testid="delivery">
                      {t(`network.${d.network}` as MessageKey)} {d.handle}:{' '}
                      {d.url && /^https?:\/\//.test(d.url)
                        ? <a href={d.url} target="_blank" rel="noopener noreferrer">{t('channels.openPost')}</a>
                        : d.status === 'failed' ? <span className="problem">{d.lastError ?? t('calendar.status.failed' as MessageKey)}</span>
                          : t(`channels.delivery.${d.status}` as MessageKey)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
