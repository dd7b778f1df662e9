/** Small shared pieces: loading data, messages, flags, empty states, status badges. */
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from './api.ts';
import { type I18n, type MessageKey, useI18n } from './i18n.tsx';
import { Link, useLocation } from './router.tsx';

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
  // The server words some answers (hints) in the seller's language: a switch reads them again.
  const { lang } = useI18n();
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
  }, [...deps, tick, lang]);
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

/**
 * A message shown after an action (a banner). It belongs to the page and the language it was
 * written in: navigating or switching language clears it, so it never lingers or speaks the
 * other language.
 */
export function useNotice<T = string>(): [T | undefined, (value: T | undefined) => void] {
  const [notice, setNotice] = useState<T | undefined>();
  const { lang } = useI18n();
  const { path, query } = useLocation();
  const where = `${path}?${query}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: clear whenever the page or language changes
  useEffect(() => setNotice(undefined), [lang, where]);
  return [notice, setNotice];
}

/** Runs an action, keeping its busy state and its error (cleared on navigation or language switch). */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useNotice<ApiError>();
  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
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
    },
    [setError],
  );
  return { busy, error, run, clear: () => setError(undefined) };
}

/**
 * An API error in the seller's words: the server's sentence when it wrote it in the seller's
 * language, else the console's own for the code or the kind of failure; never English on a
 * Portuguese screen, never a code or an API path.
 */
export function errorWords(i18n: I18n, e: ApiError): string {
  const { t } = i18n;
  if (e.code === 'network') return t('error.network');
  if (e.status === 429) return t('error.rateLimited', { seconds: e.retryAfter ?? 1 });
  if (e.status === 403 && e.code === 'read_only') return t('error.readOnly');
  const own = `apiError.${e.code}` as MessageKey;
  if (i18n.has(own)) return t(own, flatParams(e));
  if (e.code === 'invalid_field' && e.params.field) return ruleWords(i18n, e);
  if (e.localized) return e.message;
  if (e.status === 404) return t('error.notFound');
  if (e.status === 409) return t('error.conflict');
  if (e.status >= 500) return t('error.server');
  return t('error.refused');
}

function flatParams(e: ApiError): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(e.params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
  );
}

/** The rule a field broke, phrased for the form where the field is shown. */
function ruleWords(i18n: I18n, e: ApiError): string {
  const key = `rule.${e.params.rule}` as MessageKey;
  if (i18n.has(key)) return i18n.t(key, flatParams(e));
  // A rule the console has no words for: the server's sentence, when it wrote it in this language.
  return e.localized ? e.message : i18n.t('rule.invalid');
}

/**
 * The banner of an error. When the error concerns a field the form shows (`fields`), the field
 * says it (FieldError) and the banner only points there.
 */
export function ErrorMessage(props: { error: ApiError | undefined; fields?: readonly string[] }) {
  const i18n = useI18n();
  if (!props.error) return null;
  const e = props.error;
  const field = typeof e.params.field === 'string' ? e.params.field : undefined;
  const placed = field !== undefined && props.fields?.includes(field);
  return (
    <p className="notice notice-error" role="alert">
      {placed ? i18n.t('error.seeField') : errorWords(i18n, e)}
    </p>
  );
}

/** The message next to the field it concerns (an API error naming it, or the form's own check). */
export function FieldError(props: {
  id: string;
  error?: ApiError | undefined;
  field?: string;
  text?: string;
}) {
  const i18n = useI18n();
  const e = props.error;
  const text =
    props.text ??
    (e && props.field && e.params.field === props.field
      ? e.code === 'invalid_field'
        ? ruleWords(i18n, e)
        : errorWords(i18n, e)
      : undefined);
  if (!text) return null;
  return (
    <span id={props.id} className="field-error" role="alert">
      {text}
    </span>
  );
}

/**
 * A button that asks in the page before acting (instead of the browser's confirm()): the
 * question says what will happen, and the seller confirms or cancels right there.
 */
export function ConfirmButton(props: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  danger?: boolean;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const id = useId();
  if (!asking)
    return (
      <button
        type="button"
        className={props.danger ? 'danger' : undefined}
        disabled={props.disabled}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={id}>
      <p id={id}>{props.question}</p>
      <button
        type="button"
        className={props.danger ? 'danger' : 'primary'}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('common.keep')}
      </button>
    </div>
  );
}

/** Why a button is disabled, said next to it (and tied to it for screen readers). */
export function WhyDisabled(props: { id: string; reason: string | undefined }) {
  if (!props.reason) return null;
  return (
    <span id={props.id} className="why-disabled muted small">
      {props.reason}
    </span>
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
