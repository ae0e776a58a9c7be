// The charter as a form: every field a control named by its path, moderation's violations shown at their field.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { ACTIONS, LABELS, LEAVES, newLeaf, pretty, type Action, type Charter, type Condition, type Json, type Leaf, type Rule } from './model';

/** Moderation's violations by field path (`rules/0/when/all/1/label/minScore`). */
export const Violations = createContext<Map<string, string[]>>(new Map());

const idOf = (path: string) => `charter-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** A labelled control at a path of the document, with its violations under it. */
function Field({ path, label, children }: { path: string; label: string; children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const errors = useContext(Violations).get(path);
  const id = idOf(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': errors ? true : undefined, 'aria-describedby': errors ? `${id}-error` : undefined })}
      {errors && <p id={`${id}-error`} className="field-error" data-testid="field-error" data-path={path}>{errors.join(' ')}</p>}
    </div>
  );
}

/** Violations of a path that has no control of its own (a list, an object), shown where it is edited. */
function PathErrors({ path }: { path: string }) {
  const errors = useContext(Violations).get(path);
  return errors ? <p className="field-error" data-testid="field-error" data-path={path}>{errors.join(' ')}</p> : null;
}

/**
 * Text the user types that the document keeps in another form (a list, a number, JSON): kept as typed while it
 * still means the document's value, so that "a, " or "0." can be typed through.
 */
function useTyped<T>(value: T, format: (v: T) => string, same: (text: string, v: T) => boolean) {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    if (!same(text, value)) setText(format(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return [text, setText] as const;
}

const splitList = (text: string, separator: RegExp) => text.split(separator).map((s) => s.trim()).filter(Boolean);

function ListInput({ value, onChange, lines, ...props }: { value: string[]; onChange: (v: string[]) => void; lines?: boolean; id: string }) {
  const separator = lines ? /\n/ : /,/;
  const [text, setText] = useTyped(value, (v) => v.join(lines ? '\n' : ', '), (t, v) => JSON.stringify(splitList(t, separator)) === JSON.stringify(v));
  const change = (next: string) => {
    setText(next);
    onChange(splitList(next, separator));
  };
  return lines
    ? <textarea {...props} value={text} onChange={(e) => change(e.target.value)} />
    : <input {...props} value={text} onChange={(e) => change(e.target.value)} />;
}

function NumberInput({ value, onChange, ...props }: { value: number | undefined; onChange: (v: number | undefined) => void; id: string; step?: string }) {
  const [text, setText] = useTyped(value, (v) => (v === undefined ? '' : String(v)), (t, v) => (t.trim() === '' ? v === undefined : Number(t) === v));
  return (
    <input {...props} inputMode="decimal" value={text} onChange={(e) => {
      setText(e.target.value);
      const n = e.target.value.trim() === '' ? undefined : Number(e.target.value);
      onChange(n === undefined || Number.isNaN(n) ? undefined : n);
    }} />
  );
}

export function CharterForm({ charter, onChange, savedReplies }: { charter: Charter; onChange: (c: Charter) => void; savedReplies: { id: string; name: string }[] }) {
  const t = useT();
  const rules = charter.rules ?? [];
  const setRule = (i: number, rule: Rule | null) =>
    onChange({ ...charter, rules: rule ? rules.map((r, j) => (j === i ? rule : r)) : rules.filter((_, j) => j !== i) });
  const addRule = () => onChange({
    ...charter,
    rules: [...rules, { id: `rule-${rules.length + 1}`, name: '', priority: 100, when: newLeaf('keywords'), then: [{ action: 'hide' }] }],
  });
  return (
    <div className="charter-form" data-testid="charter-form">
      <div className="row">
        <Field path="timezone" label={t('charter.timezone')}>
          {(p) => <input {...p} value={charter.timezone ?? ''} onChange={(e) => onChange({ ...charter, timezone: e.target.value || undefined })} />}
        </Field>
        <Field path="topics" label={t('charter.topics')}>
          {(p) => <ListInput {...p} value={charter.topics ?? []} onChange={(topics) => onChange({ ...charter, topics })} />}
        </Field>
      </div>
      <PathErrors path="rules" />
      <ol className="rules">
        {rules.map((rule, i) => (
          <li key={i} data-testid="rule">
            <RuleEditor rule={rule} path={`rules/${i}`} onChange={(r) => setRule(i, r)} savedReplies={savedReplies} />
          </li>
        ))}
      </ol>
      <button type="button" onClick={addRule} data-testid="rule-add">{t('charter.rule.add')}</button>
    </div>
  );
}

function RuleEditor({ rule, path, onChange, savedReplies }: { rule: Rule; path: string; onChange: (r: Rule | null) => void; savedReplies: { id: string; name: string }[] }) {
  const t = useT();
  const set = (next: Partial<Rule>) => onChange({ ...rule, ...next });
  const then = rule.then ?? [];
  return (
    <fieldset className="rule">
      <legend>{t('charter.rule', { id: rule.id || '…' })}</legend>
      <div className="row">
        <Field path={`${path}/id`} label={t('charter.rule.id')}>
          {(p) => <input {...p} value={rule.id ?? ''} onChange={(e) => set({ id: e.target.value })} />}
        </Field>
        <Field path={`${path}/name`} label={t('charter.rule.name')}>
          {(p) => <input {...p} value={rule.name ?? ''} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <Field path={`${path}/priority`} label={t('charter.rule.priority')}>
          {(p) => <NumberInput {...p} value={rule.priority} onChange={(priority) => set({ priority })} />}
        </Field>
      </div>
      <div className="row">
        <label className="inline"><input type="checkbox" checked={rule.enabled !== false} onChange={(e) => set({ enabled: e.target.checked })} /> {t('charter.rule.enabled')}</label>
        <label className="inline"><input type="checkbox" checked={rule.stopAfterMatch === true} onChange={(e) => set({ stopAfterMatch: e.target.checked })} /> {t('charter.rule.stop')}</label>
      </div>
      <h4>{t('charter.when')}</h4>
      <When condition={rule.when} path={`${path}/when`} onChange={(when) => set({ when })} />
      <h4>{t('charter.then')}</h4>
      <PathErrors path={`${path}/then`} />
      <ul className="actions-list">
        {then.map((action, i) => (
          <li key={i}>
            <ActionEditor action={action} path={`${path}/then/${i}`} savedReplies={savedReplies}
              onChange={(a) => set({ then: a ? then.map((x, j) => (j === i ? a : x)) : then.filter((_, j) => j !== i) })} />
          </li>
        ))}
      </ul>
      <div className="action-row">
        <button type="button" onClick={() => set({ then: [...then, { action: 'tag', tags: [] }] })}>{t('charter.action.add')}</button>
        <button type="button" className="danger" onClick={() => onChange(null)}>{t('charter.rule.remove', { id: rule.id })}</button>
      </div>
    </fieldset>
  );
}

/** A rule's `when`: all or any of a list of conditions, or a single condition. */
function When({ condition, path, onChange }: { condition: Condition; path: string; onChange: (c: Condition) => void }) {
  const t = useT();
  const kind = Object.keys(condition ?? {})[0];
  const combined = (kind === 'all' || kind === 'any') && Array.isArray(condition[kind]);
  const items = combined ? (condition[kind] as Condition[]) : [condition];
  const mode = combined ? kind : 'single';
  const setItems = (next: Condition[]) => onChange(combined ? { [kind]: next } : next.length === 1 ? next[0] : { all: next });
  return (
    <div className="when">
      <Field path={`${path}/mode`} label={t('charter.when.mode')}>
        {(p) => (
          <select {...p} value={mode} onChange={(e) => (e.target.value === 'single' ? onChange(items[0] ?? newLeaf('keywords')) : onChange({ [e.target.value]: items }))}>
            <option value="all">{t('charter.when.all')}</option>
            <option value="any">{t('charter.when.any')}</option>
            {items.length <= 1 && <option value="single">{t('charter.when.single')}</option>}
          </select>
        )}
      </Field>
      <PathErrors path={path} />
      {combined && <PathErrors path={`${path}/${kind}`} />}
      <ul className="conditions">
        {items.map((c, i) => (
          <li key={i} data-testid="condition">
            <ConditionEditor condition={c} path={combined ? `${path}/${kind}/${i}` : path}
              onChange={(next) => setItems(next ? items.map((x, j) => (j === i ? next : x)) : items.filter((_, j) => j !== i))} />
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => onChange({ [combined ? kind : 'all']: [...items, newLeaf('keywords')] })}>{t('charter.condition.add')}</button>
    </div>
  );
}

/** One condition, `not` around it or not; a leaf field by field, anything else (nested all/any) as JSON. */
function ConditionEditor({ condition, path, onChange }: { condition: Condition; path: string; onChange: (c: Condition | null) => void }) {
  const t = useT();
  const negated = Object.keys(condition)[0] === 'not' && typeof condition.not === 'object' && condition.not !== null && !Array.isArray(condition.not);
  const inner = (negated ? condition.not : condition) as Condition;
  const innerPath = negated ? `${path}/not` : path;
  const kind = Object.keys(inner)[0] ?? '';
  const leaf = (LEAVES as readonly string[]).includes(kind);
  const wrap = (c: Condition, not = negated) => onChange(not ? { not: c } : c);
  const value = inner[kind] as Json;
  const object = (value ?? {}) as { [k: string]: Json };
  const setField = (field: string, v: Json | undefined) => {
    const next = { ...object };
    if (v === undefined) delete next[field];
    else next[field] = v;
    wrap({ [kind]: next });
  };
  const p = `${innerPath}/${kind}`;
  return (
    <div className="condition">
      <div className="row">
        <Field path={`${innerPath}/kind`} label={t('charter.condition.type')}>
          {(props) => (
            <select {...props} value={leaf ? kind : 'json'} onChange={(e) => wrap(e.target.value === 'json' ? { any: [inner] } : newLeaf(e.target.value as Leaf))}>
              {LEAVES.map((l) => <option key={l} value={l}>{t(`charter.condition.${l}` as MessageKey)}</option>)}
              <option value="json">{t('charter.condition.json')}</option>
            </select>
          )}
        </Field>
        <label className="inline"><input type="checkbox" checked={negated} onChange={(e) => wrap(inner, e.target.checked)} /> {t('charter.condition.not')}</label>
        <button type="button" className="danger" onClick={() => onChange(null)}>{t('charter.condition.remove')}</button>
      </div>
      <PathErrors path={innerPath} />
      {kind === 'label' && (
        <div className="row">
          <Field path={`${p}/name`} label={t('charter.label.name')}>
            {(props) => (
              <select {...props} value={String(object.name ?? '')} onChange={(e) => setField('name', e.target.value)}>
                {!LABELS.includes(String(object.name ?? '')) && <option value={String(object.name ?? '')}>{String(object.name ?? '')}</option>}
                {LABELS.map((l) => <option key={l} value={l}>{l}</option>)}
              </select>
            )}
          </Field>
          <Field path={`${p}/minScore`} label={t('charter.label.minScore')}>
            {(props) => <NumberInput {...props} step="0.05" value={object.minScore as number | undefined} onChange={(v) => setField('minScore', v)} />}
          </Field>
        </div>
      )}
      {kind === 'keywords' && (
        <Field path={p} label={t('charter.keywords')}>
          {(props) => <ListInput {...props} lines value={(value as string[]) ?? []} onChange={(v) => wrap({ keywords: v })} />}
        </Field>
      )}
      {(kind === 'sentiment' || kind === 'language' || kind === 'channel' || kind === 'kind') && (
        <Field path={p} label={t(`charter.list.${kind}` as MessageKey)}>
          {(props) => <ListInput {...props} value={(value as string[]) ?? []} onChange={(v) => wrap({ [kind]: v })} />}
        </Field>
      )}
      {kind === 'regex' && (
        <Field path={p} label={t('charter.regex')}>
          {(props) => <input {...props} value={String(value ?? '')} onChange={(e) => wrap({ regex: e.target.value })} />}
        </Field>
      )}
      {kind === 'repeatOffender' && (
        <div className="row">
          <Field path={`${p}/minPrevious`} label={t('charter.repeat.minPrevious')}>
            {(props) => <NumberInput {...props} value={object.minPrevious as number | undefined} onChange={(v) => setField('minPrevious', v)} />}
          </Field>
          <Field path={`${p}/withinDays`} label={t('charter.repeat.withinDays')}>
            {(props) => <NumberInput {...props} value={object.withinDays as number | undefined} onChange={(v) => setField('withinDays', v)} />}
          </Field>
        </div>
      )}
      {kind === 'timeOfDay' && (
        <div className="row">
          <Field path={`${p}/from`} label={t('charter.time.from')}>
            {(props) => <input {...props} value={String(object.from ?? '')} onChange={(e) => setField('from', e.target.value)} />}
          </Field>
          <Field path={`${p}/to`} label={t('charter.time.to')}>
            {(props) => <input {...props} value={String(object.to ?? '')} onChange={(e) => setField('to', e.target.value)} />}
          </Field>
        </div>
      )}
      {!leaf && <JsonCondition condition={inner} path={innerPath} onChange={(c) => wrap(c)} />}
    </div>
  );
}

/** A nested condition (all/any inside a condition) edited as JSON, applied while it reads as one object. */
function JsonCondition({ condition, path, onChange }: { condition: Condition; path: string; onChange: (c: Condition) => void }) {
  const t = useT();
  const [text, setText] = useTyped(condition, (c) => pretty(c), (s, c) => { try { return pretty(JSON.parse(s)) === pretty(c); } catch { return true; } });
  const [bad, setBad] = useState(false);
  return (
    <Field path={`${path}/json`} label={t('charter.condition.jsonField')}>
      {(props) => (
        <>
          <textarea {...props} className="json" spellCheck={false} value={text} aria-invalid={bad || props['aria-invalid'] ? true : undefined} onChange={(e) => {
            setText(e.target.value);
            try {
              const parsed = JSON.parse(e.target.value);
              const ok = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
              setBad(!ok);
              if (ok) onChange(parsed);
            } catch {
              setBad(true);
            }
          }} />
          {bad && <p className="field-error">{t('charter.json.invalid')}</p>}
        </>
      )}
    </Field>
  );
}

function ActionEditor({ action, path, onChange, savedReplies }: { action: Action; path: string; onChange: (a: Action | null) => void; savedReplies: { id: string; name: string }[] }) {
  const t = useT();
  const set = (next: Partial<Action>) => onChange({ ...action, ...next });
  return (
    <div className="row action">
      <Field path={`${path}/action`} label={t('charter.action')}>
        {(p) => (
          <select {...p} value={action.action} onChange={(e) => {
            const kind = e.target.value;
            onChange(kind === 'reply' ? { action: kind, savedReplyId: savedReplies[0]?.id ?? '', visibility: 'public' }
              : kind === 'assign' ? { action: kind, assignee: '' } : kind === 'tag' ? { action: kind, tags: [] } : { action: kind });
          }}>
            {ACTIONS.map((a) => <option key={a} value={a}>{t(`charter.action.${a}` as MessageKey)}</option>)}
          </select>
        )}
      </Field>
      {action.action === 'reply' && (
        <>
          <Field path={`${path}/savedReplyId`} label={t('charter.action.savedReply')}>
            {(p) => (
              <select {...p} value={action.savedReplyId ?? ''} onChange={(e) => set({ savedReplyId: e.target.value })}>
                {!savedReplies.some((r) => r.id === action.savedReplyId) && <option value={action.savedReplyId ?? ''}>{action.savedReplyId || '—'}</option>}
                {savedReplies.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
              </select>
            )}
          </Field>
          <Field path={`${path}/visibility`} label={t('charter.action.visibility')}>
            {(p) => (
              <select {...p} value={action.visibility ?? 'public'} onChange={(e) => set({ visibility: e.target.value })}>
                <option value="public">{t('charter.action.public')}</option>
                <option value="private">{t('charter.action.private')}</option>
              </select>
            )}
          </Field>
        </>
      )}
      {action.action === 'assign' && (
        <Field path={`${path}/assignee`} label={t('charter.action.assignee')}>
          {(p) => <input {...p} value={action.assignee ?? ''} onChange={(e) => set({ assignee: e.target.value })} />}
        </Field>
      )}
      {action.action === 'tag' && (
        <Field path={`${path}/tags`} label={t('charter.action.tags')}>
          {(p) => <ListInput {...p} value={action.tags ?? []} onChange={(tags) => set({ tags })} />}
        </Field>
      )}
      <button type="button" className="danger" onClick={() => onChange(null)}>{t('charter.action.remove')}</button>
    </div>
  );
}
