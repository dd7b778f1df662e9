/**
 * Order sync errors on the Erros de sincronização page: an order imported with a SKU the catalog
 * lacks, or a status (invoice, shipment, delivery, cancellation) the marketplace did not take.
 * Each says what happened and what the seller can do, in the console's words (the API's hints
 * are written for ERPs and name API paths), with the marketplace's own message beside it.
 */
import { api } from '../api.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import type { OrderSyncError, OrderSyncErrorPage } from '../types.ts';
import { Badge, type Loaded, useAction } from '../ui.tsx';

export type OrderErrorList = OrderSyncErrorPage;

/** What the seller can do about it, by what went wrong. */
function adviceKey(e: OrderSyncError): MessageKey {
  if (e.error_category_code === 'sync_order_mtkp_to_skyhub') return 'orderErrors.adviceUnknownSku';
  if (e.failure === 'auth') return 'orderErrors.adviceAuth';
  return e.failure === 'permanent' ? 'orderErrors.adviceRefused' : 'orderErrors.adviceUnreachable';
}

export function OrderErrors(props: {
  errors: Loaded<OrderErrorList>;
  open: boolean;
  writable: boolean;
  onDone: (message: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const list = props.errors.data?.errors ?? [];
  if (list.length === 0) return null;
  const actions = props.writable && props.open;

  const retry = async (e: OrderSyncError) => {
    const res = await action.run(() =>
      api<{ retried: number }>('POST', '/sync_errors/orders/retry', { codes: [e.entity_id] }),
    );
    if (res) props.onDone(t('orderErrors.retried', { n: res.retried }));
    props.errors.reload();
  };
  const ignore = async (e: OrderSyncError) => {
    const body = {
      errors: [
        { entity_id: e.entity_id, error_category_code: e.error_category_code, error_code: e.error_code },
      ],
    };
    if (await action.run(() => api('PATCH', '/sync_errors/orders', body).then(() => true)))
      props.onDone(t('errors.ignoredDone', { n: 1 }));
    props.errors.reload();
  };

  return (
    <section className="card error-group" aria-labelledby="order-errors">
      <div className="card-head">
        <h2 id="order-errors">{t('orderErrors.title')}</h2>
      </div>
      <p className="muted">{t('orderErrors.count', { n: list.length })}</p>
      {action.error && (
        <p className="notice notice-error" role="alert">
          {t('error.refused')}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('orderErrors.order')}</th>
              <th scope="col">{t('orderErrors.what')}</th>
              <th scope="col">{t('errors.hint')}</th>
              <th scope="col">{t('errors.lastSeen')}</th>
              {actions && <th scope="col">{t('errors.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((e) => (
              <tr key={`${e.entity_id}-${e.error_code}`}>
                <td className="sku">
                  <Link to={`/pedidos/${encodeURIComponent(e.entity_id)}`}>{e.entity_id}</Link>
                </td>
                <td>
                  <p>
                    {t(`category.${e.error_category_code}` as MessageKey)}{' '}
                    <Badge tone={e.transient ? 'warn' : 'bad'}>
                      {e.transient ? t('errors.transient') : t('errors.permanent')}
                    </Badge>
                  </p>
                  {e.error_category_code === 'sync_order_mtkp_to_skyhub' ? (
                    <p className="muted">{t('orderErrors.unknownSku')}</p>
                  ) : (
                    <p className="muted">
                      {t('orderErrors.marketplaceSaid')}{' '}
                      <span className="marketplace-words">“{e.message}”</span>
                    </p>
                  )}
                </td>
                <td>{t(adviceKey(e))}</td>
                <td>{i18n.dateTime(e.last_accurence)}</td>
                {actions && (
                  <td className="row-actions">
                    {e.ways_out.includes('retry') && (
                      <button type="button" onClick={() => retry(e)} disabled={action.busy}>
                        {t('errors.retry')}
                      </button>
                    )}
                    <button type="button" onClick={() => ignore(e)} disabled={action.busy}>
                      {t('errors.ignore')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
