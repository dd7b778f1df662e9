/**
 * Erros de sincronização: product errors grouped by category and code, each with the
 * marketplace's own message and a hint to fix it (retry or ignore one SKU or a whole group), then
 * the orders' errors (order-errors.tsx).
 */
import { useState } from 'react';
import { api } from '../api.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { canChange, useSession } from '../session.tsx';
import type { SyncError } from '../types.ts';
import {
  Badge,
  Empty,
  ErrorMessage,
  Loading,
  Notice,
  PageTitle,
  useAction,
  useLoad,
  useNotice,
} from '../ui.tsx';
import { type OrderErrorList, OrderErrors } from './order-errors.tsx';

type Status = 'open' | 'ignored' | 'resolved';

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function ErrorsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const writable = canChange(useSession());
  const [status, setStatus] = useState<Status>('open');
  const errors = useLoad(
    () =>
      api<{ error_qty: number; errors: SyncError[] }>(
        'GET',
        `/sync_errors/products?status=${status}&per_page=500`,
      ),
    [status],
    20_000,
  );
  const orderErrors = useLoad(
    () => api<OrderErrorList>('GET', `/sync_errors/orders?status=${status}&per_page=500`),
    [status],
    20_000,
  );
  const action = useAction();
  const [done, setDone] = useNotice();
  const none = errors.data?.errors.length === 0 && orderErrors.data?.errors.length === 0;
  const groups = groupBy(errors.data?.errors ?? [], (e) => `${e.error_category_code}|${e.error_code}`);

  // Failures the marketplace does not explain get Cais's own advice, in the seller's language.
  const hintFor = (e: SyncError) =>
    e.failure === 'transient'
      ? t('errors.hintTransient')
      : e.failure === 'rate_limited'
        ? t('errors.hintRateLimited')
        : e.failure === 'auth'
          ? t('errors.hintAuth')
          : e.hint;
  const retry = async (list: SyncError[]) => {
    const category = list[0]!.error_category_code;
    const res = await action.run(() =>
      api<{ retried: number }>('POST', '/sync_errors/products/retry', {
        skus: [...new Set(list.map((e) => e.entity_id))],
        error_category_code: category,
      }),
    );
    if (res) setDone(t('errors.retried', { n: res.retried }));
    errors.reload();
  };
  const ignore = async (list: SyncError[]) => {
    const body = {
      errors: list.map((e) => ({
        entity_id: e.entity_id,
        error_category_code: e.error_category_code,
        error_code: e.error_code,
      })),
    };
    if (await action.run(() => api('PATCH', '/sync_errors/products', body).then(() => true)))
      setDone(t('errors.ignoredDone', { n: list.length }));
    errors.reload();
  };

  return (
    <>
      <PageTitle lead={t('errors.lead')}>{t('nav.errors')}</PageTitle>
      <fieldset className="tabs">
        <legend className="sr-only">{t('errors.status')}</legend>
        {(['open', 'ignored', 'resolved'] as const).map((s) => (
          <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {t(`errors.${s}` as MessageKey)}
          </button>
        ))}
      </fieldset>
      {done && <Notice kind="ok">{done}</Notice>}
      <ErrorMessage error={errors.error ?? orderErrors.error ?? action.error} />
      {!errors.data && errors.loading && <Loading />}
      {none && (
        <Empty title={status === 'open' ? t('errors.none') : t('errors.noneOther')}>
          {status === 'open' && t('errors.noneHelp')}
        </Empty>
      )}
      {groups.size > 0 && orderErrors.data?.errors.length ? <h2>{t('errors.productsTitle')}</h2> : null}
      {[...groups.entries()].map(([key, list]) => {
        const first = list[0]!;
        return (
          <section key={key} className="card error-group" aria-labelledby={`g-${key}`}>
            <div className="card-head">
              <h2 id={`g-${key}`}>
                {t(`category.${first.error_category_code}` as MessageKey)} · {first.connection_name}
              </h2>
              <Badge tone={first.transient ? 'warn' : 'bad'}>
                {first.transient ? t('errors.transient') : t('errors.permanent')}
              </Badge>
            </div>
            <p className="muted">{t('errors.count', { n: list.length })}</p>
            {hintFor(first) && (
              <p className="hint">
                <strong>{t('errors.hint')}:</strong> {hintFor(first)}
              </p>
            )}
            {writable && status === 'open' && (
              <div className="actions">
                <button type="button" className="primary" onClick={() => retry(list)} disabled={action.busy}>
                  {t('errors.retryAll')}
                </button>
                <button type="button" onClick={() => ignore(list)} disabled={action.busy}>
                  {t('errors.ignoreAll')}
                </button>
              </div>
            )}
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">SKU</th>
                    <th scope="col">{t('run.system')}</th>
                    <th scope="col">{t('errors.message')}</th>
                    <th scope="col">{t('errors.attempts')}</th>
                    <th scope="col">{t('errors.lastSeen')}</th>
                    {writable && status === 'open' && <th scope="col">{t('errors.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.map((e) => (
                    <tr key={`${e.entity_id}-${e.connection_id}-${e.error_code}`}>
                      <td className="sku">
                        {e.entity_id.startsWith('connection:') ? (
                          <Link to="/integracoes">{e.connection_name}</Link>
                        ) : (
                          <Link to={`/produtos/${encodeURIComponent(e.entity_id)}`}>{e.entity_id}</Link>
                        )}
                      </td>
                      <td>{e.connection_name}</td>
                      <td className="marketplace-words">“{e.message}”</td>
                      <td className="num">{e.attempts}</td>
                      <td>{i18n.dateTime(e.last_accurence)}</td>
                      {writable && status === 'open' && (
                        <td className="row-actions">
                          <button type="button" onClick={() => retry([e])} disabled={action.busy}>
                            {t('errors.retry')}
                          </button>
                          <button type="button" onClick={() => ignore([e])} disabled={action.busy}>
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
      })}
      <OrderErrors errors={orderErrors} open={status === 'open'} writable={writable} onDone={setDone} />
    </>
  );
}
