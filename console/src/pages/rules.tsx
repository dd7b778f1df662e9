/** A connection's page: its status and listings, and its rules with a preview before saving. */
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { type I18n, type MessageKey, useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { canChange, useSession } from '../session.tsx';
import type { Connection, PreviewRow, Rules } from '../types.ts';
import {
  Badge,
  connectionTone,
  ErrorMessage,
  errorWords,
  FieldError,
  Loading,
  Notice,
  PageTitle,
  useAction,
  useLoad,
  useNotice,
} from '../ui.tsx';

type Fields = Record<string, string>;

const numberFields = {
  stock: ['buffer_units', 'buffer_percent', 'max_qty', 'zero_below'],
  price: ['markup_percent', 'markup_fixed'],
} as const;

function toFields(rules: Rules): Fields {
  const f: Fields = {};
  for (const k of numberFields.stock) f[`stock.${k}`] = String(rules.stock?.[k] ?? '');
  for (const k of numberFields.price) f[`price.${k}`] = String(rules.price?.[k] ?? '');
  f['price.rounding'] = rules.price?.rounding ?? 'none';
  f['promo.percent_off'] = String(rules.price?.promotion?.percent_off ?? '');
  f['promo.starts_at'] = rules.price?.promotion?.starts_at?.slice(0, 16) ?? '';
  f['promo.ends_at'] = rules.price?.promotion?.ends_at?.slice(0, 16) ?? '';
  return f;
}

function toRules(f: Fields): Rules {
  const num = (key: string) => (f[key]?.trim() ? Number(f[key]!.replace(',', '.')) : undefined);
  const stock = Object.fromEntries(
    numberFields.stock.map((k) => [k, num(`stock.${k}`)]).filter(([, v]) => v !== undefined),
  );
  const price: NonNullable<Rules['price']> = Object.fromEntries(
    numberFields.price.map((k) => [k, num(`price.${k}`)]).filter(([, v]) => v !== undefined),
  );
  if (f['price.rounding'] && f['price.rounding'] !== 'none')
    price.rounding = f['price.rounding'] as 'integer';
  const off = num('promo.percent_off');
  if (off !== undefined) {
    const iso = (v: string | undefined) => (v ? new Date(v).toISOString() : undefined);
    price.promotion = {
      percent_off: off,
      starts_at: iso(f['promo.starts_at']),
      ends_at: iso(f['promo.ends_at']),
    };
  }
  return {
    ...(Object.keys(stock).length ? { stock } : {}),
    ...(Object.keys(price).length ? { price } : {}),
  };
}

/** The API's limits for each field (src/sync/rules.ts), checked here so every mistake shows at once. */
const limits: Record<
  string,
  { min: number; max: number; integer?: boolean; above?: boolean; cents?: boolean }
> = {
  'stock.buffer_units': { min: 0, max: 1_000_000, integer: true },
  'stock.buffer_percent': { min: 0, max: 100 },
  'stock.max_qty': { min: 0, max: 1_000_000_000, integer: true },
  'stock.zero_below': { min: 0, max: 1_000_000, integer: true },
  'price.markup_percent': { min: -90, max: 1000 },
  'price.markup_fixed': { min: -1_000_000, max: 1_000_000, cents: true },
  'promo.percent_off': { min: 0, max: 90, above: true },
};

/** Every field's problem at once, in the seller's words, keyed by the form's field. */
function checkFields(i18n: I18n, f: Fields): Record<string, string> {
  const { t } = i18n;
  const problems: Record<string, string> = {};
  for (const [key, limit] of Object.entries(limits)) {
    const raw = f[key]?.trim();
    if (!raw) continue;
    const value = Number(raw.replace(',', '.'));
    if (!Number.isFinite(value)) problems[key] = t('rule.number');
    else if (limit.above ? value <= limit.min : value < limit.min)
      problems[key] = t(limit.above ? 'rule.exclusive_minimum' : 'rule.minimum', {
        limit: i18n.number(limit.min),
      });
    else if (value > limit.max) problems[key] = t('rule.maximum', { limit: i18n.number(limit.max) });
    else if (limit.integer && !Number.isInteger(value)) problems[key] = t('rule.multiple_of', { limit: 1 });
    else if (limit.cents && Math.round(value * 100) !== value * 100) problems[key] = t('rule.decimals');
  }
  const start = f['promo.starts_at'];
  const end = f['promo.ends_at'];
  if ((start || end) && !f['promo.percent_off']?.trim())
    problems['promo.percent_off'] = t('rule.promoNeedsPercent');
  if (start && end && Date.parse(end) <= Date.parse(start)) problems['promo.ends_at'] = t('rule.promoWindow');
  return problems;
}

/** The form's field an API error names (`rules.price.promotion.percent_off` → `promo.percent_off`). */
function formField(apiField: unknown): string | undefined {
  if (typeof apiField !== 'string') return undefined;
  return apiField.replace(/^rules\./, '').replace(/^price\.promotion\./, 'promo.');
}

export function IntegrationPage(props: { id: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const writable = canChange(useSession());
  const detail = useLoad(
    () =>
      api<{ connection: Connection; listings: Record<string, number> }>('GET', `/connections/${props.id}`),
    [props.id],
  );
  const saved = useLoad(
    () => api<{ rules: Rules | null }>('GET', `/connections/${props.id}/rules`),
    [props.id],
  );
  const [fields, setFields] = useState<Fields | undefined>();
  const [preview, setPreview] = useState<PreviewRow[] | undefined>();
  const [done, setDone] = useNotice();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const action = useAction();
  // Our own checks first (all at once); then whatever the API still refuses, next to its field.
  const apiField = formField(action.error?.params.field);
  const problemOf = (key: string) =>
    problems[key] ?? (apiField === key && action.error ? errorWords(i18n, action.error) : undefined);
  const checked = () => {
    const found = checkFields(i18n, fields ?? {});
    setProblems(found);
    return Object.keys(found).length === 0;
  };
  useEffect(() => {
    if (saved.data) setFields(toFields(saved.data.rules ?? {}));
  }, [saved.data]);

  const c = detail.data?.connection;
  const runPreview = async () => {
    if (!checked()) return;
    const res = await action.run(() =>
      api<{ listings: PreviewRow[] }>('POST', `/connections/${props.id}/rules/preview`, {
        rules: toRules(fields ?? {}),
        limit: 50,
      }),
    );
    if (res) setPreview(res.listings);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!checked()) return;
    const res = await action.run(() =>
      api<{ listings_owing_send: number }>('PUT', `/connections/${props.id}/rules`, {
        rules: toRules(fields ?? {}),
      }),
    );
    if (res) setDone(t('rules.saved', { n: res.listings_owing_send }));
  };
  const field = (key: string, label: MessageKey) => (
    <label key={key}>
      {t(label)}
      <input
        type="text"
        inputMode="decimal"
        value={fields?.[key] ?? ''}
        disabled={!writable}
        aria-invalid={problemOf(key) ? true : undefined}
        aria-describedby={`rule-${key}-error`}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      />
      <FieldError id={`rule-${key}-error`} text={problemOf(key)} />
    </label>
  );

  return (
    <>
      <PageTitle lead={t('rules.lead')}>{c?.name ?? t('nav.integrations')}</PageTitle>
      <p>
        <Link to="/integracoes">← {t('nav.integrations')}</Link>
      </p>
      <ErrorMessage error={detail.error ?? saved.error} />
      {c && (
        <p>
          <Badge tone={connectionTone(c.status)}>{t(`connection.${c.status}` as MessageKey)}</Badge>{' '}
          {t('dashboard.listings', {
            green: i18n.number(detail.data?.listings.green ?? 0),
            yellow: i18n.number(detail.data?.listings.yellow ?? 0),
            red: i18n.number(detail.data?.listings.red ?? 0),
          })}
        </p>
      )}
      {!fields ? (
        <Loading />
      ) : (
        <form className="card form" onSubmit={save} aria-labelledby="rules-title">
          <h2 id="rules-title">{t('rules.title')}</h2>
          {!writable && <p className="muted small">{t('error.readOnly')}</p>}
          <fieldset>
            <legend>{t('rules.stock')}</legend>
            <div className="grid">
              {field('stock.buffer_units', 'rules.bufferUnits')}
              {field('stock.buffer_percent', 'rules.bufferPercent')}
              {field('stock.max_qty', 'rules.maxQty')}
              {field('stock.zero_below', 'rules.zeroBelow')}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('rules.price')}</legend>
            <div className="grid">
              {field('price.markup_percent', 'rules.markupPercent')}
              {field('price.markup_fixed', 'rules.markupFixed')}
              <label>
                {t('rules.rounding')}
                <select
                  value={fields['price.rounding']}
                  disabled={!writable}
                  onChange={(e) => setFields({ ...fields, 'price.rounding': e.target.value })}
                >
                  <option value="none">{t('rules.roundNone')}</option>
                  <option value="0.90">{t('rules.round90')}</option>
                  <option value="0.99">{t('rules.round99')}</option>
                  <option value="integer">{t('rules.roundInteger')}</option>
                </select>
              </label>
              {field('promo.percent_off', 'rules.promoPercent')}
              {(['promo.starts_at', 'promo.ends_at'] as const).map((key) => (
                <label key={key}>
                  {t(key === 'promo.starts_at' ? 'rules.promoStart' : 'rules.promoEnd')}
                  <input
                    type="datetime-local"
                    value={fields[key] ?? ''}
                    disabled={!writable}
                    onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
                    aria-describedby={`rule-${key}-error`}
                  />
                  <FieldError id={`rule-${key}-error`} text={problemOf(key)} />
                </label>
              ))}
            </div>
          </fieldset>
          {Object.keys(problems).length > 0 && (
            <p className="notice notice-error" role="alert">
              {t('rules.fixFields', { n: Object.keys(problems).length })}
            </p>
          )}
          <ErrorMessage error={apiField && fields && apiField in fields ? undefined : action.error} />
          {done && <Notice kind="ok">{done}</Notice>}
          <div className="actions">
            <button type="button" onClick={runPreview} disabled={action.busy}>
              {t('rules.preview')}
            </button>
            {writable && (
              <button type="submit" className="primary" disabled={action.busy}>
                {t('rules.save')}
              </button>
            )}
          </div>
        </form>
      )}
      {preview && <Preview rows={preview} />}
    </>
  );
}

function Preview(props: { rows: PreviewRow[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (props.rows.length === 0) return <p className="muted">{t('rules.previewEmpty')}</p>;
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('rules.previewTitle')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col" className="num">
                {t('rules.erp')}
              </th>
              <th scope="col" className="num">
                {t('rules.live')}
              </th>
              <th scope="col" className="num">
                {t('rules.wouldSend')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.sku} className={r.changes.qty || r.changes.price ? 'changed' : ''}>
                <th scope="row">{r.sku}</th>
                <td className="num">
                  {i18n.number(r.erp.qty)} · {i18n.money(r.erp.promotional_price ?? r.erp.price)}
                </td>
                <td className="num">
                  {i18n.number(r.live.qty)} · {i18n.money(r.live.promotional_price ?? r.live.price)}
                </td>
                <td className="num">
                  <span className={r.changes.qty ? 'diff' : ''}>{i18n.number(r.proposed.qty)}</span> ·{' '}
                  <span className={r.changes.price ? 'diff' : ''}>
                    {i18n.money(r.proposed.promotional_price ?? r.proposed.price)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
