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
import type { Channel, Connection } from '../types.ts';
import {
  Badge,
  connectionTone,
  Empty,
  ErrorMessage,
  Loading,
  Notice,
  PageTitle,
  useAction,
  useLoad,
} from '../ui.tsx';

export { IntegrationPage } from './rules.tsx';

export function IntegrationsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const writable = canChange(useSession());
  const { query } = useLocation();
  const connections = useLoad(() => api<{ connections: Connection[] }>('GET', '/connections'), []);
  const action = useAction();
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
    await action.run(() => api('POST', `/connections/${c.id}/test`));
    connections.reload();
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
            name: list.find((c) => c.id === Number(connected))?.name ?? `#${connected}`,
          })}
        </Notice>
      )}
      {oauthError && <Notice kind="error">{t('integrations.oauthError', { message: oauthError })}</Notice>}
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
              {t(`channel.${c.channel}` as MessageKey)} · {c.base_url}
              {c.seller_id && ` · ${t('integrations.sellerId', { id: c.seller_id })}`}
            </p>
            {c.status_reason && c.status !== 'active' && (
              <p className="notice notice-error small">{c.status_reason}</p>
            )}
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
                  {c.status === 'disabled' ? (
                    <button type="button" onClick={() => setEnabled(c, true)}>
                      {t('integrations.enable')}
                    </button>
                  ) : (
                    <button type="button" onClick={() => setEnabled(c, false)}>
                      {t('integrations.disable')}
                    </button>
                  )}
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {writable && <ConnectForm onCreated={() => connections.reload()} />}
    </>
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
        />
      </label>
      <label>
        {t('integrations.baseUrl')}
        <input
          type="url"
          value={draft.base_url}
          onChange={(e) => set({ base_url: e.target.value })}
          placeholder={channel.default_base_url}
          aria-describedby="base-url-help"
        />
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
        />
      </label>
      <label>
        {t('integrations.clientSecret')}
        <input
          type="password"
          value={draft.client_secret}
          onChange={(e) => set({ client_secret: e.target.value })}
          autoComplete="off"
        />
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
      <ErrorMessage error={action.error} />
      <button type="submit" className="primary" disabled={action.busy}>
        {draft.mode === 'oauth' && channel.capabilities.auth === 'oauth'
          ? t('integrations.connectOauth')
          : t('integrations.connect')}
      </button>
    </form>
  );
}
