/** Painel: per connection, its status, what is pending and since when, the next and last runs, open errors. */
import { api } from '../api.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import type { DashboardConnection, Resource } from '../types.ts';
import { Badge, connectionTone, Empty, ErrorMessage, Loading, PageTitle, runTone, useLoad } from '../ui.tsx';

const resources: Resource[] = ['stock', 'price', 'orders', 'catalog'];

export function DashboardPage() {
  const { t } = useI18n();
  const dash = useLoad(() => api<{ connections: DashboardConnection[] }>('GET', '/dashboard'), [], 15_000);
  return (
    <>
      <PageTitle lead={t('dashboard.lead')}>{t('nav.dashboard')}</PageTitle>
      <ErrorMessage error={dash.error} />
      {!dash.data && dash.loading && <Loading />}
      {dash.data?.connections.length === 0 && (
        <Empty
          title={t('dashboard.empty')}
          action={{ to: '/integracoes', label: t('dashboard.connectFirst') }}
        >
          {t('dashboard.emptyHelp')}
        </Empty>
      )}
      <div className="cards dashboard-cards">
        {dash.data?.connections.map((c) => (
          <ConnectionCard key={c.connection.id} summary={c} />
        ))}
      </div>
    </>
  );
}

function ConnectionCard(props: { summary: DashboardConnection }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = props.summary;
  const noSchedule = resources.every((r) => !s.schedule[r]);
  return (
    <section className="card" aria-labelledby={`conn-${s.connection.id}`}>
      <div className="card-head">
        <h2 id={`conn-${s.connection.id}`}>{s.connection.name}</h2>
        <Badge tone={connectionTone(s.connection.status)}>
          {t(`connection.${s.connection.status}` as MessageKey)}
        </Badge>
      </div>
      {s.connection.status === 'auth_failed' && (
        <p className="notice notice-error">
          {t('dashboard.reconnect')} <Link to="/integracoes">{t('nav.integrations')}</Link>
        </p>
      )}
      <p className="muted small">
        {t('dashboard.listings', {
          green: i18n.number(s.listings.green),
          yellow: i18n.number(s.listings.yellow),
          red: i18n.number(s.listings.red),
        })}
      </p>
      <table className="stack">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.resource')}</th>
            <th scope="col">{t('dashboard.pending')}</th>
            <th scope="col">{t('dashboard.nextRun')}</th>
            <th scope="col">{t('dashboard.lastRun')}</th>
          </tr>
        </thead>
        <tbody>
          {resources.map((r) => {
            const pending = r === 'stock' || r === 'price' ? s.pending[r] : undefined;
            const refused = r === 'stock' || r === 'price' ? (s.refused?.[r] ?? 0) : 0;
            const schedule = s.schedule[r];
            const run = s.last_runs[r];
            return (
              <tr key={r} data-resource={r}>
                <th scope="row">{t(`resource.${r}` as MessageKey)}</th>
                <td data-label={t('dashboard.pending')}>
                  {pending === undefined ? (
                    '—'
                  ) : pending.count === 0 && refused === 0 ? (
                    t('dashboard.upToDate')
                  ) : (
                    <>
                      {pending.count > 0 && (
                        <span className="pending">
                          {t('dashboard.pendingSince', { n: pending.count, ago: i18n.ago(pending.since) })}
                        </span>
                      )}
                      {refused > 0 && (
                        <Link to="/erros" className="refused">
                          {t('dashboard.refused', { n: refused })}
                        </Link>
                      )}
                    </>
                  )}
                </td>
                <td data-label={t('dashboard.nextRun')}>
                  {!schedule ? (
                    <span className="muted">{t('dashboard.noSchedule')}</span>
                  ) : schedule.every === 'continuous' ? (
                    t('every.continuous')
                  ) : (
                    <>
                      {i18n.time(schedule.next_run_at)}{' '}
                      <span className="muted small">{t(`every.${schedule.every}` as MessageKey)}</span>
                    </>
                  )}
                </td>
                <td data-label={t('dashboard.lastRun')}>
                  {run ? (
                    <Link to={`/sincronizacoes/execucoes/${run.id}`} className="run-link">
                      <Badge tone={runTone(run.status)}>{t(`run.${run.status}` as MessageKey)}</Badge>{' '}
                      <span className="when">{i18n.ago(run.finished_at ?? run.started_at)}</span>
                      <span className="muted small">
                        {t('run.sentShort', { n: run.sent })}
                        {run.failed > 0 && ` · ${t('run.failedShort', { n: run.failed })}`}
                      </span>
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="card-foot">
        {s.open_errors > 0 ? (
          <Link to="/erros">{t('dashboard.openErrors', { n: s.open_errors })}</Link>
        ) : (
          <span className="muted">{t('dashboard.noErrors')}</span>
        )}
        {noSchedule && (
          <>
            {' · '}
            <Link to="/sincronizacoes">{t('dashboard.scheduleNow')}</Link>
          </>
        )}
      </p>
    </section>
  );
}
