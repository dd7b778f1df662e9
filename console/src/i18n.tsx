/**
 * Portuguese (pt-BR) by default, English by choice; the choice is kept in this browser. Money,
 * numbers and dates go through Intl in the chosen locale: R$ 1.234,56 in Portuguese.
 */
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { setApiLanguage } from './api.ts';
import { en } from './messages/en.ts';
import { type MessageKey, ptBR } from './messages/pt-BR.ts';

export type Lang = 'pt-BR' | 'en';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'pt-BR': ptBR, en };
const STORAGE_KEY = 'cais.lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Whether the catalogue has this key (for keys built from a server code). */
  has(key: string): boolean;
  money(value: number | null | undefined): string;
  number(value: number | null | undefined): string;
  dateTime(value: string | null | undefined): string;
  time(value: string | null | undefined): string;
  ago(value: string | null | undefined): string;
}

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'pt-BR' ? saved : 'pt-BR';
}

function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  const locale = lang === 'en' ? 'en-US' : 'pt-BR';
  const dict = dictionaries[lang];
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' });
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const plural = new Intl.PluralRules(locale);
  // A message may hold "one|other" forms, chosen by the number in `n`, which is shown formatted.
  // Zero takes the plural ("0 selecionados"), though CLDR files it under "one" in Portuguese.
  const t: I18n['t'] = (key, vars) => {
    let text = dict[key] ?? key;
    const n = vars?.n;
    if (text.includes('|')) {
      const [one, other] = text.split('|') as [string, string];
      text = typeof n === 'number' && n !== 0 && plural.select(n) === 'one' ? one : other;
    }
    const shown = typeof n === 'number' ? { ...vars, n: numberFormat.format(n) } : vars;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(shown?.[name] ?? `{${name}}`));
  };
  return {
    lang,
    setLang,
    t,
    has: (key) => key in dict,
    money: (v) => (v === null || v === undefined ? '—' : moneyFormat.format(v)),
    number: (v) => (v === null || v === undefined ? '—' : numberFormat.format(v)),
    dateTime: (v) => (v ? dateFormat.format(new Date(v)) : '—'),
    time: (v) => (v ? timeFormat.format(new Date(v)) : '—'),
    ago: (v) => {
      if (!v) return '—';
      const seconds = Math.round((new Date(v).getTime() - Date.now()) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 60) return relative.format(seconds, 'second');
      if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
      return relative.format(Math.round(seconds / 86_400), 'day');
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('pt-BR', () => {}));

export function I18nProvider(props: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo(
    () =>
      makeI18n(lang, (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLangState(next);
      }),
    [lang],
  );
  document.documentElement.lang = lang;
  setApiLanguage(lang);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export type { MessageKey };
