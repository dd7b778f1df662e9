import { api, enc } from '../api.ts';
import { type I18n, type MessageKey, useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { canChange, useSession } from '../session.tsx';
import type {
  Connection,
  Explain,
  ManualOutcome,
  Product,
  ProductChange,
  ResourceExplain,
} from '../types.ts';
import {
  Badge,
  ErrorMessage,
  Flag,
  Loading,
  Notice,
  PageTitle,
  useAction,
  useLoad,
  useNotice,
} from '../ui.tsx';
import { stockOf } from './products.tsx';

export function ProductPage(props: { sku: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const writable = canChange(useSession());
  // The ERP changes values and runs deliver them while the page is open: read both again often.
  const product = useLoad(() => api<Product>('GET', `/products/${enc(props.sku)}`), [props.sku], 10_000);
  const explain = useLoad(
    () => api<Explain>('GET', `/products/${enc(props.sku)}/sync_status`),
    [props.sku],
    10_000,
  );
  const connections = useLoad(() => api<{ connections: Connection[] }>('GET', '/connections'), []);
  const history = useLoad(
    () => api<{ changes: ProductChange[] }>('GET', `/products/${enc(props.sku)}/history?limit=20`),
    [props.sku],
  );
  const sync = useAction();
  const links = useAction();
  const [outcomes, setOutcomes] = useNotice<ManualOutcome[]>();
  const [linked, setLinked] = useNotice();
  const names = new Map(connections.data?.connections.map((c) => [c.id, c.name]));
  const p = product.data;
  const stock = p && stockOf(p);

  const syncNow = async () => {
    setOutcomes(undefined);
    const res = await sync.run(() =>
      api<{ results: ManualOutcome[] }>('POST', `/products/${enc(props.sku)}/sync`),
    );
    if (res) setOutcomes(res.results);
    product.reload();
    explain.reload();
    history.reload();
  };
  const setLink = async (connectionId: number, connect: boolean) => {
    await links.run(() =>
      api(connect ? 'POST' : 'DELETE', `/products/${enc(props.sku)}/listings/${connectionId}`),
    );
    explain.reload();
  };
  const republish = async (connectionId: number, name: string) => {
    const done = await links.run(() =>
      api('POST', `/products/${enc(props.sku)}/listings/${connectionId}/republish`),
    );
    if (done) setLinked(t('product.republished', { name }));
    explain.reload();
  };

  return (
    <>
      <PageTitle>
        {p?.name ?? props.sku} <span className="muted">· {props.sku}</span>
      </PageTitle>
      <p>
        <Link to="/produtos">← {t('nav.products')}</Link>
      </p>
      <ErrorMessage error={product.error} />
      {!p && product.loading && <Loading />}
      {p && (
        <section className="card" aria-labelledby="values-title">
          <h2 id="values-title">{t('product.values')}</h2>
          <dl className="facts">
            <dt>{t('products.stock')}</dt>
            <dd>
              {i18n.number(stock?.qty)}
              {stock?.summed && <span className="muted small"> {t('products.sumOfVariations')}</span>}
            </dd>
            <dt>{t('product.regularPrice')}</dt>
            <dd>{i18n.money(p.price)}</dd>
            <dt>{t('product.promotional')}</dt>
            <dd>
              {p.promotional_price == null ? t('product.noPromotion') : i18n.money(p.promotional_price)}
            </dd>
            <dt>{t('product.status')}</dt>
            <dd>{t(p.status === 'enabled' ? 'product.enabled' : 'product.disabled')}</dd>
          </dl>
          {p.variations && p.variations.length > 0 && (
            <p className="muted small">
              {t('product.variations')}:{' '}
              {p.variations.map((v) => `${v.sku} (${i18n.number(v.qty)})`).join(', ')}
            </p>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="status-title">
        <div className="card-head">
          <h2 id="status-title">{t('product.syncStatus')}</h2>
          {writable && (
            <button type="button" className="primary" onClick={syncNow} disabled={sync.busy}>
              {sync.busy ? t('product.syncing') : t('product.syncNow')}
            </button>
          )}
        </div>
        <ErrorMessage error={sync.error} />
        {outcomes && <Outcomes outcomes={outcomes} names={names} />}
        <ErrorMessage error={explain.error ?? links.error} />
        {linked && <Notice kind="ok">{linked}</Notice>}
        {explain.data?.listings.length === 0 && <p className="muted">{t('product.noConnections')}</p>}
        {explain.data?.listings.map((l) => (
          <article key={`${l.connection.id}-${l.sku}`} className="explain" data-connection={l.connection.id}>
            <div className="card-head">
              <h3>
                {l.connection.name}
                {l.sku !== props.sku && <span className="muted"> · {l.sku}</span>}
              </h3>
              <Flag flag={l.flag} label={l.connection.name} reason={l.flag_reason} />
            </div>
            <p className={l.flag === 'red' ? 'notice notice-error small' : 'muted small'}>
              {flagWords(i18n, l)}
            </p>
            {l.container ? (
              <p className="muted">{t('explain.container', { name: l.connection.name })}</p>
            ) : (
              <>
                <ResourceLine i18n={i18n} name={l.connection.name} resource="stock" r={l.stock} />
                <ResourceLine i18n={i18n} name={l.connection.name} resource="price" r={l.price} />
              </>
            )}
            {writable && l.sku === props.sku && (
              <div className="actions">
                {isClosed(l) && (
                  <button
                    type="button"
                    className="primary"
                    onClick={() => republish(l.connection.id, l.connection.name)}
                    disabled={links.busy}
                  >
                    {t('product.republish', { name: l.connection.name })}
                  </button>
                )}
                {l.flag === 'grey' || (l.flag === 'red' && !l.stock.last_error && !l.price.last_error) ? (
                  <button type="button" onClick={() => setLink(l.connection.id, true)} disabled={links.busy}>
                    {t('product.connect', { name: l.connection.name })}
                  </button>
                ) : (
                  <button type="button" onClick={() => setLink(l.connection.id, false)} disabled={links.busy}>
                    {t('product.disconnect', { name: l.connection.name })}
                  </button>
                )}
              </div>
            )}
          </article>
        ))}
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('product.history')}</h2>
        {history.data?.changes.length === 0 && <p className="muted">{t('product.noHistory')}</p>}
        {history.data && history.data.changes.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('run.when')}</th>
                  <th scope="col">{t('dashboard.resource')}</th>
                  <th scope="col">{t('product.change')}</th>
                  <th scope="col">{t('product.who')}</th>
                </tr>
              </thead>
              <tbody>
                {history.data.changes.map((c) => (
                  <tr key={c.id}>
                    <td>{i18n.dateTime(c.changed_at)}</td>
                    <td>{t(`history.${c.resource}` as MessageKey)}</td>
                    <td>
                      {describeValue(i18n, c.old)} → {describeValue(i18n, c.new)}
                    </td>
                    <td>{describeActor(i18n, c.actor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

type ExplainedListing = Explain['listings'][number];

/** A closed listing can never change again: the way out is a new one (Publicar de novo). */
function isClosed(l: ExplainedListing): boolean {
  const codes = [l.stock.last_error?.code, l.price.last_error?.code];
  return codes.some((code) => code?.endsWith('.status.not_modifiable'));
}

/** The flag in words; a red flag quotes the marketplace's refusal as the marketplace's. */
function flagWords(i18n: I18n, l: ExplainedListing): string {
  if (l.flag_code === 'awaiting_acceptance') return i18n.t('flagLong.awaiting');
  const base = i18n.t(`flagLong.${l.flag}` as MessageKey);
  if (l.flag !== 'red') return base;
  const marketplace = i18n.t(`channel.${l.connection.channel}` as MessageKey);
  const error = l.stock.last_error ?? l.price.last_error;
  const said = error
    ? i18n.t('common.marketplaceSaid', { name: marketplace, message: error.message })
    : i18n.t('flagLong.redUnknown');
  return `${base} ${said}`;
}

function Outcomes(props: { outcomes: ManualOutcome[]; names: Map<number, string> }) {
  const { t } = useI18n();
  const failed = props.outcomes.filter((o) => o.outcome === 'failed');
  return (
    <div role="status" className="outcomes">
      <Notice kind={failed.length ? 'error' : 'ok'}>
        {failed.length ? t('product.syncFailed', { n: failed.length }) : t('product.syncDone')}
      </Notice>
      <ul>
        {props.outcomes.map((o) => (
          <li key={`${o.connection_id}-${o.sku}-${o.resource}`}>
            {props.names.get(o.connection_id) ?? `#${o.connection_id}`} · {o.sku} ·{' '}
            {t(`resource.${o.resource}` as MessageKey)}:{' '}
            <Badge tone={o.outcome === 'sent' ? 'ok' : o.outcome === 'failed' ? 'bad' : 'warn'}>
              {t(`outcome.${o.outcome}` as MessageKey)}
            </Badge>
            {o.error && ` ${t('common.marketplaceSaidShort', { message: o.error.message })}`}
            {o.error?.hint && ` ${o.error.hint}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

function value(i18n: I18n, resource: 'stock' | 'price', v: unknown): string {
  if (resource === 'stock') return typeof v === 'number' ? i18n.t('product.units', { n: v }) : '—';
  const price = v as { price?: number | null; promotional_price?: number | null };
  const promo = price?.promotional_price;
  return promo != null
    ? i18n.t('explain.promoValue', { promo: i18n.money(promo), price: i18n.money(price.price) })
    : i18n.money(price?.price);
}

/** "10 no ERP − 2 reservados para pedidos − 1 de margem = 7": how the stock sent is reached. */
function stockSum(i18n: I18n, r: ResourceExplain): string {
  const erp = typeof r.erp_value === 'number' ? r.erp_value : 0;
  const effective = typeof r.effective_value === 'number' ? r.effective_value : 0;
  const reserved = 'reserved' in r ? (r.reserved ?? 0) : 0;
  const margin = erp - reserved - effective;
  const parts = [i18n.t('explain.stockErp', { n: erp })];
  if (reserved > 0) parts.push(i18n.t('explain.stockReserved', { n: reserved }));
  if (margin > 0) parts.push(i18n.t('explain.stockMargin', { n: margin }));
  if (margin < 0)
    return i18n.t('explain.values', { erp: i18n.number(erp), effective: i18n.number(effective) });
  return `${parts.join(' − ')} = ${i18n.t('explain.stockSent', { n: effective })}`;
}

function ResourceLine(props: { i18n: I18n; name: string; resource: 'stock' | 'price'; r: ResourceExplain }) {
  const { i18n, r, resource } = props;
  const { t } = i18n;
  return (
    <div className="resource-line">
      <p>
        <strong>{t(`resource.${resource}` as MessageKey)}:</strong>{' '}
        {resource === 'stock'
          ? `${stockSum(i18n, r)}.`
          : t('explain.values', {
              erp: value(i18n, resource, r.erp_value),
              effective: value(i18n, resource, r.effective_value),
            })}{' '}
        {r.last_sent
          ? t('explain.lastSent', {
              value: value(i18n, resource, r.last_sent.value),
              at: i18n.dateTime(r.last_sent.at),
            })
          : t('explain.neverSent')}
      </p>
      <p className={r.pending ? 'pending' : 'muted'}>{waitingWords(i18n, props.name, resource, r)}</p>
      {r.last_error && (
        <p className="notice notice-error small">
          {t('explain.lastError', { message: r.last_error.message })}
          {r.last_error.hint && (
            <>
              {' '}
              <strong>{t('errors.hint')}:</strong> {r.last_error.hint}
            </>
          )}
        </p>
      )}
    </div>
  );
}

/** The explain answer's code, in the seller's language (the server's English message as fallback). */
export function waitingWords(
  i18n: I18n,
  name: string,
  resource: 'stock' | 'price',
  r: ResourceExplain,
): string {
  const w = r.waiting_for;
  const what = i18n.t(`resource.${resource}` as MessageKey).toLowerCase();
  const vars = { name, what, at: i18n.time(w.at), message: r.last_error?.message ?? '' };
  const known: Record<string, MessageKey> = {
    not_connected: 'explain.not_connected',
    flag_yellow: 'explain.flag_yellow',
    flag_red: 'explain.flag_red',
    connection_auth_failed: 'explain.connection_auth_failed',
    connection_disabled: 'explain.connection_disabled',
    connection_pending: 'explain.connection_pending',
    rejected: 'explain.rejected',
    up_to_date: 'explain.up_to_date',
    retrying: 'explain.retrying',
    running: 'explain.running',
    no_schedule: 'explain.no_schedule',
    continuous: 'explain.continuous',
    next_run: 'explain.next_run',
    container: 'explain.container',
  };
  const key = known[w.code];
  return key ? i18n.t(key, vars) : i18n.t('explain.unknown');
}

function describeValue(i18n: I18n, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return i18n.number(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('qty' in o) return i18n.number(o.qty as number);
    if ('price' in o) {
      const promo = o.promotional_price as number | null | undefined;
      return promo != null
        ? `${i18n.money(promo)} (${i18n.money(o.price as number)})`
        : i18n.money(o.price as number);
    }
    return Object.keys(o).join(', ');
  }
  return String(v);
}

function describeActor(i18n: I18n, actor: string): string {
  const [kind, id] = actor.split(':');
  if (kind === 'api_key') return i18n.t('actor.apiKey', { id: id ?? '' });
  if (kind === 'user') return i18n.t('actor.user', { id: id ?? '' });
  return actor;
}
