/** Small shared pieces: loading data, messages, flags, empty states, status badges. */
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';
import { type MessageKey, useI18n } from './i18n.tsx';
import { Link } from './router.tsx';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** Runs `load` now and whenever `deps` change; `every` (ms) refreshes it while the page is open. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], every?: number): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error: asApiError(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  useEffect(() => {
    if (!every) return;
    const timer = setInterval(() => setTick((n) => n + 1), every);
    return () => clearInterval(timer);
  }, [every]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, error instanceof Error ? error.message : String(error), 'client_error');
}

/** Runs an action, keeping its busy state and its error or success message. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await fn();
    } catch (e) {
      setError(asApiError(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(undefined) };
}

export function ErrorMessage(props: { error: ApiError | undefined }) {
  const { t } = useI18n();
  if (!props.error) return null;
  const e = props.error;
  const text =
    e.code === 'network'
      ? t('error.network')
      : e.status === 429
        ? t('error.rateLimited', { seconds: e.retryAfter ?? 1 })
        : e.status === 403 && e.code === 'read_only'
          ? t('error.readOnly')
          : e.message;
  return (
    <p className="notice notice-error" role="alert">
      {text}
    </p>
  );
}

export function Notice(props: { kind?: 'ok' | 'info' | 'error'; children: ReactNode }) {
  return (
    <p className={`notice notice-${props.kind ?? 'info'}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

export function Empty(props: {
  title: string;
  children?: ReactNode;
  action?: { to: string; label: string };
}) {
  return (
    <div className="empty">
      <p className="empty-title">{props.title}</p>
      {props.children && <p className="muted">{props.children}</p>}
      {props.action && (
        <Link to={props.action.to} className="button">
          {props.action.label}
        </Link>
      )}
    </div>
  );
}

export type FlagColour = 'grey' | 'yellow' | 'green' | 'red';

/** A listing's flag: the colour, a word for it, and the reason on hover (title) or tap (toggle). */
export function Flag(props: { flag: FlagColour; label: string; reason?: string | null | undefined }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const words = `${props.label}: ${t(`flag.${props.flag}` as MessageKey)}${props.reason ? ` — ${props.reason}` : ''}`;
  return (
    <span className="flag-wrap">
      <button
        type="button"
        className={`flag flag-${props.flag}`}
        title={words}
        aria-label={words}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <span className="flag-dot" aria-hidden="true" />
        <span className="flag-text">{t(`flag.${props.flag}` as MessageKey)}</span>
      </button>
      {open && (
        <span className="flag-reason" role="status">
          {words}
        </span>
      )}
    </span>
  );
}

export function Badge(props: { tone: 'ok' | 'warn' | 'bad' | 'neutral'; children: ReactNode }) {
  return <span className={`badge badge-${props.tone}`}>{props.children}</span>;
}

export function connectionTone(status: string): 'ok' | 'warn' | 'bad' | 'neutral' {
  if (status === 'active') return 'ok';
  if (status === 'auth_failed') return 'bad';
  if (status === 'pending') return 'warn';
  return 'neutral';
}

export function runTone(status: string): 'ok' | 'warn' | 'bad' | 'neutral' {
  if (status === 'succeeded') return 'ok';
  if (status === 'failed' || status === 'interrupted') return 'bad';
  if (status === 'partial' || status === 'paused' || status === 'running') return 'warn';
  return 'neutral';
}

export function PageTitle(props: { children: ReactNode; lead?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Moving focus to the new page's title tells screen readers and keyboard users the page changed.
  useEffect(() => ref.current?.focus(), []);
  return (
    <header className="page-head">
      <h1 ref={ref} tabIndex={-1}>
        {props.children}
      </h1>
      {props.lead && <p className="muted">{props.lead}</p>}
    </header>
  );
}
