/**
 * Integrações: connect a marketplace (OAuth consent, or pasted credentials), see each connection's
 * status, test it, reconnect it when its authorisation failed; and a connection's rules with the
 * preview of what each listing would receive.
 */
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { canChange, useSession } from '../session.tsx';
import type { Channel, Connection, Footprint } from '../types.ts';
import {
  Badge,
  connectionTone,
  Empty,
  ErrorMessage,
  FieldError,
  Loading,
  Notice,
  PageTitle,
  useAction,
  useLoad,
  useNotice,
} from '../ui.tsx';

export { IntegrationPage } from './rules.tsx';

export function IntegrationsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const writable = canChange(useSession());
  const { query } = useLocation();
  const connections = useLoad(() => api<{ connections: Connection[] }>('GET', '/connections'), []);
  const action = useAction();
  const [notice, setNotice] = useNotice<{ kind: 'ok' | 'error'; text: string }>();
  const [editing, setEditing] = useState<number | undefined>();
  const connected = query.get('connected');
  const oauthError = query.get('oauth_error');
  const list = connections.data?.connections ?? [];

  const reconnect = async (c: Connection) => {
    const res = await action.run(() =>
      api<{ authorize_url: string }>('POST', `/connections/${c.id}/authorize`),
    );
    if (res) window.location.assign(res.authorize_url);
  };
  const test = async (c: Connection) => {
    const res = await action.run(() => api<{ connection: Connection }>('POST', `/connections/${c.id}/test`));
    connections.reload();
    if (!res) return;
    const after = res.connection;
    setNotice(
      after.status === 'active' || (after.status === 'disabled' && !after.status_reason?.length)
        ? { kind: 'ok', text: t('integrations.testOk', { name: after.name, seller: sellerOf(after) ?? '—' }) }
        : { kind: 'error', text: t('integrations.testFailed', { name: after.name }) },
    );
  };
  const setEnabled = async (c: Connection, enabled: boolean) => {
    await action.run(() => api('PATCH', `/connections/${c.id}`, { connection: { enabled } }));
    connections.reload();
  };

  return (
    <>
      <PageTitle lead={t('integrations.lead')}>{t('nav.integrations')}</PageTitle>
      {connected && (
        <Notice kind="ok">
          {t('integrations.connected', {
            name: list.find((c) => c.id === Number(connected))?.name ?? '',
          })}
        </Notice>
      )}
      {oauthError && <OauthError code={oauthError} marketplace={query.get('marketplace')} />}
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <ErrorMessage error={connections.error ?? action.error} />
      {!connections.data && connections.loading && <Loading />}
      {connections.data && list.length === 0 && (
        <Empty title={t('integrations.none')}>{t('integrations.noneHelp')}</Empty>
      )}
      <ul className="plain cards">
        {list.map((c) => (
          <li key={c.id} className="card" data-connection={c.id}>
            <div className="card-head">
              <h2>{c.name}</h2>
              <Badge tone={connectionTone(c.status)}>{t(`connection.${c.status}` as MessageKey)}</Badge>
            </div>
            <p className="muted small">
              {t(`channel.${c.channel}` as MessageKey)}
              {sellerOf(c) && ` · ${t('integrations.seller', { name: sellerOf(c)! })}`}
            </p>
            <StatusWords connection={c} />
            <p className="muted small">{t('integrations.tested', { at: i18n.dateTime(c.tested_at) })}</p>
            <div className="actions">
              <Link to={`/integracoes/${c.id}`} className="button">
                {t('integrations.rules')}
              </Link>
              {writable && (
                <>
                  <button type="button" onClick={() => test(c)} disabled={action.busy}>
                    {t('integrations.test')}
                  </button>
                  {c.auth === 'oauth' && (c.status === 'auth_failed' || c.status === 'pending') && (
                    <button
                      type="button"
                      className="primary"
                      onClick={() => reconnect(c)}
                      disabled={action.busy}
                    >
                      {t('integrations.reconnect')}
                    </button>
                  )}
                  <button
                    type="button"
                    aria-expanded={editing === c.id}
                    onClick={() => setEditing(editing === c.id ? undefined : c.id)}
                  >
                    {t('integrations.edit')}
                  </button>
                  {c.status === 'disabled' ? (
                    <button type="button" onClick={() => setEnabled(c, true)}>
                      {t('integrations.enable')}
                    </button>
                  ) : (
                    <button type="button" onClick={() => setEnabled(c, false)}>
                      {t('integrations.disable')}
                    </button>
                  )}
                  <DeleteConnection
                    connection={c}
                    onDeleted={(text) => {
                      setNotice({ kind: 'ok', text });
                      connections.reload();
                    }}
                  />
                </>
              )}
            </div>
            {editing === c.id && (
              <EditConnection
                connection={c}
                onSaved={(text) => {
                  setEditing(undefined);
                  setNotice({ kind: 'ok', text });
                  connections.reload();
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {writable && <ConnectForm onCreated={() => connections.reload()} />}
    </>
  );
}

/** The seller as the marketplace names them, else the marketplace's id for them. */
export function sellerOf(c: Connection): string | undefined {
  return c.seller_name ?? c.seller_id ?? undefined;
}

/** The status in words; a marketplace's refusal is quoted as the marketplace's. */
function StatusWords(props: { connection: Connection }) {
  const { t } = useI18n();
  const c = props.connection;
  if (c.status === 'active') return null;
  if (c.status === 'disabled') return <p className="muted small">{t('integrations.disabledHelp')}</p>;
  if (c.status === 'pending')
    return <p className="notice notice-info small">{t('integrations.pendingHelp')}</p>;
  return (
    <p className="notice notice-error small">
      {t('integrations.authFailedHelp')}
      {c.status_reason && (
        <>
          {' '}
          <span className="marketplace-words">
            {t('common.marketplaceSaid', {
              name: t(`channel.${c.channel}` as MessageKey),
              message: c.status_reason,
            })}
          </span>
        </>
      )}
    </p>
  );
}

function OauthError(props: { code: string; marketplace: string | null }) {
  const i18n = useI18n();
  const key = `apiError.${props.code}` as MessageKey;
  const text = i18n.has(key)
    ? i18n.t(key, { marketplace_message: props.marketplace ?? '' })
    : i18n.t('apiError.consent_refused');
  return (
    <Notice kind="error">
      {text}
      {props.marketplace &&
        !i18n.has(key) &&
        ` ${i18n.t('common.marketplaceSaidShort', { message: props.marketplace })}`}
    </Notice>
  );
}

/** Excluir, asking in the page with what it takes away (listings, schedules) and what it keeps. */
function DeleteConnection(props: { connection: Connection; onDeleted(text: string): void }) {
  const { t } = useI18n();
  const c = props.connection;
  const action = useAction();
  const [footprint, setFootprint] = useState<Footprint | undefined>();
  const ask = async () => {
    const res = await action.run(() => api<{ footprint: Footprint }>('GET', `/connections/${c.id}`));
    if (res) setFootprint(res.footprint);
  };
  const remove = async () => {
    const res = await action.run(() =>
      api<{ cancelled_schedules: number[]; replaced_schedules: unknown[] }>('DELETE', `/connections/${c.id}`),
    );
    setFootprint(undefined);
    if (res) props.onDeleted(t('integrations.deleted', { name: c.name }));
  };
  if (!footprint)
    return (
      <>
        <button type="button" className="danger" onClick={ask} disabled={action.busy}>
          {t('integrations.delete')}
        </button>
        <ErrorMessage error={action.error} />
      </>
    );
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={`delete-${c.id}`}>
      <p id={`delete-${c.id}`}>
        {t('integrations.confirmDelete', {
          name: c.name,
          listings: t('integrations.listingsCount', { n: footprint.listings }),
          schedules: t('integrations.schedulesCount', { n: footprint.schedules }),
        })}{' '}
        {footprint.orders > 0 && t('integrations.ordersKept', { n: footprint.orders })}
      </p>
      <button type="button" className="danger" onClick={remove} disabled={action.busy}>
        {t('integrations.confirmDeleteButton')}
      </button>
      <button type="button" onClick={() => setFootprint(undefined)}>
        {t('common.keep')}
      </button>
    </div>
  );
}

/** Editar: the name, and what was typed wrong at creation (address, app id, secret, tokens). */
function EditConnection(props: { connection: Connection; onSaved(text: string): void }) {
  const { t } = useI18n();
  const c = props.connection;
  const action = useAction();
  const [draft, setDraft] = useState({
    name: c.name,
    base_url: '',
    client_id: '',
    client_secret: '',
    access_token: '',
    refresh_token: '',
  });
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  const fields = [
    'connection.name',
    'connection.base_url',
    'connection.client_id',
    'connection.client_secret',
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tokens = {
      access_token: draft.access_token || undefined,
      refresh_token: draft.refresh_token || undefined,
    };
    const body = {
      connection: {
        name: draft.name.trim() && draft.name.trim() !== c.name ? draft.name.trim() : undefined,
        base_url: draft.base_url.trim() || undefined,
        client_id: draft.client_id.trim() || undefined,
        client_secret: draft.client_secret || undefined,
        credentials: tokens.access_token || tokens.refresh_token ? tokens : undefined,
      },
    };
    const res = await action.run(() =>
      api<{ connection: Connection; authorize_url?: string }>('PATCH', `/connections/${c.id}`, body),
    );
    if (!res) return;
    if (res.authorize_url) window.location.assign(res.authorize_url);
    else props.onSaved(t('integrations.saved', { name: res.connection.name }));
  };
  const input = (key: keyof typeof draft, label: MessageKey, field: string, type = 'text') => (
    <label>
      {t(label)}
      <input
        type={type}
        value={draft[key]}
        onChange={(e) => set({ [key]: e.target.value })}
        autoComplete="off"
        aria-invalid={action.error?.params.field === field || undefined}
        aria-describedby={`edit-${c.id}-${key}-error`}
        placeholder={key === 'name' ? undefined : t('integrations.keepBlank')}
      />
      <FieldError id={`edit-${c.id}-${key}-error`} error={action.error} field={field} />
    </label>
  );
  return (
    <form
      className="form edit-connection"
      onSubmit={submit}
      aria-label={t('integrations.editTitle', { name: c.name })}
    >
      {input('name', 'integrations.name', 'connection.name')}
      {input('base_url', 'integrations.baseUrl', 'connection.base_url', 'url')}
      {input('client_id', 'integrations.clientId', 'connection.client_id')}
      {input('client_secret', 'integrations.clientSecret', 'connection.client_secret', 'password')}
      {(c.auth === 'credentials' || c.status === 'auth_failed') && (
        <>
          {input('access_token', 'integrations.accessToken', 'connection.credentials.access_token')}
          {input('refresh_token', 'integrations.refreshToken', 'connection.credentials.refresh_token')}
        </>
      )}
      <p className="muted small">{t('integrations.editHelp')}</p>
      <ErrorMessage error={action.error} fields={fields} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('integrations.save')}
      </button>
    </form>
  );
}

interface Draft {
  channel: string;
  name: string;
  base_url: string;
  mode: 'oauth' | 'token';
  client_id: string;
  client_secret: string;
  access_token: string;
  refresh_token: string;
  seller_id: string;
  category: string;
  application_id: string;
}

const connectFields = [
  'connection.name',
  'connection.base_url',
  'connection.client_id',
  'connection.client_secret',
];

function ConnectForm(props: { onCreated(): void }) {
  const { t } = useI18n();
  const channels = useLoad(() => api<Channel[]>('GET', '/channels'), []);
  const action = useAction();
  const [draft, setDraft] = useState<Draft>({
    channel: '',
    name: '',
    base_url: '',
    mode: 'oauth',
    client_id: '',
    client_secret: '',
    access_token: '',
    refresh_token: '',
    seller_id: '',
    category: '',
    application_id: '',
  });
  const list = channels.data ?? [];
  const channel = list.find((c) => c.channel === draft.channel) ?? list[0];
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!channel) return;
    const settings: Record<string, string> = {};
    if (draft.category.trim()) settings.categoryId = draft.category.trim();
    if (draft.application_id.trim()) settings.applicationId = draft.application_id.trim();
    const extra = Object.keys(settings).length ? settings : undefined;
    const tokens =
      draft.mode === 'token'
        ? {
            access_token: draft.access_token || undefined,
            refresh_token: draft.refresh_token || undefined,
            seller_id: draft.seller_id || undefined,
          }
        : {};
    const credentials = { ...tokens, ...(extra ? { extra } : {}) };
    const body = {
      connection: {
        channel: channel.channel,
        name: draft.name.trim() || undefined,
        base_url: draft.base_url.trim() || undefined,
        client_id: draft.client_id.trim() || undefined,
        client_secret: draft.client_secret || undefined,
        credentials: Object.keys(credentials).length ? credentials : undefined,
      },
    };
    const res = await action.run(() =>
      api<{ connection: Connection; authorize_url?: string }>('POST', '/connections', body),
    );
    if (!res) return;
    // The marketplace's consent page sends the browser back to /oauth/callback, then here.
    if (res.authorize_url) window.location.assign(res.authorize_url);
    else {
      navigate(`/integracoes?connected=${res.connection.id}`, { replace: true });
      props.onCreated();
    }
  };

  if (!channel) return channels.loading ? <Loading /> : null;
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="connect-title">
      <h2 id="connect-title">{t('integrations.connectTitle')}</h2>
      <label>
        {t('integrations.marketplace')}
        <select value={channel.channel} onChange={(e) => set({ channel: e.target.value })}>
          {list.map((c) => (
            <option key={c.channel} value={c.channel}>
              {t(`channel.${c.channel}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('integrations.name')}
        <input
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
          placeholder={t(`channel.${channel.channel}` as MessageKey)}
          aria-describedby="connect-name-error"
        />
        <FieldError id="connect-name-error" error={action.error} field="connection.name" />
      </label>
      <label>
        {t('integrations.baseUrl')}
        <input
          type="url"
          value={draft.base_url}
          onChange={(e) => set({ base_url: e.target.value })}
          placeholder={channel.default_base_url}
          aria-describedby="base-url-help connect-base-url-error"
        />
        <FieldError id="connect-base-url-error" error={action.error} field="connection.base_url" />
      </label>
      <p id="base-url-help" className="muted small help">
        {t('integrations.baseUrlHelp')}
      </p>
      {channel.capabilities.auth === 'oauth' && (
        <fieldset>
          <legend>{t('integrations.how')}</legend>
          <label className="check">
            <input
              type="radio"
              name="mode"
              checked={draft.mode === 'oauth'}
              onChange={() => set({ mode: 'oauth' })}
            />
            {t('integrations.modeOauth')}
          </label>
          <label className="check">
            <input
              type="radio"
              name="mode"
              checked={draft.mode === 'token'}
              onChange={() => set({ mode: 'token' })}
            />
            {t('integrations.modeToken')}
          </label>
        </fieldset>
      )}
      <label>
        {t('integrations.clientId')}
        <input
          value={draft.client_id}
          onChange={(e) => set({ client_id: e.target.value })}
          autoComplete="off"
          aria-describedby="connect-client-id-error"
        />
        <FieldError id="connect-client-id-error" error={action.error} field="connection.client_id" />
      </label>
      <label>
        {t('integrations.clientSecret')}
        <input
          type="password"
          value={draft.client_secret}
          onChange={(e) => set({ client_secret: e.target.value })}
          autoComplete="off"
          aria-describedby="connect-client-secret-error"
        />
        <FieldError id="connect-client-secret-error" error={action.error} field="connection.client_secret" />
      </label>
      {(draft.mode === 'token' || channel.capabilities.auth === 'credentials') && (
        <>
          <label>
            {t('integrations.accessToken')}
            <input
              value={draft.access_token}
              onChange={(e) => set({ access_token: e.target.value })}
              autoComplete="off"
            />
          </label>
          <label>
            {t('integrations.refreshToken')}
            <input
              value={draft.refresh_token}
              onChange={(e) => set({ refresh_token: e.target.value })}
              autoComplete="off"
            />
          </label>
          <label>
            {t('integrations.sellerIdField')}
            <input value={draft.seller_id} onChange={(e) => set({ seller_id: e.target.value })} />
          </label>
        </>
      )}
      {channel.channel === 'amazon' && (
        <>
          <label>
            {t('integrations.applicationId')}
            <input
              value={draft.application_id}
              onChange={(e) => set({ application_id: e.target.value })}
              placeholder="amzn1.sp.solution…"
              aria-describedby="application-id-help"
            />
          </label>
          <p id="application-id-help" className="muted small help">
            {t('integrations.applicationIdHelp')}
          </p>
        </>
      )}
      {channel.channel === 'mercadolivre' && (
        <>
          <label>
            {t('integrations.category')}
            <input
              value={draft.category}
              onChange={(e) => set({ category: e.target.value })}
              placeholder="MLB1055"
              aria-describedby="category-help"
            />
          </label>
          <p id="category-help" className="muted small help">
            {t('integrations.categoryHelp')}
          </p>
        </>
      )}
      <ErrorMessage error={action.error} fields={connectFields} />
      <button type="submit" className="primary" disabled={action.busy}>
        {draft.mode === 'oauth' && channel.capabilities.auth === 'oauth'
          ? t('integrations.connectOauth')
          : t('integrations.connect')}
      </button>
    </form>
  );
}
