import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { canModerate, type Me } from '../api/me';
import { useT } from '../i18n/i18n';
import { EmptyState } from '../ui/EmptyState';
import { ProblemMessage } from '../ui/Problem';
import { addAlertRule, loadAlertRules, loadRuleHistory, removeAlertRule, type AlertRule, type AlertRuleDraft } from './api';
import { useBrandTime } from './MentionCard';

/** Alert rules (keywords, negative spike) with their webhook, and the alerts each one raised. */
export function Alerts({ brand, me }: { brand: string; me: Me }) {
  const t = useT();
  const rules = useQuery({ queryKey: ['alert-rules', brand], queryFn: () => loadAlertRules(brand) });
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<AlertRule | null>(null);
  const canEdit = canModerate(me);
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('listening.alerts')}</h2>
      <p className="hint">{t('listening.alerts.hint')}</p>
      {rules.error != null && <ProblemMessage error={rules.error} />}
      {canEdit && !adding && <button type="button" onClick={() => setAdding(true)} data-testid="alert-new">{t('listening.alert.new')}</button>}
      {adding && <AlertForm brand={brand} onDone={(rule) => { setAdding(false); setSecret(rule); }} />}
      {secret?.webhookSecret && (
        <div className="notice" role="status">
          <p>{t('listening.alert.secretOnce', { name: secret.name })}</p>
          <code>{secret.webhookSecret}</code>
        </div>
      )}
      {rules.data?.length === 0 && !adding && (
        <EmptyState title={t('listening.alerts.empty.title')}><p>{t('listening.alerts.empty.text')}</p></EmptyState>
      )}
      <ul className="cards" data-testid="alert-rules">
        {rules.data?.map((rule) => (
          <AlertRuleCard key={rule.id} brand={brand} rule={rule} canEdit={canEdit} />
        ))}
      </ul>
    </section>
  );
}

function AlertRuleCard({ brand, rule, canEdit }: { brand: string; rule: AlertRule; canEdit: boolean }) {
  const t = useT();
  const raised = useQuery({ queryKey: ['alerts-raised', brand, rule.id], queryFn: () => loadRuleHistory(brand, rule.id), refetchInterval: 30_000 });
  const history = raised.data ?? [];
  const time = useBrandTime(brand);
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    try {
      await removeAlertRule(brand, rule.id);
      await client.invalidateQueries({ queryKey: ['alert-rules', brand] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li data-testid="alert-rule">
      <h3>{rule.name} <span className="tag">{t(rule.type === 'keyword' ? 'listening.alert.keyword' : 'listening.alert.spike')}</span></h3>
      <p>
        {rule.type === 'keyword'
          ? t('listening.alert.keywords', { keywords: rule.keywords.join(', ') })
          : t('listening.alert.spikeRule', { min: rule.minMentions, factor: rule.factor })}
      </p>
      <p className="hint">
        {rule.webhookUrl ? t('listening.alert.webhook', { url: rule.webhookUrl }) : t('listening.alert.noWebhook')}
        {' · '}{rule.lastRaisedAt ? t('listening.alert.lastRaised', { when: time(rule.lastRaisedAt) }) : t('listening.alert.neverRaised')}
      </p>
      {history.length > 0 && (
        <details>
          <summary>{t('listening.alert.history', { count: history.length })}</summary>
          <ul className="history">
            {history.map((a) => (
              <li key={a.id}>
                <time dateTime={a.raisedAt}>{time(a.raisedAt)}</time> — {a.summary}
                {' '}<span className="tag">{t('listening.alert.delivery', { status: a.webhookStatus, attempts: a.webhookAttempts })}</span>
                {a.lastError && <span className="hint"> {a.lastError}</span>}
                {a.retractedAt && <span className="hint"> {t('listening.alert.retracted', { when: time(a.retractedAt), reason: a.retractionReason ?? '' })}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {error != null && <ProblemMessage error={error} />}
      {canEdit && !confirming && <button type="button" className="danger" onClick={() => setConfirming(true)}>{t('listening.remove')}</button>}
      {confirming && (
        <div role="alertdialog" aria-label={t('listening.alert.remove.confirm', { name: rule.name })} className="confirm">
          <p>{t('listening.alert.remove.confirm', { name: rule.name })}</p>
          <button type="button" className="danger" autoFocus onClick={remove}>{t('listening.remove.yes')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('listening.cancel')}</button>
        </div>
      )}
    </li>
  );
}

function AlertForm({ brand, onDone }: { brand: string; onDone: (created: AlertRule | null) => void }) {
  const t = useT();
  const client = useQueryClient();
  const [type, setType] = useState<AlertRule['type']>('keyword');
  const [name, setName] = useState('');
  const [keywords, setKeywords] = useState('');
  const [minMentions, setMinMentions] = useState('10');
  const [factor, setFactor] = useState('3');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [error, setError] = useState<unknown>(null);
  const violations = error instanceof ApiError ? (error.problem.violations ?? []) : [];
  const violation = (field: string) => violations.filter((v) => v.field === field || v.field.startsWith(`${field}[`)).map((v) => v.message).join(' ') || undefined;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body: AlertRuleDraft = { name, type };
    if (type === 'keyword') body.keywords = keywords.split('\n').map((k) => k.trim()).filter(Boolean);
    else Object.assign(body, { minMentions: Number(minMentions), factor: Number(factor) });
    if (webhookUrl) body.webhookUrl = webhookUrl;
    try {
      const created = await addAlertRule(brand, body);
      await client.invalidateQueries({ queryKey: ['alert-rules', brand] });
      onDone(created);
    } catch (e) {
      setError(e);
    }
  };
  const described = (field: string) => ({
    'aria-invalid': violation(field) ? true : undefined,
    'aria-describedby': violation(field) ? `alert-${field}-error` : undefined,
  });
  const fieldError = (field: string) => violation(field) && <p id={`alert-${field}-error`} className="field-error">{violation(field)}</p>;
  return (
    <form onSubmit={save} className="panel" aria-labelledby="alert-form-title" data-testid="alert-form">
      <h3 id="alert-form-title">{t('listening.alert.new')}</h3>
      <label htmlFor="alert-name">{t('listening.alert.name')}</label>
      <input id="alert-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} {...described('name')} />
      {fieldError('name')}
      <label htmlFor="alert-type">{t('listening.alert.type')}</label>
      <select id="alert-type" value={type} onChange={(e) => setType(e.target.value as AlertRule['type'])}>
        <option value="keyword">{t('listening.alert.keyword')}</option>
        <option value="negative-spike">{t('listening.alert.spike')}</option>
      </select>
      {type === 'keyword' ? (
        <>
          <label htmlFor="alert-keywords">{t('listening.alert.keywordsField')}</label>
          <textarea id="alert-keywords" required value={keywords} onChange={(e) => setKeywords(e.target.value)} {...described('keywords')} />
          {fieldError('keywords')}
        </>
      ) : (
        <>
          <label htmlFor="alert-min">{t('listening.alert.minMentions')}</label>
          <input id="alert-min" type="number" min={1} required value={minMentions} onChange={(e) => setMinMentions(e.target.value)} {...described('minMentions')} />
          {fieldError('minMentions')}
          <label htmlFor="alert-factor">{t('listening.alert.factor')}</label>
          <input id="alert-factor" type="number" min={1} step="0.1" required value={factor} onChange={(e) => setFactor(e.target.value)} {...described('factor')} />
          {fieldError('factor')}
        </>
      )}
      <label htmlFor="alert-webhook">{t('listening.alert.webhookField')}</label>
      <input id="alert-webhook" type="url" maxLength={2048} value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} {...described('webhookUrl')} />
      {fieldError('webhookUrl')}
      {error != null && violations.length === 0 && <ProblemMessage error={error} />}
      <div className="action-row">
        <button type="submit">{t('listening.save')}</button>
        <button type="button" onClick={() => onDone(null)}>{t('listening.cancel')}</button>
      </div>
    </form>
  );
}
