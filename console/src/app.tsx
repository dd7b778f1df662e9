/** The session gate, the layout (side menu, header) and the page for the current path. */
import { useCallback, useEffect, useState } from 'react';
import { api, setCsrfToken, whenSessionEnds } from './api.ts';
import { type Lang, useI18n } from './i18n.tsx';
import { DashboardPage } from './pages/dashboard.tsx';
import { ErrorsPage } from './pages/errors.tsx';
import { IntegrationPage, IntegrationsPage } from './pages/integrations.tsx';
import { LoginPage } from './pages/login.tsx';
import { OrderPage, OrdersPage } from './pages/orders.tsx';
import { ProductPage } from './pages/product.tsx';
import { ProductsPage } from './pages/products.tsx';
import { RunPage, SchedulesPage } from './pages/schedules.tsx';
import { SettingsPage } from './pages/settings.tsx';
import { Link, navigate, useLocation } from './router.tsx';
import { SessionContext } from './session.tsx';
import type { SessionInfo } from './types.ts';
import { Loading } from './ui.tsx';

export function App() {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const { path } = useLocation();

  const loggedIn = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrf_token);
    setSession(info);
  }, []);

  useEffect(() => {
    whenSessionEnds(() => setSession(null));
    api<SessionInfo>('GET', '/session').then(loggedIn, () => setSession(null));
  }, [loggedIn]);

  useEffect(() => {
    if (session === null && path !== '/entrar') {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(path + location.search)}`;
      navigate(`/entrar${next}`, { replace: true });
    }
    if (session && (path === '/' || path === '/entrar')) navigate('/painel', { replace: true });
  }, [session, path]);

  if (session === undefined) return <Loading />;
  if (session === null) return <LoginPage onLoggedIn={loggedIn} />;
  return (
    <SessionContext.Provider value={session}>
      <Layout session={session} onLoggedOut={() => setSession(null)} />
    </SessionContext.Provider>
  );
}

const menu = [
  { to: '/painel', key: 'nav.dashboard' },
  { to: '/sincronizacoes', key: 'nav.sync' },
  { to: '/produtos', key: 'nav.products' },
  { to: '/pedidos', key: 'nav.orders' },
  { to: '/erros', key: 'nav.errors' },
  { to: '/integracoes', key: 'nav.integrations' },
  { to: '/configuracoes', key: 'nav.settings' },
] as const;

function Layout(props: { session: SessionInfo; onLoggedOut(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the page changes
  useEffect(() => setMenuOpen(false), [path]);

  const logout = async () => {
    await api('DELETE', '/session').catch(() => {});
    // The next person to log in starts at the Painel, not on this user's page.
    navigate('/entrar', { replace: true });
    props.onLoggedOut();
  };

  return (
    <div className="shell">
      <a href="#main" className="skip">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="side-menu"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {t('nav.menu')}
        </button>
        <Link to="/painel" className="brand">
          Cais
        </Link>
        <span className="account">{props.session.account.name}</span>
        <span className="spacer" />
        <label className="lang">
          <span className="sr-only">{t('nav.language')}</span>
          <select value={i18n.lang} onChange={(e) => i18n.setLang(e.target.value as Lang)}>
            <option value="pt-BR">Português</option>
            <option value="en">English</option>
          </select>
        </label>
        <span className="user" title={props.session.user.email}>
          {props.session.user.email}
        </span>
        <button type="button" className="link-button" onClick={logout}>
          {t('nav.logout')}
        </button>
      </header>
      <nav id="side-menu" className={`side ${menuOpen ? 'open' : ''}`} aria-label={t('nav.main')}>
        <ul>
          {menu.map((item) => (
            <li key={item.to}>
              <Link to={item.to} current={path === item.to || path.startsWith(`${item.to}/`)}>
                {item.to === '/sincronizacoes' ? (
                  <>
                    {t('nav.syncGroup')} <span aria-hidden="true">›</span> {t(item.key)}
                  </>
                ) : (
                  t(item.key)
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content">
        <Page path={path} />
      </main>
    </div>
  );
}

function Page(props: { path: string }) {
  const parts = props.path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  switch (first) {
    case 'sincronizacoes':
      return second === 'execucoes' && third ? <RunPage id={Number(third)} /> : <SchedulesPage />;
    case 'produtos':
      return second ? <ProductPage key={second} sku={second} /> : <ProductsPage />;
    case 'pedidos':
      return second ? <OrderPage code={second} /> : <OrdersPage />;
    case 'erros':
      return <ErrorsPage />;
    case 'integracoes':
      return second ? <IntegrationPage id={Number(second)} /> : <IntegrationsPage />;
    case 'configuracoes':
      return <SettingsPage />;
    default:
      return <DashboardPage />;
  }
}
