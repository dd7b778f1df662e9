/** Entrar: email and password; a 429 says how long to wait. */
import { type FormEvent, useState } from 'react';
import { api, setCsrfToken } from '../api.ts';
import { type Lang, useI18n } from '../i18n.tsx';
import { navigate } from '../router.tsx';
import type { SessionInfo } from '../types.ts';
import { ErrorMessage, Notice, useAction } from '../ui.tsx';

export function LoginPage(props: { onLoggedIn(session: SessionInfo): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const session = await action.run(() => api<SessionInfo>('POST', '/session', { email, password }));
    if (!session) return;
    setCsrfToken(session.csrf_token);
    const next = new URLSearchParams(location.search).get('next');
    navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/painel', { replace: true });
    props.onLoggedIn(session);
  };

  const failed = action.error?.code === 'login_failed';
  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <p className="brand">Cais</p>
        <h1 id="login-title">{t('login.title')}</h1>
        <label>
          {t('login.email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {failed ? <Notice kind="error">{t('login.failed')}</Notice> : <ErrorMessage error={action.error} />}
        <button type="submit" className="primary" disabled={action.busy}>
          {action.busy ? t('login.busy') : t('login.submit')}
        </button>
        <p className="muted small">{t('login.help')}</p>
        <label className="lang-inline">
          {t('nav.language')}
          <select value={i18n.lang} onChange={(e) => i18n.setLang(e.target.value as Lang)}>
            <option value="pt-BR">Português</option>
            <option value="en">English</option>
          </select>
        </label>
      </form>
    </main>
  );
}
