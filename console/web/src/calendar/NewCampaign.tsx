import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { createCampaign } from './api';
import { CalendarProblem } from './CalendarProblem';
import { shiftDays, type LocalDate } from './time';
import type { Campaign } from './types';

/**
 * Creates a campaign from the composer (publishing's POST /campaigns): name, colour, first and last day (local dates,
 * the last included). Not a nested form: its button sends it, the composer's submit stays the post's.
 */
export function NewCampaign({ brand, from, onCreated, onCancel }: {
  brand: string; from: LocalDate; onCreated: (campaign: Campaign) => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [color, setColor] = useState('#c0392b');
  const [startDate, setStartDate] = useState(from);
  const [endDate, setEndDate] = useState(shiftDays(from, 30));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // One key per campaign being written: a doubled click creates it once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const create = async () => {
    setSaving(true);
    setError(null);
    try {
      onCreated(await createCampaign(brand, { name: name.trim(), color, startDate, endDate }, idempotencyKey));
    } catch (refused) {
      setError(refused);
    } finally {
      setSaving(false);
    }
  };

  return (
    <fieldset className="new-campaign" data-testid="new-campaign">
      <legend>{t('campaign.new')}</legend>
      <label>{t('campaign.name')} <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="campaign-name" /></label>
      <label>{t('campaign.color')} <input type="color" value={color} onChange={(e) => setColor(e.target.value)} data-testid="campaign-color" /></label>
      <label>{t('campaign.start')} <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} data-testid="campaign-start" /></label>
      <label>{t('campaign.end')} <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} data-testid="campaign-end" /></label>
      {error != null && <CalendarProblem error={error} />}
      <div className="form-actions">
        <button type="button" disabled={saving || !name.trim()} onClick={create} data-testid="campaign-create">{t('campaign.create')}</button>
        <button type="button" onClick={onCancel}>{t('campaign.cancel')}</button>
      </div>
    </fieldset>
  );
}
