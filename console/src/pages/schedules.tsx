/**
 * Sincronizações › Sincronizar, as in SkyHub's help: pick the systems, what to sync and how often,
 * then Agendar Sincronização. Below, the active schedules (cancel, replace, run now, recent runs).
 */
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { canChange, useSession } from '../session.tsx';
import type { Connection, Resource, Run, Schedule, SyncError } from '../types.ts';
import {
  Badge,
  ConfirmButton,
  Empty,
  ErrorMessage,
  Loading,
  Notice,
  PageTitle,
  runTone,
  useAction,
  useLoad,
  useNotice,
  WhyDisabled,
} from '../ui.tsx';

const resources: Resource[] = ['stock', 'price', 'orders', 'catalog'];
const frequencies = ['1m', '5m', '10m', '15m', '30m', '60m', '6h', '24h', 'continuous'];

interface Draft {
  connections: number[];
  resources: Resource[];
  every: string;
}

export function SchedulesPage() {
  const { t } = useI18n();
  const writable = canChange(useSession());
  const connections = useLoad(() => api<{ connections: Connection[] }>('GET', '/connections'), []);
  // Next-run times move on every firing: read them again often, so "próxima às" is never stale.
  const schedules = useLoad(() => api<{ schedules: Schedule[] }>('GET', '/sync/schedules'), [], 5_000);
  const [replacing, setReplacing] = useState<Schedule | undefined>();
  const [done, setDone] = useNotice();
  const [changes, setChanges] = useState(0);
  const names = new Map(connections.data?.connections.map((c) => [c.id, c.name]));

  return (
    <>
      <PageTitle lead={t('sync.lead')}>
        {t('nav.syncGroup')} › {t('nav.sync')}
      </PageTitle>
      {done && <Notice kind="ok">{done}</Notice>}
      {writable && connections.data && (
        <ScheduleForm
          key={replacing?.id ?? 'new'}
          connections={connections.data.connections}
          replacing={replacing}
          onDone={(message) => {
            setDone(message);
            setReplacing(undefined);
            setChanges((n) => n + 1);
            schedules.reload();
          }}
          onCancelReplace={() => setReplacing(undefined)}
        />
      )}
      <section aria-labelledby="active-title">
        <h2 id="active-title">{t('sync.active')}</h2>
        <ErrorMessage error={schedules.error} />
        {!schedules.data && schedules.loading && <Loading />}
        {schedules.data?.schedules.length === 0 && <Empty title={t('sync.none')}>{t('sync.noneHelp')}</Empty>}
        <ul className="plain">
          {schedules.data?.schedules.map((s) => (
            <ScheduleItem
              key={s.id}
              schedule={s}
              names={names}
              writable={writable}
              onReplace={() => {
                setReplacing(s);
                document.getElementById('schedule-form')?.scrollIntoView();
              }}
              onChanged={(message) => {
                setDone(message);
                setChanges((n) => n + 1);
                schedules.reload();
              }}
            />
          ))}
        </ul>
      </section>
      <RecentRuns names={names} changes={changes} />
    </>
  );
}

function ScheduleForm(props: {
  connections: Connection[];
  replacing: Schedule | undefined;
  onDone(message: string): void;
  onCancelReplace(): void;
}) {
  const { t } = useI18n();
  const r = props.replacing;
  const [draft, setDraft] = useState<Draft>({
    connections: r?.connections ?? props.connections.filter((c) => c.status === 'active').map((c) => c.id),
    resources: r?.resources ?? ['stock'],
    every: r?.every ?? '15m',
  });
  const action = useAction();
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  if (props.connections.length === 0) {
    return (
      <Empty
        title={t('sync.noConnections')}
        action={{ to: '/integracoes', label: t('dashboard.connectFirst') }}
      />
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { schedule: draft };
    const saved = await action.run(() =>
      r
        ? api<{ schedule: Schedule }>('PUT', `/sync/schedules/${r.id}`, body)
        : api<{ schedule: Schedule }>('POST', '/sync/schedules', body),
    );
    if (saved) props.onDone(r ? t('sync.replaced', { id: r.id }) : t('sync.scheduled'));
  };
  const why =
    draft.connections.length === 0
      ? t('sync.whyNoSystem')
      : draft.resources.length === 0
        ? t('sync.whyNoResource')
        : undefined;
  const invalid = why !== undefined;
  return (
    <form id="schedule-form" className="card form" onSubmit={submit} aria-labelledby="form-title">
      <h2 id="form-title">{r ? t('sync.replaceTitle', { id: r.id }) : t('sync.newTitle')}</h2>
      <fieldset>
        <legend>{t('sync.systems')}</legend>
        {props.connections.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              checked={draft.connections.includes(c.id)}
              onChange={() => setDraft({ ...draft, connections: toggle(draft.connections, c.id) })}
            />
            {c.name}{' '}
            {c.status !== 'active' && <Badge tone="warn">{t(`connection.${c.status}` as MessageKey)}</Badge>}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('sync.what')}</legend>
        {resources.map((res) => (
          <label key={res} className="check">
            <input
              type="checkbox"
              checked={draft.resources.includes(res)}
              onChange={() => setDraft({ ...draft, resources: toggle(draft.resources, res) })}
            />
            {t(`resource.${res}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('sync.frequency')}
        <select value={draft.every} onChange={(e) => setDraft({ ...draft, every: e.target.value })}>
          {frequencies.map((f) => (
            <option key={f} value={f}>
              {t(`every.${f}` as MessageKey)}
              {f === '15m' ? ` (${t('sync.suggested')})` : ''}
            </option>
          ))}
        </select>
      </label>
      {draft.every === 'continuous' && <p className="muted small">{t('sync.continuousHelp')}</p>}
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={action.busy || invalid}
          aria-describedby="schedule-why"
        >
          {r ? t('sync.replaceSubmit') : t('sync.submit')}
        </button>
        <WhyDisabled id="schedule-why" reason={why} />
        {r && (
          <button type="button" onClick={props.onCancelReplace}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function ScheduleItem(props: {
  schedule: Schedule;
  names: Map<number, string>;
  writable: boolean;
  onReplace(): void;
  onChanged(message: string): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = props.schedule;
  const action = useAction();
  const [runs, setRuns] = useState<Run[] | undefined>();
  const systems = s.connections.map((id) => props.names.get(id) ?? `#${id}`).join(', ');
  const what = s.resources.map((r) => t(`resource.${r}` as MessageKey)).join(', ');
  const next = s.next_runs
    .map((n) => n.next_run_at)
    .filter(Boolean)
    .sort()[0];

  const cancel = async () => {
    if (await action.run(() => api('DELETE', `/sync/schedules/${s.id}`)))
      props.onChanged(t('sync.cancelled', { id: s.id }));
  };
  const runNow = async () => {
    if (await action.run(() => api('POST', `/sync/schedules/${s.id}/run`)))
      props.onChanged(t('sync.queued', { id: s.id }));
  };
  const toggleRuns = async () => {
    if (runs) return setRuns(undefined);
    const detail = await action.run(() => api<{ schedule: Schedule }>('GET', `/sync/schedules/${s.id}`));
    setRuns(detail?.schedule.last_runs ?? []);
  };
  return (
    <li className="card schedule" data-schedule={s.id}>
      <div className="card-head">
        <h3>
          {what} · {t(`every.${s.every}` as MessageKey)}
        </h3>
        <span className="muted small">#{s.id}</span>
      </div>
      <p>
        {t('sync.systems')}: {systems}
      </p>
      <p className="muted small">
        {t('sync.createdAt', { at: i18n.dateTime(s.created_at) })}
        {s.every !== 'continuous' &&
          next &&
          ` · ${Date.parse(next) <= Date.now() ? t('sync.nextNow') : t('sync.nextAt', { at: i18n.time(next) })}`}
        {s.next_runs.length === 0 && ` · ${t('sync.overridden')}`}
      </p>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="button" onClick={toggleRuns} aria-expanded={runs !== undefined}>
          {t('sync.recentRuns')}
        </button>
        {props.writable && (
          <>
            <button type="button" onClick={runNow} disabled={action.busy}>
              {t('sync.runNow')}
            </button>
            <button type="button" onClick={props.onReplace}>
              {t('sync.replace')}
            </button>
            <ConfirmButton
              label={t('sync.cancel')}
              question={t('sync.confirmCancel', { id: s.id })}
              confirmLabel={t('sync.confirmCancelButton')}
              onConfirm={cancel}
              danger
              disabled={action.busy}
            />
          </>
        )}
      </div>
      {runs && <RunTable runs={runs} names={props.names} />}
    </li>
  );
}

function RecentRuns(props: { names: Map<number, string>; changes: number }) {
  const { t } = useI18n();
  // Runs start a moment after a schedule is made or run: look again soon after each change.
  const runs = useLoad(() => api<{ runs: Run[] }>('GET', '/sync/runs?limit=15'), [props.changes], 5_000);
  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title">{t('sync.allRuns')}</h2>
      <ErrorMessage error={runs.error} />
      {runs.data?.runs.length === 0 && <p className="muted">{t('sync.noRuns')}</p>}
      {runs.data && runs.data.runs.length > 0 && <RunTable runs={runs.data.runs} names={props.names} />}
    </section>
  );
}

function RunTable(props: { runs: Run[]; names: Map<number, string> }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (props.runs.length === 0) return <p className="muted">{t('sync.noRuns')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('run.when')}</th>
            <th scope="col">{t('run.system')}</th>
            <th scope="col">{t('dashboard.resource')}</th>
            <th scope="col">{t('run.trigger')}</th>
            <th scope="col">{t('run.status')}</th>
            <th scope="col">{t('run.counts')}</th>
          </tr>
        </thead>
        <tbody>
          {props.runs.map((run) => (
            <tr key={run.id}>
              <td>
                <Link to={`/sincronizacoes/execucoes/${run.id}`}>{i18n.dateTime(run.started_at)}</Link>
              </td>
              <td>{props.names.get(run.connection_id) ?? `#${run.connection_id}`}</td>
              <td>{t(`resource.${run.resource}` as MessageKey)}</td>
              <td>{t(`trigger.${run.trigger}` as MessageKey)}</td>
              <td>
                <Badge tone={runTone(run.status)}>{t(`run.${run.status}` as MessageKey)}</Badge>
              </td>
              <td>
                {t('run.sentShort', { n: run.sent })}
                {run.failed > 0 && ` · ${t('run.failedShort', { n: run.failed })}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RunPage(props: { id: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  // A running run is read again every few seconds, so its state and counts are live.
  const [live, setLive] = useState(true);
  const run = useLoad(
    () => api<{ run: Run }>('GET', `/sync/runs/${props.id}`),
    [props.id],
    live ? 3_000 : undefined,
  );
  const connections = useLoad(() => api<{ connections: Connection[] }>('GET', '/connections'), []);
  const r = run.data?.run;
  if (r && r.status !== 'running' && live) setLive(false);
  const name = connections.data?.connections.find((c) => c.id === r?.connection_id)?.name;
  return (
    <>
      <PageTitle>{t('run.title', { id: props.id })}</PageTitle>
      <p>
        <Link to="/sincronizacoes">← {t('nav.sync')}</Link>
      </p>
      <ErrorMessage error={run.error} />
      {r && (
        <section className="card">
          <dl className="facts">
            <dt>{t('run.system')}</dt>
            <dd>{name ?? `#${r.connection_id}`}</dd>
            <dt>{t('dashboard.resource')}</dt>
            <dd>{t(`resource.${r.resource}` as MessageKey)}</dd>
            <dt>{t('run.trigger')}</dt>
            <dd>{t(`trigger.${r.trigger}` as MessageKey)}</dd>
            <dt>{t('run.status')}</dt>
            <dd>
              <Badge tone={runTone(r.status)}>{t(`run.${r.status}` as MessageKey)}</Badge>
            </dd>
            <dt>{t('run.started')}</dt>
            <dd>{i18n.dateTime(r.started_at)}</dd>
            <dt>{t('run.finished')}</dt>
            <dd>{i18n.dateTime(r.finished_at)}</dd>
            <dt>{t('run.considered')}</dt>
            <dd>{i18n.number(r.considered)}</dd>
            <dt>{t('run.sent')}</dt>
            <dd>{i18n.number(r.sent)}</dd>
            <dt>{t('run.confirmed')}</dt>
            <dd>{i18n.number(r.confirmed)}</dd>
            <dt>{t('run.failedCount')}</dt>
            <dd>{i18n.number(r.failed)}</dd>
          </dl>
          <h2>{t('run.failures')}</h2>
          <RunFailures run={r} />
        </section>
      )}
    </>
  );
}

/**
 * What failed in a run, by SKU, with the marketplace's words. A run that failed as a whole (its
 * per-item list is empty) is explained by the sync errors its connection had for that resource
 * while it ran, and by why it stopped: never "nothing failed" for a failed run.
 */
function RunFailures(props: { run: Run }) {
  const { t } = useI18n();
  const r = props.run;
  const whole = r.failures.length === 0 && (r.status === 'failed' || r.status === 'partial' || r.failed > 0);
  const category = r.resource === 'stock' ? 'stock_sync' : r.resource === 'price' ? 'price_sync' : undefined;
  // Open or since resolved (a later run may have delivered): what the marketplace said then.
  const errors = useLoad(async () => {
    if (!whole || !category) return [] as SyncError[];
    const path = `/sync_errors/products?connection_id=${r.connection_id}&error_category_code=${category}&per_page=100`;
    const lists = await Promise.all(
      (['open', 'resolved'] as const).map((status) =>
        api<{ errors: SyncError[] }>('GET', `${path}&status=${status}`),
      ),
    );
    return lists.flatMap((l) => l.errors);
  }, [r.id, whole]);
  const from = Date.parse(r.started_at) - 1000;
  const to = r.finished_at ? Date.parse(r.finished_at) + 1000 : Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  const during = (errors.data ?? []).filter((e) => {
    const at = Date.parse(e.last_accurence);
    const first = Date.parse(e.first_seen_at);
    const key = `${e.entity_id}|${e.message}`;
    if (seen.has(key) || !((at >= from && at <= to) || (first >= from && first <= to))) return false;
    seen.add(key);
    return true;
  });
  const failures = whole
    ? during.map((e) => ({ sku: e.entity_id, message: e.message, hint: e.hint }))
    : r.failures.map((f) => ({ sku: f.sku, message: f.message, hint: null as string | null }));
  if (failures.length === 0 && !whole) return <p className="muted">{t('run.noFailures')}</p>;
  return (
    <>
      {whole && (
        <p className="notice notice-error">{t(`run.why.${r.status === 'partial' ? 'partial' : 'failed'}`)}</p>
      )}
      {failures.length === 0 && whole && <p className="muted">{t('run.noSkuDetail')}</p>}
      <ul className="run-failures">
        {failures.map((f) => (
          <li key={`${f.sku}-${f.message}`}>
            {f.sku.startsWith('connection:') ? (
              <Link to="/integracoes">{t('run.connectionWide')}</Link>
            ) : (
              <Link to={`/produtos/${encodeURIComponent(f.sku)}`}>{f.sku}</Link>
            )}
            : {t('common.marketplaceSaidShort', { message: f.message })}
            {f.hint && <span className="muted"> {f.hint}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
