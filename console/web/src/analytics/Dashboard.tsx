import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { Answer, Fits } from '../api/schema';
import type { Me } from '../api/me';
import { useI18n } from '../i18n/i18n';
import { messages, type MessageKey } from '../i18n/messages';
import { EmptyState } from '../ui/EmptyState';
import { ProblemMessage } from '../ui/Problem';
import {
  load, measurePath, type Authors, type BestTime, type Crisis, type Decisions, type Driver, type Drivers, type Engagement,
  type EngagementBreakdown, type EngagementBy, type Measure, type Period, type ResponseTimes, type ResponseTimesBreakdown,
  type ReviewRatings, type SentimentSeries, type TopPost, type Voice,
} from './api';
import { HorizontalBars, NetChart, RatingChart, VolumeChart, type VolumePoint } from './Charts';
import { locationName, ratingPoints } from './ratings';
import { LENGTHS, periodOf, previousOf, type Length } from './period';

const READERS = ['admin', 'community-manager', 'analyst'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** The brand's analytics over a period of its time zone, each chart with its table and CSV. */
export default function Dashboard({ brand, me }: { brand: string; me: Me }) {
  const { t } = useI18n();
  // Analytics answers its readers only (a client approver gets 403 on every measure): one message, no calls.
  if (!READERS.some((role) => me.roles.includes(role))) {
    return (
      <section className="dashboard" data-testid="dashboard">
        <h1>{t('analytics.title', { brand })}</h1>
        <EmptyState title={t('analytics.notReader.title')}><p>{t('analytics.notReader.text')}</p></EmptyState>
      </section>
    );
  }
  return <BrandDashboard brand={brand} />;
}

function BrandDashboard({ brand }: { brand: string }) {
  const { t, language } = useI18n();
  const settings = useQuery({
    queryKey: ['brand-settings', brand],
    queryFn: () => api<Fits<{ timezone: string }, Answer<'publishing', '/brands/{brandId}/settings'>>>(`/api/publishing/brands/${encodeURIComponent(brand)}/settings`),
    staleTime: 10 * 60_000,
  });
  // Without publishing's answer the browser's zone, said so; the figures wait for either.
  const zone = settings.data?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The period is in the address (#dashboard/90), so a link or a reload keeps it.
  const [days, setDaysState] = useState<Length>(() => LENGTHS.find((n) => window.location.hash === `#dashboard/${n}`) ?? 30);
  const setDays = (n: Length) => {
    window.history.replaceState(null, '', `#dashboard/${n}`);
    setDaysState(n);
  };
  const period = useMemo(() => periodOf(zone, days), [zone, days]);
  const previous = useMemo(() => previousOf(zone, days), [zone, days]);
  const ready = settings.isFetched;
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: 'medium' }), [language, zone]);
  const day = (instant: string) => dateFormat.format(new Date(instant));
  // Periods end at a midnight, excluded: the last day shown is the one before.
  const lastDay = (end: string) => day(new Date(new Date(end).getTime() - 1).toISOString());
  const dayFormat = useMemo(() => new Intl.DateTimeFormat(language, { timeZone: zone, day: 'numeric', month: 'short' }), [language, zone]);
  const tick = (start: string) => dayFormat.format(new Date(start));
  const reportPath = measurePath(brand, 'report', period, { tz: zone, lang: language });

  return (
    <section className="dashboard" data-testid="dashboard">
      <h1>{t('analytics.title', { brand })}</h1>
      <p className="hint">{settings.isSuccess ? t('analytics.zone', { zone }) : settings.isError ? t('analytics.browserZone', { zone }) : ''}</p>
      <div className="filters" role="group" aria-label={t('analytics.period')}>
        {LENGTHS.map((n) => (
          <button key={n} type="button" aria-pressed={days === n} onClick={() => setDays(n)} data-testid={`period-${n}`}>
            {t('analytics.lastDays', { days: n })}
          </button>
        ))}
        <span className="hint" data-testid="period">
          {day(period.from)} – {lastDay(period.to)} · {t('analytics.previous', { days, from: day(previous.from), to: lastDay(previous.to) })}
        </span>
        <a className="button-link" href={reportPath} target="_blank" rel="noopener" data-testid="report">{t('analytics.report')}</a>
      </div>
      {ready && <Sections brand={brand} period={period} previous={previous} tick={tick} />}
    </section>
  );
}

function useMeasure<T>(brand: string, measure: Measure<T>, period: Period, extra: Record<string, string> = {}) {
  return useQuery({
    queryKey: ['analytics', brand, measure, period, extra],
    queryFn: () => load<T>(brand, measure, period, extra),
    staleTime: 60_000,
  });
}

function Sections({ brand, period, previous, tick }: { brand: string; period: Period; previous: Period; tick: (s: string) => string }) {
  const { t, language } = useI18n();
  const tz = { tz: period.zone };
  const sentiment = useMeasure<SentimentSeries>(brand, 'sentiment', period, { ...tz, granularity: 'day' });
  const before = useMeasure<SentimentSeries>(brand, 'sentiment', previous, { ...tz, granularity: 'week' });
  const crisis = useMeasure<Crisis>(brand, 'crisis', period);
  const voices = useMeasure<{ voices: Voice[] }>(brand, 'share-of-voice', period);
  const drivers = useMeasure<Drivers>(brand, 'sentiment/drivers', period, { limit: '10' });
  const authors = useMeasure<Authors>(brand, 'authors', period, { limit: '5' });
  const responses = useMeasure<ResponseTimes>(brand, 'moderation/response-times', period);
  const responsesBefore = useMeasure<ResponseTimes>(brand, 'moderation/response-times', previous);
  const byChannel = useMeasure<ResponseTimesBreakdown>(brand, 'moderation/response-times/breakdown', period, { by: 'channel' });
  const ratings = useMeasure<ReviewRatings>(brand, 'reviews/ratings', period, { ...tz, granularity: 'day' });
  const decisions = useMeasure<Decisions>(brand, 'moderation/decisions', period);
  const engagement = useMeasure<Engagement>(brand, 'engagement', period, { ...tz, granularity: 'week' });
  const engagementBefore = useMeasure<Engagement>(brand, 'engagement', previous, { ...tz, granularity: 'week' });
  const [by, setBy] = useState<EngagementBy>('channel');
  const breakdown = useMeasure<EngagementBreakdown>(brand, 'engagement/breakdown', period, { by });
  const posts = useMeasure<{ posts: TopPost[] }>(brand, 'engagement/posts', period, { limit: '5' });
  const bestTime = useMeasure<BestTime>(brand, 'best-time', period, tz);
  const number = useMemo(() => new Intl.NumberFormat(language), [language]);
  const percent = useMemo(() => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }), [language]);
  const csv = (measure: string, extra: Record<string, string> = {}) => measurePath(brand, measure, period, extra, true);

  const points: VolumePoint[] = useMemo(() => (sentiment.data?.buckets ?? []).map((b) => ({
    start: b.start, positive: b.counts.positive, neutral: b.counts.neutral, negative: b.counts.negative, unscored: b.counts.unscored, net: b.counts.net,
  })), [sentiment.data]);
  // An episode is drawn over the buckets it touches (its end is exclusive).
  const episodes = useMemo(() => (crisis.data?.episodes ?? []).map((e) => ({
    x1: bucketOf(points, e.start), x2: bucketOf(points, new Date(new Date(e.end).getTime() - 1).toISOString()),
  })).filter((e) => e.x1 && e.x2), [crisis.data, points]);
  const sentimentNames = { positive: t('analytics.positive'), neutral: t('analytics.neutral'), negative: t('analytics.negative'), unscored: t('analytics.unscored') };

  const net = (n: number | null | undefined) => (n == null ? '—' : (n > 0 ? '+' : '') + n.toFixed(2));
  const seconds = (s: number | null | undefined) => (s == null ? '—' : s < 120 ? t('analytics.seconds', { n: Math.round(s) }) : t('analytics.minutes', { n: Math.round(s / 60) }));
  const count = (n: number | null) => (n == null ? '—' : number.format(n));
  const share = (s: number | null | undefined) => (s == null ? '—' : percent.format(s));

  return (
    <div className="dashboard-body">
      <Card id="comparison" wide title={t('analytics.comparison')} queries={[sentiment, before, responses, responsesBefore, engagement, engagementBefore]}>
        {() => (
          <table className="table figures" data-testid="figures">
            <thead><tr><th scope="col">{t('analytics.figure')}</th><th scope="col">{t('analytics.thisPeriod')}</th><th scope="col">{t('analytics.previousPeriod')}</th><th scope="col">{t('analytics.change')}</th></tr></thead>
            <tbody>
              <Figure name={t('analytics.mentions')} now={sentiment.data!.total.mentions} then={before.data!.total.mentions} show={count} testid="mentions" />
              <Figure name={t('analytics.net')} now={sentiment.data!.total.net} then={before.data!.total.net} show={net} absolute testid="net" />
              <Figure name={t('analytics.reach')} now={sentiment.data!.total.reach} then={before.data!.total.reach} show={count} />
              <Figure name={t('analytics.negative')} now={sentiment.data!.total.negative} then={before.data!.total.negative} show={count} testid="negative" />
              <Figure name={t('analytics.positive')} now={sentiment.data!.total.positive} then={before.data!.total.positive} show={count} testid="positive" />
              <Figure name={t('analytics.answered')} now={responses.data!.answered} then={responsesBefore.data!.answered} show={count} />
              <Figure name={t('analytics.medianResponse')} now={responses.data!.medianSeconds} then={responsesBefore.data!.medianSeconds} show={seconds} />
              <Figure name={t('analytics.withinSla')} now={responses.data!.withinSlaShare} then={responsesBefore.data!.withinSlaShare} show={share} absolute />
              <Figure name={t('analytics.posts')} now={engagement.data!.total.posts} then={engagementBefore.data!.total.posts} show={count} />
              <Figure name={t('analytics.engagement')} now={engagement.data!.total.engagement} then={engagementBefore.data!.total.engagement} show={count} />
            </tbody>
          </table>
        )}
      </Card>

      <Card id="volume" wide title={t('analytics.volume')} queries={[sentiment, crisis]} csv={csv('sentiment', { tz: period.zone, granularity: 'day' })}
        chart={() => <VolumeChart points={points} episodes={episodes} tick={tick} label={t('analytics.volume')} help={t('analytics.chartHelp')} names={sentimentNames} crisisLabel={t('analytics.crisis')} />}>
        {() => (
          <table className="table">
            <caption>{t('analytics.volume')}</caption>
            <thead><tr><th scope="col">{t('analytics.day')}</th><th scope="col">{t('analytics.mentions')}</th><th scope="col">{sentimentNames.positive}</th><th scope="col">{sentimentNames.neutral}</th><th scope="col">{sentimentNames.negative}</th><th scope="col">{sentimentNames.unscored}</th><th scope="col">{t('analytics.net')}</th></tr></thead>
            <tbody>{sentiment.data!.buckets.map((b) => (
              <tr key={b.start}><th scope="row">{tick(b.start)}</th><td>{b.counts.mentions}</td><td>{b.counts.positive}</td><td>{b.counts.neutral}</td><td>{b.counts.negative}</td><td>{b.counts.unscored}</td><td>{net(b.counts.net)}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Card>

      <Card id="crisis" title={t('analytics.crises')} queries={[crisis]} csv={csv('crisis')}>
        {() => crisis.data!.episodes.length === 0 ? <p>{t('analytics.noCrisis')}</p> : (
          <table className="table">
            <thead><tr><th scope="col">{t('analytics.start')}</th><th scope="col">{t('analytics.end')}</th><th scope="col">{t('analytics.peak')}</th><th scope="col">{t('analytics.mentions')}</th></tr></thead>
            <tbody>{crisis.data!.episodes.map((e) => (
              <tr key={e.start}><td>{fmt(e.start, period.zone, language)}</td><td>{fmt(e.end, period.zone, language)}</td><td>{t('analytics.peakOf', { n: e.peakMentions, expected: e.expectedAtPeak.toFixed(1) })}</td><td>{e.mentions}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Card>

      <Card id="net" wide title={t('analytics.netOverTime')} queries={[sentiment]} csv={csv('sentiment', { tz: period.zone, granularity: 'day' })}
        chart={() => <NetChart points={points} tick={tick} label={t('analytics.netOverTime')} help={t('analytics.chartHelp')} name={t('analytics.net')} />}>
        {() => (
          <table className="table">
            <thead><tr><th scope="col">{t('analytics.day')}</th><th scope="col">{t('analytics.net')}</th></tr></thead>
            <tbody>{sentiment.data!.buckets.map((b) => <tr key={b.start}><th scope="row">{tick(b.start)}</th><td>{net(b.counts.net)}</td></tr>)}</tbody>
          </table>
        )}
      </Card>

      <Card id="share-of-voice" title={t('analytics.shareOfVoice')} queries={[voices]} csv={csv('share-of-voice')}
        chart={() => <HorizontalBars rows={voices.data!.voices.map((v) => ({ name: v.name, value: v.share }))} label={t('analytics.shareOfVoice')} help={t('analytics.chartHelp')} name={t('analytics.share')} format={(v) => percent.format(v)} />}>
        {() => (
          <table className="table" data-testid="voices">
            <thead><tr><th scope="col">{t('analytics.party')}</th><th scope="col">{t('analytics.mentions')}</th><th scope="col">{t('analytics.share')}</th><th scope="col">{t('analytics.positiveShare')}</th><th scope="col">{t('analytics.negativeShare')}</th></tr></thead>
            <tbody>{voices.data!.voices.map((v) => (
              <tr key={v.party + v.name} data-party={v.party}><th scope="row">{v.name}</th><td>{v.mentions}</td><td>{share(v.share)}</td><td>{share(v.positiveShare)}</td><td>{share(v.negativeShare)}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Card>

      <Card id="drivers" wide title={t('analytics.drivers')} queries={[drivers]} csv={csv('sentiment/drivers', { limit: '10' })}>
        {() => <DriversView drivers={drivers.data!} zone={period.zone} />}
      </Card>

      <Card id="authors" wide title={t('analytics.authors')} queries={[authors]} csv={csv('authors', { limit: '5' })}>
        {() => (
          <div className="columns">
            {(['ambassadors', 'detractors', 'influencers'] as const).map((kind) => (
              <table key={kind} className="table" data-testid={kind}>
                <caption>{t(`analytics.${kind}` as MessageKey)}</caption>
                <thead><tr><th scope="col">{t('analytics.author')}</th><th scope="col">{t('analytics.mentions')}</th><th scope="col">{t('analytics.positive')}</th><th scope="col">{t('analytics.negative')}</th><th scope="col">{t('analytics.reach')}</th></tr></thead>
                <tbody>{authors.data![kind].length === 0
                  ? <tr><td colSpan={5}>{t('analytics.nobody')}</td></tr>
                  : authors.data![kind].map((a) => (
                    <tr key={a.author}><th scope="row">{a.author}</th><td>{a.mentions}</td><td>{a.positive}</td><td>{a.negative}</td><td>{number.format(a.reach)}</td></tr>
                  ))}</tbody>
              </table>
            ))}
          </div>
        )}
      </Card>

      <Card id="response-times" title={t('analytics.responseTimes')} queries={[responses]} csv={csv('moderation/response-times')}>
        {() => (
          <dl className="facts" data-testid="response-times">
            <dt>{t('analytics.answered')}</dt><dd>{number.format(responses.data!.answered)}</dd>
            <dt>{t('analytics.medianResponse')}</dt><dd>{seconds(responses.data!.medianSeconds)}</dd>
            <dt>{t('analytics.p90Response')}</dt><dd>{seconds(responses.data!.p90Seconds)}</dd>
            <dt>{t('analytics.slaTarget')}</dt><dd>{seconds(responses.data!.slaSeconds)}</dd>
            <dt>{t('analytics.withinSla')}</dt><dd>{share(responses.data!.withinSlaShare)}</dd>
          </dl>
        )}
      </Card>

      <Card id="response-channels" title={t('analytics.responseTimesByChannel')} queries={[byChannel]}
        csv={csv('moderation/response-times/breakdown', { by: 'channel' })}
        chart={byChannel.data?.slices.length ? () => <HorizontalBars rows={byChannel.data!.slices.map((s) => ({ name: channelName(t, s.channel), value: (s.medianSeconds ?? 0) / 60 }))}
          label={t('analytics.responseTimesByChannel')} help={t('analytics.chartHelp')} name={t('analytics.medianResponse')} format={(m) => seconds(m * 60)} /> : undefined}>
        {() => byChannel.data!.slices.length === 0 ? <p>{t('analytics.noAnswers')}</p> : (
          <table className="table" data-testid="response-channels">
            <thead><tr><th scope="col">{t('analytics.channel')}</th><th scope="col">{t('analytics.answered')}</th><th scope="col">{t('analytics.medianResponse')}</th><th scope="col">{t('analytics.p90Response')}</th><th scope="col">{t('analytics.withinSla')}</th></tr></thead>
            <tbody>{byChannel.data!.slices.map((s) => (
              <tr key={s.channel ?? ''} data-channel={s.channel ?? ''}><th scope="row">{channelName(t, s.channel)}</th><td>{number.format(s.answered)}</td><td>{seconds(s.medianSeconds)}</td><td>{seconds(s.p90Seconds)}</td><td>{share(s.withinSlaShare)}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Card>

      <Card id="ratings" wide title={t('analytics.ratings')} queries={[ratings]}
        chart={ratings.data?.locations.length ? () => <RatingChart points={ratingPoints(ratings.data!.locations)} names={ratings.data!.locations.map((l) => locationName(l.locationId))}
          tick={tick} label={t('analytics.ratings')} help={t('analytics.chartHelp')} /> : undefined}>
        {() => ratings.data!.locations.length === 0 ? <p>{t('analytics.noReviews')}</p> : (
          <table className="table" data-testid="ratings">
            <thead><tr><th scope="col">{t('analytics.location')}</th><th scope="col">{t('analytics.reviews')}</th><th scope="col">{t('analytics.averageRating')}</th><th scope="col">{t('analytics.averageRatingToDate')}</th></tr></thead>
            <tbody>{ratings.data!.locations.map((l) => (
              <tr key={l.locationId}><th scope="row" title={l.locationId}>{locationName(l.locationId)}</th><td>{l.reviews}</td><td>{l.averageRating?.toFixed(2) ?? '—'}</td><td>{l.averageRatingToDate?.toFixed(2) ?? '—'}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Card>

      <Card id="decisions" title={t('analytics.decisions')} queries={[decisions]} csv={csv('moderation/decisions')}
        chart={() => <HorizontalBars rows={decisionRows(decisions.data!, t)} label={t('analytics.decisions')} help={t('analytics.chartHelp')} name={t('analytics.count')} />}>
        {() => Object.keys(decisions.data!).length === 0 ? <p>{t('analytics.noDecisions')}</p> : (
          <table className="table">
            <thead><tr><th scope="col">{t('analytics.action')}</th><th scope="col">{t('analytics.count')}</th></tr></thead>
            <tbody>{decisionRows(decisions.data!, t).map((r) => <tr key={r.name}><th scope="row">{r.name}</th><td>{r.value}</td></tr>)}</tbody>
          </table>
        )}
      </Card>

      <Card id="engagement" title={t('analytics.engagementBy')} queries={[breakdown]} csv={csv('engagement/breakdown', { by })}
        tools={(
          <label>{t('analytics.by')}{' '}
            <select value={by} onChange={(e) => setBy(e.target.value as EngagementBy)} data-testid="engagement-by">
              <option value="channel">{t('analytics.by.channel')}</option>
              <option value="contentType">{t('analytics.by.contentType')}</option>
              <option value="tag">{t('analytics.by.tag')}</option>
            </select>
          </label>
        )}
        chart={() => <HorizontalBars rows={breakdown.data!.slices.map((s) => ({ name: sliceName(s, t), value: s.figures.engagement }))} label={t('analytics.engagementBy')} help={t('analytics.chartHelp')} name={t('analytics.engagement')} />}>
        {() => breakdown.data!.slices.length === 0 ? <p>{t('analytics.noPosts')}</p> : (
          <table className="table">
            <thead><tr><th scope="col">{t(`analytics.by.${by}` as MessageKey)}</th><th scope="col">{t('analytics.posts')}</th><th scope="col">{t('analytics.likes')}</th><th scope="col">{t('analytics.comments')}</th><th scope="col">{t('analytics.shares')}</th><th scope="col">{t('analytics.engagement')}</th><th scope="col">{t('analytics.rate')}</th></tr></thead>
            <tbody>{breakdown.data!.slices.map((s) => (
              <tr key={s.value}><th scope="row">{sliceName(s, t)}</th><td>{s.figures.posts}</td><td>{s.figures.likes}</td><td>{s.figures.comments}</td><td>{s.figures.shares}</td><td>{s.figures.engagement}</td><td>{share(s.figures.engagementRate)}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Card>

      <Card id="top-posts" title={t('analytics.topPosts')} queries={[posts]} csv={csv('engagement/posts', { limit: '5' })}>
        {() => posts.data!.posts.length === 0 ? <p>{t('analytics.noPosts')}</p> : (
          <table className="table">
            <thead><tr><th scope="col">{t('analytics.published')}</th><th scope="col">{t('analytics.network')}</th><th scope="col">{t('analytics.by.contentType')}</th><th scope="col">{t('analytics.engagement')}</th><th scope="col">{t('analytics.link')}</th></tr></thead>
            <tbody>{posts.data!.posts.map((p) => (
              <tr key={p.variantId}><td>{fmt(p.publishedAt, period.zone, language)}</td><td>{p.network}</td><td>{p.contentType}</td><td>{p.engagement ?? '—'}</td>
                <td>{p.url && /^https?:\/\//.test(p.url) ? <a href={p.url} target="_blank" rel="noopener noreferrer">{t('analytics.openPost')}</a> : '—'}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Card>

      <Card id="best-time" wide title={t('analytics.bestTime')} queries={[bestTime]} csv={csv('best-time', tz)}
        chart={() => <Heatmap cells={bestTime.data!.cells} />}>
        {() => (
          <table className="table">
            <thead><tr><th scope="col">{t('analytics.dayOfWeek')}</th><th scope="col">{t('analytics.hour')}</th><th scope="col">{t('analytics.posts')}</th><th scope="col">{t('analytics.averageEngagement')}</th><th scope="col">{t('analytics.score')}</th></tr></thead>
            <tbody>{bestTime.data!.cells.filter((c) => c.posts > 0).map((c) => (
              <tr key={c.dayOfWeek + c.hour}><th scope="row">{t(`analytics.day.${c.dayOfWeek}` as MessageKey)}</th><td>{c.hour} h</td><td>{c.posts}</td><td>{c.averageEngagement?.toFixed(1) ?? '—'}</td><td>{c.score.toFixed(1)}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

/** The page's word for a value the API names (an action, a network), else the API's own. */
function labelOf(t: Translate, prefix: string, value: string) {
  const key = prefix + value;
  return key in messages.en ? t(key as MessageKey) : value;
}

function decisionRows(decisions: Decisions, t: Translate) {
  return Object.entries(decisions).sort((a, b) => b[1] - a[1]).map(([action, value]) => ({ name: labelOf(t, 'analytics.action.', action), value }));
}

/** A channel of the inbox by the page's name for its network, else the source's own name (a webhook's). */
function channelName(t: Translate, channel: string | null) {
  return channel == null ? t('analytics.unknownChannel') : labelOf(t, 'network.', channel);
}

function sliceName(slice: EngagementBreakdown['slices'][number], t: Translate) {
  return slice.network ? `${labelOf(t, 'network.', slice.network)} ${slice.value.slice(0, 8)}` : slice.value;
}

function bucketOf(points: VolumePoint[], instant: string): string {
  const at = new Date(instant).getTime();
  let found = '';
  for (const p of points) if (new Date(p.start).getTime() <= at) found = p.start;
  return found;
}

function fmt(instant: string, zone: string, language: string) {
  return new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

function Figure({ name, now, then, show, absolute, testid }: {
  name: string; now: number | null; then: number | null; show: (n: number | null) => string; absolute?: boolean; testid?: string;
}) {
  const { t } = useI18n();
  let change = '—';
  if (now != null && then != null) {
    // Shares and net sentiment change in points; counts in percent of the previous period.
    if (absolute) change = `${now - then >= 0 ? '+' : ''}${(now - then).toFixed(2)}`;
    else if (then !== 0) change = `${now >= then ? '+' : ''}${Math.round(((now - then) / then) * 100)} %`;
    else change = now === 0 ? '0 %' : t('analytics.new');
  }
  return <tr data-testid={testid && `figure-${testid}`}><th scope="row">{name}</th><td className="now">{show(now)}</td><td>{show(then)}</td><td>{change}</td></tr>;
}

/** A section: title, chart or its table (the accessible twin), the CSV of the same figures. */
function Card({ id, title, queries, chart, csv, tools, wide, children }: {
  id: string;
  title: string;
  queries: { isSuccess: boolean; error: unknown }[];
  chart?: () => ReactNode;
  csv?: string;
  tools?: ReactNode;
  wide?: boolean;
  children: () => ReactNode;
}) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const heading = useId();
  const loaded = queries.every((q) => q.isSuccess);
  const failed = queries.find((q) => q.error != null);
  return (
    <section className={wide ? 'card wide' : 'card'} aria-labelledby={heading} data-card={id} data-ready={loaded ? 'true' : 'false'}>
      <header className="card-head">
        <h2 id={heading}>{title}</h2>
        {tools}
        {chart && (
          <button type="button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)} data-testid={`table-${id}`}>
            {t('analytics.tableView')}
          </button>
        )}
        {csv && <a href={csv} download={`${id}.csv`} data-testid={`csv-${id}`}>{t('analytics.csv')}</a>}
      </header>
      {failed ? <ProblemMessage error={failed.error} /> : !loaded ? <p className="hint">{t('analytics.loading')}</p>
        : chart && !asTable ? <div className="chart">{chart()}</div> : children()}
    </section>
  );
}

function DriversView({ drivers, zone }: { drivers: Drivers; zone: string }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState<Driver | null>(null);
  const examples = useId();
  const side = (kind: 'negative' | 'positive') => (
    <div>
      <h3>{t(`analytics.drivers.${kind}` as MessageKey)}</h3>
      {drivers[kind].length === 0 ? <p>{t('analytics.noDrivers')}</p> : (
        <table className="table drivers" data-testid={`drivers-${kind}`}>
          <thead><tr><th scope="col">{t('analytics.term')}</th><th scope="col">{t('analytics.z')}</th><th scope="col">{t('analytics.negative')}</th><th scope="col">{t('analytics.positive')}</th></tr></thead>
          <tbody>{drivers[kind].map((d) => (
            <tr key={d.term}>
              <th scope="row">
                <button type="button" className={`term ${kind}`} aria-expanded={open === d} aria-controls={examples} onClick={() => setOpen(open === d ? null : d)}>{d.term}</button>
              </th>
              <td>{d.z.toFixed(2)}</td><td>{d.negativeMentions}</td><td>{d.positiveMentions}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </div>
  );
  return (
    <>
      {drivers.insufficientData && (
        <p className="hint">{t('analytics.insufficient', drivers.insufficientData)}</p>
      )}
      <div className="columns">{side('negative')}{side('positive')}</div>
      <div id={examples} aria-live="polite">
        {open && (
          <section className="examples" data-testid="driver-examples">
            <h3>{t('analytics.examplesOf', { term: open.term })}</h3>
            <ul>{open.examples.map((e) => (
              <li key={e.mentionId} data-testid="driver-example">
                <span className="author">{e.author ?? '—'}</span> · {fmt(e.publishedAt, zone, language)} · {labelOf(t, 'analytics.', e.sentiment)}
                <p className="mention-text">{e.text}</p>
                {e.url && /^https?:\/\//.test(e.url) && <a href={e.url} target="_blank" rel="noopener noreferrer">{t('analytics.openOriginal')}</a>}
              </li>
            ))}</ul>
          </section>
        )}
      </div>
    </>
  );
}

function Heatmap({ cells }: { cells: BestTime['cells'] }) {
  const { t } = useI18n();
  const max = Math.max(0, ...cells.map((c) => c.score));
  const at = new Map(cells.map((c) => [`${c.dayOfWeek}-${c.hour}`, c]));
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <table className="heatmap" data-testid="heatmap">
      <caption className="sr-only">{t('analytics.bestTime')}</caption>
      <thead><tr><td />{hours.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
      <tbody>{DAYS.map((d) => (
        <tr key={d}>
          <th scope="row">{t(`analytics.day.${d}` as MessageKey)}</th>
          {hours.map((h) => {
            const c = at.get(`${d}-${h}`);
            const level = c && max > 0 ? Math.ceil((c.score / max) * 5) : 0;
            return <td key={h} className={`heat-${level}`} title={c ? t('analytics.cell', { posts: c.posts, score: c.score.toFixed(0) }) : ''}>
              <span className="sr-only">{c ? t('analytics.cell', { posts: c.posts, score: c.score.toFixed(0) }) : ''}</span>
            </td>;
          })}
        </tr>
      ))}</tbody>
    </table>
  );
}
