import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { bestSlots, createPost, editPost, loadCampaigns, loadPost } from './api';
import { CalendarProblem } from './CalendarProblem';
import { NewCampaign } from './NewCampaign';
import { countFor, NETWORKS, type Network } from './counting';
import { formatInstant, instantOf, shiftDays, today, wallTimeOf } from './time';
import type { BestSlot, Campaign, PostRequest } from './types';

interface Draft {
  network: Network;
  text: string;
  media: string;
}

const VIDEO = /\.(mp4|mov|m4v|webm)$/i;
const mediaOf = (media: string) => media.split('\n').map((m) => m.trim()).filter(Boolean);

/** As publishing tells them apart: by the file extension of the URL's path. */
function isVideo(url: string): boolean {
  try {
    return VIDEO.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Writes a post: one variant per network with a live counter counting as publishing does, media, slot, campaign, tags. */
export function Composer({ brand, zone, editing, onSaved, onCancel }: {
  brand: string; zone: string; editing: string | null; onSaved: (id: string) => void; onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(shiftDays(today(zone), 1));
  const [time, setTime] = useState('10:00');
  const [unplanned, setUnplanned] = useState(false);
  const [tags, setTags] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [variants, setVariants] = useState<Draft[]>([{ network: 'mastodon', text: '', media: '' }]);
  const [slots, setSlots] = useState<BestSlot[]>([]);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [saving, setSaving] = useState(false);
  const [addingCampaign, setAddingCampaign] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One key per composition: a retried or doubled save creates the post once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    // Suggestions only: without analytics the composer still works.
    bestSlots(brand, zone).then((best) => setSlots(best.slots)).catch(() => setSlots([]));
    loadCampaigns(brand).then(setCampaigns).catch(setError);
    if (!editing) return;
    loadPost(brand, editing).then((post) => {
      setTitle(post.title);
      if (post.plannedAt) {
        const [d, hm] = wallTimeOf(zone, post.plannedAt);
        setDate(d);
        setTime(hm);
      }
      setUnplanned(!post.plannedAt);
      setTags(post.tags.join(', '));
      setCampaignId(post.campaignId ?? '');
      setVariants(post.variants.map((v) => ({ network: v.network, text: v.text, media: (v.media ?? []).join('\n') })));
    }).catch(setError);
  }, [brand, zone, editing]);

  const counts = useMemo(() => variants.map((v) => countFor(v.network, v.text)), [variants]);
  const blocked = counts.some((c) => c.over) || variants.some((v) => !v.text.trim()) || !title.trim() || variants.length === 0;
  const unused = NETWORKS.filter((n) => !variants.some((v) => v.network === n));

  const change = (i: number, patch: Partial<Draft>) => setVariants((all) => all.map((v, j) => (j === i ? { ...v, ...patch } : v)));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    const body: PostRequest = {
      title: title.trim(),
      plannedAt: unplanned ? null : instantOf(zone, date, time),
      tags: tags.split(',').map((tag) => tag.trim()).filter(Boolean),
      campaignId: campaignId || null,
      variants: variants.map((v) => ({ network: v.network, text: v.text, media: mediaOf(v.media) })),
    };
    setSaving(true);
    setError(null);
    try {
      const post = editing ? await editPost(brand, editing, body) : await createPost(brand, body, idempotencyKey);
      onSaved(post.id);
    } catch (refused) {
      setError(refused);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="composer" onSubmit={save} aria-labelledby="composer-title" data-testid="composer">
      <h2 id="composer-title">{editing ? t('composer.edit') : t('composer.new')}</h2>
      <label>
        {t('composer.postTitle')}
        <input value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} data-testid="composer-title" />
      </label>
      <fieldset>
        <legend>{t('composer.when', { zone })}</legend>
        <label className="inline">
          <input type="checkbox" checked={unplanned} onChange={(e) => setUnplanned(e.target.checked)} data-testid="composer-unplanned" /> {t('composer.unplanned')}
        </label>
        <label>{t('composer.date')} <input type="date" value={date} required={!unplanned} disabled={unplanned} onChange={(e) => setDate(e.target.value)} data-testid="composer-date" /></label>
        <label>{t('composer.time')} <input type="time" value={time} required={!unplanned} disabled={unplanned} onChange={(e) => setTime(e.target.value)} data-testid="composer-time" /></label>
        {slots.length > 0 && (
          <div className="best-slots">
            <span>{t('composer.bestSlots')}</span>
            {slots.map((slot) => (
              <button type="button" key={slot.start} data-testid="best-slot" onClick={() => {
                const [d, hm] = wallTimeOf(zone, slot.start);
                setDate(d);
                setTime(hm);
              }}>
                {formatInstant(language, zone, slot.start)}
              </button>
            ))}
          </div>
        )}
      </fieldset>
      <label>
        {t('composer.campaign')}
        <select value={campaignId} onChange={(e) => setCampaignId(e.target.value)} data-testid="composer-campaign">
          <option value="">{t('composer.noCampaign')}</option>
          {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      {addingCampaign ? (
        <NewCampaign brand={brand} from={date} onCancel={() => setAddingCampaign(false)} onCreated={(created) => {
          setCampaigns((all) => [...all, created]);
          setCampaignId(created.id);
          setAddingCampaign(false);
        }} />
      ) : (
        <button type="button" className="add-campaign" onClick={() => setAddingCampaign(true)} data-testid="add-campaign">{t('campaign.add')}</button>
      )}
      <label>
        {t('composer.tags')}
        <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="noel, hiver" data-testid="composer-tags" />
      </label>
      {variants.map((v, i) => {
        const count = counts[i];
        const counterId = `counter-${v.network}`;
        return (
          <fieldset key={v.network} className={count.over ? 'variant over' : 'variant'} data-testid={`variant-${v.network}`}>
            <legend>{t(`network.${v.network}` as MessageKey)}</legend>
            <label>
              {t('composer.text')}
              <textarea value={v.text} aria-describedby={counterId} aria-invalid={count.over} data-testid={`text-${v.network}`}
                onChange={(e) => change(i, { text: e.target.value })} />
            </label>
            <p id={counterId} className={count.over ? 'counter over' : 'counter'} data-testid={`counter-${v.network}`} aria-live="polite">
              {t(`composer.unit.${count.unit}` as MessageKey, { count: count.count, max: count.max })}
              {count.count > count.max && ` — ${t('composer.tooLong', { excess: count.count - count.max })}`}
              {count.hashtags !== undefined && ` — ${t('composer.tooManyHashtags', { count: count.hashtags })}`}
              {count.mentions !== undefined && ` — ${t('composer.tooManyMentions', { count: count.mentions })}`}
            </p>
            <label>
              {t('composer.media')}
              <textarea className="media" value={v.media} onChange={(e) => change(i, { media: e.target.value })} placeholder="https://…/photo.jpg"
                data-testid={`media-${v.network}`} />
            </label>
            <div className="previews">
              {mediaOf(v.media).filter((url) => url.startsWith('https://')).map((url) =>
                isVideo(url)
                  ? <video key={url} src={url} controls muted preload="metadata" aria-label={url} />
                  : <img key={url} src={url} alt={t('composer.preview', { url })} />)}
            </div>
            {variants.length > 1 && (
              <button type="button" onClick={() => setVariants((all) => all.filter((_, j) => j !== i))}>
                {t('composer.removeVariant', { network: t(`network.${v.network}` as MessageKey) })}
              </button>
            )}
          </fieldset>
        );
      })}
      {unused.length > 0 && (
        <div className="add-variant">
          <span>{t('composer.addVariant')}</span>
          {unused.map((n) => (
            <button type="button" key={n} data-testid={`add-${n}`} onClick={() => setVariants((all) => [...all, { network: n, text: '', media: '' }])}>
              {t(`network.${n}` as MessageKey)}
            </button>
          ))}
        </div>
      )}
      {error != null && <CalendarProblem error={error} />}
      {counts.some((c) => c.over) && <p className="problem" data-testid="blocked">{t('composer.blocked')}</p>}
      <div className="form-actions">
        <button type="submit" disabled={blocked || saving} data-testid="composer-save">{editing ? t('composer.saveEdit') : t('composer.saveDraft')}</button>
        <button type="button" onClick={onCancel}>{t('composer.cancel')}</button>
      </div>
    </form>
  );
}
