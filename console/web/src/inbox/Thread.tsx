import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer, Fits } from '../api/schema';
import { useT } from '../i18n/i18n';
import type { InboxItem, InboxPage } from './types';

const SHOWN = 20;

/**
 * The conversation the item belongs to (the post commented on, or a private conversation): the other
 * items of the same thread, oldest first, and a way to filter the whole list on it.
 */
export function Thread({ base, item, onSelect, onThread, short }: {
  base: string;
  item: InboxItem;
  onSelect: (id: string) => void;
  onThread: (thread: string) => void;
  short: (iso: string) => string;
}) {
  const t = useT();
  const thread = item.thread;
  const others = useQuery({
    queryKey: ['thread', base, thread],
    queryFn: () => api<Fits<InboxPage, Answer<'moderation', '/brands/{brandId}/inbox'>>>(`${base}?${new URLSearchParams({ thread: thread!, limit: String(SHOWN) })}`),
    enabled: thread !== null,
  });
  return (
    <section aria-labelledby="thread-title" className="thread">
      <h3 id="thread-title">{t('inbox.thread')}</h3>
      {thread === null ? (
        <p className="hint">{t('inbox.thread.none')}</p>
      ) : (
        <>
          <ol data-testid="thread">
            {[...(others.data?.items ?? [])].reverse().map((other) => (
              <li key={other.id} aria-current={other.id === item.id ? 'true' : undefined}>
                <button type="button" className="link" onClick={() => onSelect(other.id)} disabled={other.id === item.id}>
                  <span className="author">{other.author ?? t('inbox.unknownAuthor')}</span>{' '}
                  <time dateTime={other.publishedAt}>{short(other.publishedAt)}</time>
                </button>
                <span className="text">{other.text}</span>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => onThread(thread)}>
            {t('inbox.thread.filter')}
          </button>
        </>
      )}
    </section>
  );
}
