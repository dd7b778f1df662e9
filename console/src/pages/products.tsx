/**
 * Produtos: server-side search and paging (fast with 100k+ SKUs), a flag per connection with its
 * reason, and connecting or disconnecting one or many products with progress.
 */
import { type FormEvent, useState } from 'react';
import { api, enc } from '../api.ts';
import { type I18n, type MessageKey, useI18n } from '../i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { canChange, useSession } from '../session.tsx';
import type { BulkConnectResult, Connection, Listing, Product, ProductPage } from '../types.ts';
import {
  asApiError,
  Empty,
  ErrorMessage,
  errorWords,
  Flag,
  Loading,
  Notice,
  PageTitle,
  useAction,
  useLoad,
  useNotice,
  WhyDisabled,
} from '../ui.tsx';

const PER_PAGE = 50;
// The API pages by number up to 10,000 products, then only by cursor (as SkyHub does).
const NUMBERED_PAGES = 10_000 / PER_PAGE;

async function loadPage(
  q: string,
  pageNo: number,
  cursor: string | null,
): Promise<ProductPage & { listings: Listing[] }> {
  const after = cursor ? `&cursor=${enc(cursor)}` : pageNo > 1 ? `&page=${pageNo}` : '';
  let page: ProductPage;
  if (!q) {
    page = await api<ProductPage>('GET', `/products?per_page=${PER_PAGE}${after}`);
  } else {
    // One box: name or SKU, variations' SKUs included, whatever the accents and case.
    const found = await api<ProductPage>(
      'GET',
      `/catalog/search?q=${enc(q)}&per_page=${PER_PAGE}&page=${pageNo}`,
    );
    const more = pageNo * PER_PAGE < found.total;
    page = { ...found, next: more ? `?cursor=page-${pageNo + 1}` : undefined };
  }
  const skus = page.products.map((p) => `sku=${enc(p.sku)}`).join('&');
  const listings = skus ? (await api<{ listings: Listing[] }>('GET', `/listings?${skus}`)).listings : [];
  return { ...page, listings };
}

export function ProductsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const writable = canChange(useSession());
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const cursor = query.get('cursor');
  const pageNo = Number(query.get('p') ?? '1');
  const [search, setSearch] = useState(q);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const page = useLoad(() => loadPage(q, pageNo, cursor), [q, pageNo, cursor]);
  const connections = useLoad(() => api<{ connections: Connection[] }>('GET', '/connections'), []);
  // A disabled connection receives nothing: it gets no column (Integrações still lists it).
  const conns = (connections.data?.connections ?? []).filter((c) => c.status !== 'disabled');

  const go = (params: Record<string, string | null>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) next.set(k, v);
    setSelected(new Set());
    navigate(`/produtos${next.size ? `?${next}` : ''}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: search.trim() });
  };
  const products = page.data?.products ?? [];
  const flagOf = (sku: string, connectionId: number) =>
    page.data?.listings.find((l) => l.sku === sku && l.connection_id === connectionId);
  const allSelected = products.length > 0 && products.every((p) => selected.has(p.sku));
  const nextCursor = page.data?.next
    ? new URL(page.data.next, location.href).searchParams.get('cursor')
    : null;
  const searchPaging = Boolean(q);

  return (
    <>
      <PageTitle lead={t('products.lead')}>{t('nav.products')}</PageTitle>
      <form className="search" onSubmit={submit} aria-label={t('products.search')}>
        <label>
          <span className="sr-only">{t('products.search')}</span>
          <input
            type="search"
            value={search}
            placeholder={t('products.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <button type="submit">{t('products.searchButton')}</button>
        {q && (
          <button type="button" onClick={() => go({})}>
            {t('products.clearSearch')}
          </button>
        )}
      </form>
      {writable && conns.length > 0 && (
        <BulkBar
          connections={conns}
          skus={[...selected]}
          onDone={() => {
            setSelected(new Set());
            page.reload();
          }}
        />
      )}
      <ErrorMessage error={page.error} />
      {!page.data && page.loading && <Loading />}
      {page.data && products.length === 0 && (
        <Empty title={q ? t('products.noMatch', { q }) : t('products.empty')}>
          {q ? t('products.noMatchHelp') : t('products.emptyHelp')}
        </Empty>
      )}
      {products.length > 0 && (
        <div className="table-wrap">
          <table className="products stack">
            <thead>
              <tr>
                {writable && (
                  <th scope="col" className="narrow">
                    <input
                      type="checkbox"
                      aria-label={t('products.selectAll')}
                      checked={allSelected}
                      onChange={() =>
                        setSelected(allSelected ? new Set() : new Set(products.map((p) => p.sku)))
                      }
                    />
                  </th>
                )}
                <th scope="col">SKU</th>
                <th scope="col" className="name-col">
                  {t('products.name')}
                </th>
                <th scope="col" className="num">
                  {t('products.stock')}
                </th>
                <th scope="col" className="num">
                  {t('products.price')}
                </th>
                {conns.map((c) => (
                  <th scope="col" key={c.id}>
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.sku}>
                  {writable && (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('products.select', { sku: p.sku })}
                        checked={selected.has(p.sku)}
                        onChange={() => {
                          const next = new Set(selected);
                          if (!next.delete(p.sku)) next.add(p.sku);
                          setSelected(next);
                        }}
                      />
                    </td>
                  )}
                  <td className="sku">
                    <Link to={`/produtos/${enc(p.sku)}`}>{p.sku}</Link>
                  </td>
                  <td className="name-col" data-label={t('products.name')}>
                    {p.name}
                  </td>
                  <td className="num" data-label={t('products.stock')}>
                    <StockCell i18n={i18n} product={p} />
                  </td>
                  <td className="num" data-label={t('products.price')}>
                    <PriceCell i18n={i18n} product={p} />
                  </td>
                  {conns.map((c) => {
                    const l = flagOf(p.sku, c.id);
                    return (
                      <td key={c.id} data-connection={c.id} data-label={c.name}>
                        <Flag flag={l?.flag ?? 'grey'} label={c.name} reason={flagReason(i18n, c, l)} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.data && products.length > 0 && (
        <nav className="pager" aria-label={t('products.paging')}>
          <button
            type="button"
            disabled={pageNo <= 1}
            onClick={() =>
              pageNo - 1 <= NUMBERED_PAGES
                ? go({ q, p: pageNo > 2 ? String(pageNo - 1) : null })
                : history.back()
            }
          >
            ← {t('products.previous')}
          </button>
          <span>
            {t('products.pageOf', {
              page: i18n.number(pageNo),
              pages: i18n.number(Math.max(1, Math.ceil(page.data.total / PER_PAGE))),
              total: i18n.number(page.data.total),
            })}
          </span>
          <button
            type="button"
            disabled={!nextCursor}
            onClick={() =>
              go({
                q,
                cursor: !searchPaging && pageNo + 1 > NUMBERED_PAGES ? nextCursor : null,
                p: String(pageNo + 1),
              })
            }
          >
            {t('products.next')} →
          </button>
        </nav>
      )}
    </>
  );
}

/** A parent's stock is its variations' sum (the parent itself holds none), said as such. */
export function stockOf(p: Product): { qty: number; summed: boolean } {
  const variations = p.variations ?? [];
  if (variations.length === 0) return { qty: p.qty, summed: false };
  return { qty: variations.reduce((sum, v) => sum + v.qty, 0), summed: true };
}

function StockCell(props: { i18n: I18n; product: Product }) {
  const { qty, summed } = stockOf(props.product);
  return (
    <span>
      {props.i18n.number(qty)}
      {summed && <span className="muted small"> {props.i18n.t('products.sumOfVariations')}</span>}
    </span>
  );
}

function PriceCell(props: { i18n: I18n; product: Product }) {
  const { i18n, product: p } = props;
  if (p.promotional_price == null) return <span>{i18n.money(p.price)}</span>;
  return (
    <span>
      {i18n.money(p.promotional_price)}{' '}
      <span className="muted small">{i18n.t('products.promoOf', { price: i18n.money(p.price) })}</span>
    </span>
  );
}

/** The flag's reason: the marketplace's words quoted as theirs, and Cais's hint in the seller's language. */
export function flagReason(i18n: I18n, c: Connection, l: Listing | undefined): string | undefined {
  if (!l || l.flag === 'grey' || l.flag === 'green') return undefined;
  const marketplace = i18n.t(`channel.${c.channel}` as MessageKey);
  const said =
    l.reason && l.code ? i18n.t('common.marketplaceSaid', { name: marketplace, message: l.reason }) : '';
  if (l.code === 'awaiting_acceptance') return i18n.t('flagReason.awaiting');
  const own = l.flag === 'yellow' && !l.code ? i18n.t('flagReason.reviewing') : '';
  return [own, said, l.hint ?? ''].filter(Boolean).join(' ');
}

function redReason(i18n: I18n, listings: Listing[] | undefined): string | undefined {
  const red = listings?.find((l) => l.flag === 'red');
  if (!red) return undefined;
  return [red.reason && i18n.t('common.marketplaceSaidShort', { message: red.reason }), red.hint]
    .filter(Boolean)
    .join(' ');
}

/** A SKU the console could not connect or disconnect, and why. */
interface ConnectResult {
  sku: string;
  listings?: Listing[];
  error?: string;
}

function BulkBar(props: { connections: Connection[]; skus: string[]; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [connectionId, setConnectionId] = useState(props.connections[0]?.id ?? 0);
  const [progress, setProgress] = useState<{ done: number; total: number; verb: string } | undefined>();
  const [failures, setFailures] = useState<ConnectResult[]>([]);
  const [finished, setFinished] = useNotice();
  const action = useAction();
  const n = props.skus.length;

  const connect = () =>
    action.run(async () => {
      setFailures([]);
      setFinished(undefined);
      const failed: ConnectResult[] = [];
      // Small batches, so the bar moves and one slow marketplace call does not hide the rest.
      for (let i = 0; i < n; i += 10) {
        setProgress({ done: i, total: n, verb: 'connect' });
        const batch = props.skus.slice(i, i + 10);
        const res = await api<{ results: BulkConnectResult[] }>('POST', '/listings/connect', {
          connection_id: connectionId,
          skus: batch,
        });
        failed.push(...res.results.filter((r) => 'error' in r || r.listings.some((l) => l.flag === 'red')));
      }
      finish(failed, 'products.connected');
    });
  const disconnect = () =>
    action.run(async () => {
      setFailures([]);
      setFinished(undefined);
      const failed: ConnectResult[] = [];
      for (const [i, sku] of props.skus.entries()) {
        setProgress({ done: i, total: n, verb: 'disconnect' });
        await api('DELETE', `/products/${enc(sku)}/listings/${connectionId}`).catch((e: unknown) =>
          failed.push({ sku, error: errorWords(i18n, asApiError(e)) }),
        );
      }
      finish(failed, 'products.disconnected');
    });
  const finish = (failed: ConnectResult[], key: 'products.connected' | 'products.disconnected') => {
    setProgress(undefined);
    setFailures(failed);
    setFinished(t(key, { n: n - failed.length }));
    props.onDone();
  };

  return (
    <section className="bulk" aria-label={t('products.bulk')}>
      <span>{t('products.selected', { n })}</span>
      <label>
        <span className="sr-only">{t('products.connection')}</span>
        <select value={connectionId} onChange={(e) => setConnectionId(Number(e.target.value))}>
          {props.connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="primary"
        disabled={n === 0 || action.busy}
        onClick={connect}
        aria-describedby="bulk-why"
      >
        {t('products.connect')}
      </button>
      <button
        type="button"
        disabled={n === 0 || action.busy}
        onClick={disconnect}
        aria-describedby="bulk-why"
      >
        {t('products.disconnect')}
      </button>
      <WhyDisabled id="bulk-why" reason={n === 0 ? t('products.selectFirst') : undefined} />
      {progress && (
        <span className="progress" role="status">
          <progress max={progress.total} value={progress.done} />{' '}
          {t(progress.verb === 'connect' ? 'products.connecting' : 'products.disconnecting', {
            done: progress.done,
            total: progress.total,
          })}
        </span>
      )}
      {finished && <Notice kind="ok">{finished}</Notice>}
      <ErrorMessage error={action.error} />
      {failures.length > 0 && (
        <ul className="failures">
          {failures.map((f) => (
            <li key={f.sku}>
              <strong>{f.sku}</strong>: {f.error ?? redReason(i18n, f.listings)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
