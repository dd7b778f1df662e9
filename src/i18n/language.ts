/**
 * The languages Cais speaks to people: Portuguese (Brazil), its sellers' language, and English.
 * The HTTP API answers in English unless the caller asks for Portuguese (`Accept-Language:
 * pt-BR`), since ERPs written against SkyHub parse English texts today.
 */
export const languages = ['pt-BR', 'en'] as const;
export type Language = (typeof languages)[number];

/** Texts of one sentence in every language; `{name}` marks a parameter. */
export type Texts = Record<Language, string>;

/** The preferred language of an Accept-Language header (RFC 9110 §12.5.4), English by default. */
export function preferredLanguage(header: string | undefined): Language {
  if (!header) return 'en';
  let best: { lang: Language; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...options] = part.trim().toLowerCase().split(';');
    const q = Number(
      options
        .find((o) => o.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? 1,
    );
    const lang: Language | undefined = tag.startsWith('pt')
      ? 'pt-BR'
      : tag.startsWith('en')
        ? 'en'
        : undefined;
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
}

/**
 * Fills `{name}` from params; undefined when a parameter is missing, so a caller never shows a
 * sentence with a hole in it (it keeps the English message instead).
 */
export function fill(template: string, params: Record<string, unknown>): string | undefined {
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) {
      missing = true;
      return '';
    }
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
  return missing ? undefined : text;
}
