/**
 * Configurações: API keys (created here, shown once, revoked), users and their roles, and the
 * order settings (webhooks, reservations) once the server offers them.
 */
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { canChange, useSession } from '../session.tsx';
import type { ApiKey, Delivery, User, Webhook } from '../types.ts';
import {
  Badge,
  ConfirmButton,
  Empty,
  ErrorMessage,
  FieldError,
  Notice,
  PageTitle,
  useAction,
  useLoad,
  useNotice,
} from '../ui.tsx';

export function SettingsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle lead={t('settings.lead')}>{t('nav.settings')}</PageTitle>
      <ApiKeys />
      <Users />
      <Webhooks />
      <Reservations />
    </>
  );
}

function ApiKeys() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const writable = canChange(session);
  const keys = useLoad(() => api<{ api_keys: ApiKey[] }>('GET', '/account/api-keys'), []);
  const action = useAction();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | undefined>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const res = await action.run(() =>
      api<{ api_key: ApiKey; key: string }>('POST', '/account/api-keys', { name }),
    );
    if (res) {
      setCreated({ name: res.api_key.name, key: res.key });
      setName('');
      keys.reload();
    }
  };
  const revoke = async (key: ApiKey) => {
    await action.run(() => api('DELETE', `/account/api-keys/${key.id}`));
    keys.reload();
  };
  const live = keys.data?.api_keys.filter((k) => !k.revoked_at) ?? [];
  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('keys.title')}</h2>
      <p className="muted">{t('keys.lead')}</p>
      {created && (
        <div className="notice notice-ok" role="status">
          <p>{t('keys.showOnce', { name: created.name })}</p>
          <p>
            <code className="secret" data-testid="new-key">
              {created.key}
            </code>{' '}
            <button type="button" onClick={() => navigator.clipboard?.writeText(created.key)}>
              {t('keys.copy')}
            </button>
          </p>
          <p className="small">{t('keys.howTo', { email: session.user.email })}</p>
        </div>
      )}
      <ErrorMessage error={keys.error ?? action.error} />
      {keys.data && live.length === 0 && <p className="muted">{t('keys.none')}</p>}
      <ul className="plain rows">
        {live.map((k) => (
          <li key={k.id}>
            <span>
              <strong>{k.name}</strong> <code>{k.prefix}…</code>{' '}
              <span className="muted small">{t('keys.created', { at: i18n.dateTime(k.created_at) })}</span>
            </span>
            {writable && (
              <ConfirmButton
                label={t('keys.revoke')}
                question={t('keys.confirmRevoke', { name: k.name })}
                confirmLabel={t('keys.confirmRevokeButton')}
                onConfirm={() => revoke(k)}
                danger
                disabled={action.busy}
              />
            )}
          </li>
        ))}
      </ul>
      {writable && (
        <form className="inline-form" onSubmit={create}>
          <label>
            {t('keys.name')}
            <input
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('keys.namePlaceholder')}
            />
          </label>
          <button type="submit" className="primary" disabled={action.busy}>
            {t('keys.create')}
          </button>
        </form>
      )}
    </section>
  );
}

function Users() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const writable = canChange(session);
  const users = useLoad(() => api<{ users: User[] }>('GET', '/account/users'), []);
  const action = useAction();
  const [draft, setDraft] = useState({ email: '', password: '', role: 'viewer' as User['role'] });
  const [done, setDone] = useNotice();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const res = await action.run(() => api<{ user: User }>('POST', '/account/users', draft));
    if (res) {
      setDone(t('users.added', { email: res.user.email }));
      setDraft({ email: '', password: '', role: 'viewer' });
      users.reload();
    }
  };
  const remove = async (user: User) => {
    await action.run(() => api('DELETE', `/account/users/${user.id}`));
    users.reload();
  };
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      <p className="muted">{t('users.lead')}</p>
      {done && <Notice kind="ok">{done}</Notice>}
      <ErrorMessage error={users.error ?? action.error} fields={['email', 'password']} />
      <ul className="plain rows">
        {users.data?.users.map((u) => (
          <li key={u.id}>
            <span>
              <strong>{u.email}</strong> <Badge tone="neutral">{t(`role.${u.role}` as MessageKey)}</Badge>
              {u.id === session.user.id && <span className="muted small"> {t('users.you')}</span>}
            </span>
            {writable && u.id !== session.user.id && (
              <ConfirmButton
                label={t('users.remove')}
                question={t('users.confirmRemove', { email: u.email })}
                confirmLabel={t('users.confirmRemoveButton')}
                onConfirm={() => remove(u)}
                danger
                disabled={action.busy}
              />
            )}
          </li>
        ))}
      </ul>
      {writable && (
        <form className="inline-form" onSubmit={add}>
          <label>
            {t('login.email')}
            <input
              type="email"
              required
              value={draft.email}
              onChange={(e) => setDraft({ ...draft, email: e.target.value })}
              aria-describedby="user-email-error"
            />
            <FieldError id="user-email-error" error={action.error} field="email" />
          </label>
          <label>
            {t('users.password')}
            <input
              type="password"
              required
              minLength={8}
              autoComplete="new-password"
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.target.value })}
              aria-describedby="user-password-error"
            />
            <FieldError id="user-password-error" error={action.error} field="password" />
          </label>
          <label>
            {t('users.role')}
            <select
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as User['role'] })}
            >
              <option value="viewer">{t('role.viewer')}</option>
              <option value="admin">{t('role.admin')}</option>
              {session.user.role === 'owner' && <option value="owner">{t('role.owner')}</option>}
            </select>
          </label>
          <button type="submit" className="primary" disabled={action.busy}>
            {t('users.add')}
          </button>
        </form>
      )}
    </section>
  );
}

const eventTypes = ['order.created', 'order.updated', 'sync_error.created'];

function Webhooks() {
  const { t } = useI18n();
  const writable = canChange(useSession());
  const hooks = useLoad(() => api<{ webhooks: Webhook[] }>('GET', '/webhooks'), []);
  const action = useAction();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['order.created', 'order.updated']);
  const [created, setCreated] = useState<Webhook | undefined>();
  const missing = hooks.error?.status === 404 && hooks.error.code === 'no_route';

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const res = await action.run(() => api<{ webhook: Webhook }>('POST', '/webhooks', { url, events }));
    if (res) {
      setCreated(res.webhook);
      setUrl('');
      hooks.reload();
    }
  };
  const remove = async (hook: Webhook) => {
    await action.run(() => api('DELETE', `/webhooks/${hook.id}`));
    hooks.reload();
  };
  return (
    <section className="card" aria-labelledby="hooks-title">
      <h2 id="hooks-title">{t('webhooks.title')}</h2>
      {missing ? (
        <Empty title={t('webhooks.unavailable')}>{t('webhooks.unavailableHelp')}</Empty>
      ) : (
        <>
          <p className="muted">{t('webhooks.lead')}</p>
          {created?.secret && (
            <p className="notice notice-ok" role="status">
              {t('webhooks.secret')}
              <code className="secret">{created.secret}</code>
            </p>
          )}
          <ErrorMessage error={hooks.error ?? action.error} fields={['webhook.url']} />
          {hooks.data?.webhooks.length === 0 && <p className="muted">{t('webhooks.none')}</p>}
          <ul className="plain">
            {hooks.data?.webhooks.map((h) => (
              <WebhookItem key={h.id} hook={h} writable={writable} onRemove={() => remove(h)} />
            ))}
          </ul>
          {writable && (
            <form className="inline-form" onSubmit={add}>
              <label>
                {t('webhooks.url')}
                <input
                  type="url"
                  required
                  value={url}
                  onChange={(e) => setUrl(e.target.value)}
                  placeholder="https://"
                  aria-describedby="webhook-url-error"
                />
                <FieldError id="webhook-url-error" error={action.error} field="webhook.url" />
              </label>
              <fieldset>
                <legend>{t('webhooks.events')}</legend>
                {eventTypes.map((e) => (
                  <label key={e} className="check">
                    <input
                      type="checkbox"
                      checked={events.includes(e)}
                      onChange={() =>
                        setEvents(events.includes(e) ? events.filter((x) => x !== e) : [...events, e])
                      }
                    />
                    <code>{e}</code>
                  </label>
                ))}
              </fieldset>
              <button type="submit" className="primary" disabled={action.busy || events.length === 0}>
                {t('webhooks.add')}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}

function WebhookItem(props: { hook: Webhook; writable: boolean; onRemove(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const log = useLoad(
    () =>
      open
        ? api<{ deliveries: Delivery[] }>('GET', `/webhooks/${props.hook.id}/deliveries?per_page=20`)
        : Promise.resolve({ deliveries: [] }),
    [open],
  );
  const action = useAction();
  const [done, setDone] = useNotice();
  const replay = async () => {
    const res = await action.run(() =>
      api<{ replayed: number }>('POST', `/webhooks/${props.hook.id}/replay`),
    );
    if (res) setDone(t('webhooks.replayed', { n: res.replayed }));
    log.reload();
  };
  const h = props.hook;
  return (
    <li className="webhook">
      <div className="card-head">
        <span>
          <code>{h.url}</code> <span className="muted small">{h.events.join(', ')}</span>
        </span>
        <span className="actions">
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('webhooks.deliveries')}
          </button>
          {props.writable && (
            <ConfirmButton
              label={t('webhooks.remove')}
              question={t('webhooks.confirmRemove', { url: props.hook.url })}
              confirmLabel={t('webhooks.confirmRemoveButton')}
              onConfirm={props.onRemove}
              danger
            />
          )}
        </span>
      </div>
      {open && (
        <div>
          {done && <Notice kind="ok">{done}</Notice>}
          <ErrorMessage error={log.error ?? action.error} />
          {log.data?.deliveries.length === 0 && <p className="muted">{t('webhooks.noDeliveries')}</p>}
          <ul className="plain rows">
            {log.data?.deliveries.map((d) => (
              <li key={d.id}>
                <span>
                  <code>{d.event_type}</code> · {i18n.dateTime(d.created_at)} ·{' '}
                  {t('webhooks.attempts', { n: d.attempts })}
                  {d.last_status_code !== null && ` · HTTP ${d.last_status_code}`}
                  {d.last_error && <span className="muted small"> {d.last_error}</span>}
                </span>
                <Badge tone={d.status === 'succeeded' ? 'ok' : d.status === 'dead' ? 'bad' : 'warn'}>
                  {t(`webhooks.delivery.${d.status}` as MessageKey)}
                </Badge>
              </li>
            ))}
          </ul>
          {props.writable && log.data?.deliveries.some((d) => d.status === 'dead') && (
            <button type="button" onClick={replay} disabled={action.busy}>
              {t('webhooks.replay')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function Reservations() {
  const { t } = useI18n();
  const writable = canChange(useSession());
  const settings = useLoad(() => api<{ reservations: boolean }>('GET', '/settings/orders'), []);
  const action = useAction();
  const [done, setDone] = useState(false);
  if (settings.error?.code === 'no_route') return null;
  const toggle = async (on: boolean) => {
    setDone(false);
    if (await action.run(() => api('PUT', '/settings/orders', { reservations: on }))) setDone(true);
    settings.reload();
  };
  return (
    <section className="card" aria-labelledby="reservations-title">
      <h2 id="reservations-title">{t('reservations.title')}</h2>
      <p className="muted small">{t('reservations.lead')}</p>
      {settings.data && (
        <label className="check">
          <input
            type="checkbox"
            checked={settings.data.reservations}
            disabled={!writable || action.busy}
            onChange={(e) => toggle(e.target.checked)}
          />
          {t('reservations.on')}
        </label>
      )}
      {done && <Notice kind="ok">{t('reservations.saved')}</Notice>}
      <ErrorMessage error={settings.error ?? action.error} />
    </section>
  );
}
