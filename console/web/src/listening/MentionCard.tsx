import { useT } from '../i18n/i18n';
import { useBrandTimeZone, useZonedFormat } from '../inbox/time';
import { safeUrl, type Mention } from './api';

/** Every time of the listening screens in the brand's time zone (publishing's settings), as the inbox does. */
export function useBrandTime(brand: string) {
  const { zone } = useBrandTimeZone(brand);
  return useZonedFormat(zone).short;
}

/** One mention: author, source, time, sentiment, its text (as text), its story's size, the original. */
export function MentionCard({ brand, mention, storySize }: { brand: string; mention: Mention; storySize?: number }) {
  const t = useT();
  const time = useBrandTime(brand);
  const original = safeUrl(mention.url);
  return (
    <li className="mention" data-testid="mention">
      <p className="mention-head">
        <span className="author">{mention.author ?? t('listening.mention.anonymous')}</span>{' '}
        <span className="tag">{mention.source}</span>{' '}
        {mention.language && <span className="tag">{mention.language}</span>}{' '}
        {mention.sentiment && <span className={`tag sentiment-${mention.sentiment.label}`}>{t(`listening.sentiment.${mention.sentiment.label}` as 'listening.sentiment.neutral')}</span>}{' '}
        <time dateTime={mention.publishedAt}>{time(mention.publishedAt)}</time>
      </p>
      <p className="mention-text" data-testid="mention-text">{mention.text}</p>
      <p className="action-row">
        {storySize !== undefined && storySize > 1 && (
          <span className="tag story" data-testid="story-size">{t('listening.mention.story', { count: storySize })}</span>
        )}
        {original && <a href={original} target="_blank" rel="noopener noreferrer">{t('listening.mention.open')}</a>}
      </p>
    </li>
  );
}
