/**
 * Pedidos: the orders imported from the marketplaces (SkyHub's order shape), whether the ERP has
 * acknowledged each one from the queue, and an order's detail with its status history.
 */
import { useState } from 'react';
import { api, enc } from '../api.ts';
import { type I18n, type MessageKey, useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import type { Order, OrderHistoryEntry } from '../types.ts';
import { Badge, Empty, ErrorMessage, Loading, PageTitle, useLoad } from '../ui.tsx';

const PER_PAGE = 30;

function Unavailable() {
  const { t } = useI18n();
  return <Empty title={t('orders.unavailable')}>{t('orders.unavailableHelp')}</Empty>;
}

function QueueBadge(props: { order: Order }) {
  const { t } = useI18n();
  return props.order.sync_status === 'SYNCED' ? (
    <Badge tone="ok">{t('orders.acknowledged')}</Badge>
  ) : (
    <Badge tone="warn">{t('orders.waitingErp')}</Badge>
  );
}

export function OrdersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [page, setPage] = useState(1);
  const [queue, setQueue] = useState<'' | 'NOT_SYNCED' | 'SYNCED'>('');
  const filter = queue ? `&filters[sync_status][]=${queue}` : '';
  const orders = useLoad(
    () =>
      api<{ total: number; orders: Order[] }>('GET', `/orders?page=${page}&per_page=${PER_PAGE}${filter}`),
    [page, queue],
    30_000,
  );
  const depth = useLoad(
    () => api<{ queued: number; visible: number }>('GET', '/queues/orders/depth'),
    [],
    30_000,
  );
  const missing = orders.error?.status === 404 && orders.error.code === 'no_route';
  const list = orders.data?.orders ?? [];
  return (
    <>
      <PageTitle lead={t('orders.lead')}>{t('nav.orders')}</PageTitle>
      {missing ? (
        <Unavailable />
      ) : (
        <>
          {depth.data && (
            <p className="muted">
              {depth.data.queued === 0
                ? t('orders.queueEmpty')
                : t('orders.queueDepth', { n: depth.data.queued })}
            </p>
          )}
          <label className="inline">
            {t('orders.queue')}{' '}
            <select
              value={queue}
              onChange={(e) => {
                setPage(1);
                setQueue(e.target.value as typeof queue);
              }}
            >
              <option value="">{t('orders.all')}</option>
              <option value="NOT_SYNCED">{t('orders.waitingErp')}</option>
              <option value="SYNCED">{t('orders.acknowledged')}</option>
            </select>
          </label>
          <ErrorMessage error={orders.error} />
          {!orders.data && orders.loading && <Loading />}
          {orders.data && list.length === 0 && <Empty title={t('orders.none')}>{t('orders.noneHelp')}</Empty>}
          {list.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('orders.code')}</th>
                    <th scope="col">{t('orders.placed')}</th>
                    <th scope="col">{t('orders.customer')}</th>
                    <th scope="col">{t('orders.status')}</th>
                    <th scope="col" className="num">
                      {t('orders.total')}
                    </th>
                    <th scope="col">{t('orders.queue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((o) => (
                    <tr key={o.code}>
                      <td>
                        <Link to={`/pedidos/${enc(o.code)}`}>{o.code}</Link>
                      </td>
                      <td>{i18n.dateTime(o.placed_at)}</td>
                      <td>{o.customer?.name ?? '—'}</td>
                      <td>{statusWords(i18n, o.status)}</td>
                      <td className="num">{i18n.money(o.total_ordered)}</td>
                      <td>
                        <QueueBadge order={o} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {orders.data && orders.data.total > PER_PAGE && (
            <nav className="pager" aria-label={t('products.paging')}>
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                ← {t('products.previous')}
              </button>
              <span>
                {t('products.pageOf', {
                  page,
                  pages: Math.ceil(orders.data.total / PER_PAGE),
                  total: i18n.number(orders.data.total),
                })}
              </span>
              <button
                type="button"
                disabled={page * PER_PAGE >= orders.data.total}
                onClick={() => setPage(page + 1)}
              >
                {t('products.next')} →
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}

export function OrderPage(props: { code: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const order = useLoad(() => api<Order>('GET', `/orders/${enc(props.code)}`), [props.code]);
  const history = useLoad(
    () => api<{ history: OrderHistoryEntry[] }>('GET', `/orders/${enc(props.code)}/history`),
    [props.code],
  );
  const o = order.data;
  const address = o?.shipping_address;
  return (
    <>
      <PageTitle>{t('orders.title', { code: props.code })}</PageTitle>
      <p>
        <Link to="/pedidos">← {t('nav.orders')}</Link>
      </p>
      {order.error?.code === 'no_route' ? <Unavailable /> : <ErrorMessage error={order.error} />}
      {!o && order.loading && <Loading />}
      {o && (
        <>
          <section className="card">
            <dl className="facts">
              <dt>{t('orders.status')}</dt>
              <dd>{statusWords(i18n, o.status)}</dd>
              <dt>{t('orders.queue')}</dt>
              <dd>
                <QueueBadge order={o} />
              </dd>
              <dt>{t('orders.channel')}</dt>
              <dd>{o.channel}</dd>
              <dt>{t('orders.placed')}</dt>
              <dd>{i18n.dateTime(o.placed_at)}</dd>
              <dt>{t('orders.total')}</dt>
              <dd>{i18n.money(o.total_ordered)}</dd>
              <dt>{t('orders.shipping')}</dt>
              <dd>{i18n.money(o.shipping_cost)}</dd>
              <dt>{t('orders.customer')}</dt>
              <dd>
                {o.customer?.name ?? '—'} {o.customer?.vat_number && `· ${o.customer.vat_number}`}
              </dd>
              <dt>{t('orders.address')}</dt>
              <dd>
                {address
                  ? [
                      address.street,
                      address.number,
                      address.neighborhood,
                      address.city,
                      address.region,
                      address.postcode,
                    ]
                      .filter(Boolean)
                      .join(', ') || '—'
                  : '—'}
              </dd>
            </dl>
            {o.cais?.acknowledged_at && (
              <p className="muted small">
                {t('orders.acknowledgedAt', { at: i18n.dateTime(o.cais.acknowledged_at) })}
              </p>
            )}
            {o.cais && o.cais.unknown_skus.length > 0 && (
              <p className="notice notice-error">
                {t('orders.unknownSkus', { skus: o.cais.unknown_skus.join(', ') })}
              </p>
            )}
            {o.cais?.sync_errors
              // An unknown SKU is said above in the seller's words; the rest are the marketplace's.
              .filter((e) => e.error_code !== 'unknown_sku')
              .map((e) => (
                <p key={e.error_code + e.message} className="notice notice-error">
                  {t('common.marketplaceSaidShort', { message: e.message })}
                  {e.hint && (
                    <>
                      {' '}
                      <strong>{t('errors.hint')}:</strong> {e.hint}
                    </>
                  )}
                </p>
              ))}
          </section>
          <section className="card">
            <h2>{t('orders.items')}</h2>
            <ul>
              {o.items?.map((item) => (
                <li key={item.id}>
                  {item.qty} × <Link to={`/produtos/${enc(item.id)}`}>{item.id}</Link>{' '}
                  {item.name !== item.id && item.name} ·{' '}
                  {i18n.money(item.special_price ?? item.original_price)}
                </li>
              ))}
            </ul>
            <h2>{t('orders.invoicesShipments')}</h2>
            {(o.invoices ?? []).length === 0 && (o.shipments ?? []).length === 0 && (
              <p className="muted">{t('orders.noInvoice')}</p>
            )}
            <ul>
              {o.invoices?.map((inv) => (
                <li key={inv.key}>
                  {t('orders.invoice')} <code>{inv.key}</code> · {i18n.dateTime(inv.issue_date)}
                </li>
              ))}
              {o.shipments?.map((s, i) => (
                <li key={s.code ?? i}>
                  {t('orders.shipment')}{' '}
                  {s.tracks?.map((tr) => `${tr.carrier ?? ''} ${tr.code ?? ''}`).join(', ')}
                </li>
              ))}
            </ul>
            <h2>{t('orders.history')}</h2>
            {(history.data?.history ?? []).length === 0 ? (
              <p className="muted">{t('orders.noHistory')}</p>
            ) : (
              <ol className="history">
                {history.data?.history.map((h) => (
                  <li key={`${h.at}-${h.status_code}`}>
                    {i18n.dateTime(h.at)} ·{' '}
                    <strong>{statusWords(i18n, { code: h.status_code, type: h.status_type })}</strong>
                    {h.marketplace_status && (
                      <span className="muted">
                        {' '}
                        · {t('orders.marketplaceStatus', { status: h.marketplace_status })}
                      </span>
                    )}{' '}
                    ·{' '}
                    <span className="muted small">
                      {t(h.source === 'erp' ? 'orders.byErp' : 'orders.byMarketplace')}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** An order status in the seller's language, by its SkyHub type (the code is for programs). */
function statusWords(i18n: I18n, status: { code: string; type: string } | undefined): string {
  if (!status) return '—';
  const key = `orderStatus.${status.type}`;
  return i18n.has(key) ? i18n.t(key as MessageKey) : i18n.t('orderStatus.other');
}
