/**
 * Localisation: zh-CN by default, English available, every message overridable by the site.
 */
import { RkError, BusinessError, HttpError } from '../errors.js';
import { importAgain } from '../import-again.js';
import { coreZhCN, type MessageKey, type Messages } from './zh-CN.js';

export type { MessageKey, Messages } from './zh-CN.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * zh-CN, the default and the fallback of every locale: the core's messages, then each element's
 * as the element is defined (`registerMessages`).
 */
const zhCN: Partial<Messages> = { ...coreZhCN };

/**
 * Adds zh-CN messages to the default catalog. Each element calls it for its own messages when it
 * is defined, so a page that loads one element carries only that element's texts.
 */
export function registerMessages(messages: Partial<Messages>): void {
  Object.assign(zhCN, messages);
}

/** The catalogs loaded so far: zh-CN always; English once asked for (a chunk of its own, ~11 KB). */
const catalogs: Partial<Record<Locale, Partial<Messages>>> = { 'zh-CN': zhCN };
const loading = new Map<Locale, Promise<void>>();
/** The English catalog's chunk; after a failed fetch (offline), fetched again on the next call. */
const loadEnglish = importAgain(() => import('./en.js'));

/** Whether a locale's messages are there (until they are, its messages come out in zh-CN). */
export function isLocaleLoaded(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

/**
 * Loads a locale's messages. The elements ask for it themselves and render again when it has
 * come; a site in English may `await loadLocale('en')` before its first render to skip the one
 * frame in Chinese. A failed load (offline) is tried again on the next call.
 */
export function loadLocale(locale: Locale): Promise<void> {
  if (isLocaleLoaded(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = loadEnglish().then(
      ({ en }) => {
        catalogs.en = en;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Overrides a site gives per locale, e.g. `{ en: { 'common.retry': 'Retry' } }`. */
export type MessageOverrides = Partial<Record<Locale, Partial<Messages>>>;

/** Maps any language tag to a supported locale: `zh`, `zh-Hans-CN` → zh-CN; `en-GB` → en. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const lower = (tag ?? '').toLowerCase();
  if (lower.startsWith('en')) return 'en';
  return DEFAULT_LOCALE;
}

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}

/**
 * The message for `key` in `locale` with `{name}` placeholders filled. Unknown keys come back as
 * given, as do an element's keys before that element is defined.
 */
export function translate(
  locale: Locale,
  key: MessageKey | string,
  params: Record<string, string | number> = {},
  overrides: MessageOverrides = {},
): string {
  const template =
    overrides[locale]?.[key as MessageKey] ?? catalogs[locale]?.[key as MessageKey] ?? zhCN[key as MessageKey] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** A sentence for the candidate about any error an adapter threw. */
export function errorMessage(
  locale: Locale,
  error: unknown,
  overrides: MessageOverrides = {},
): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params, overrides);
  if (error instanceof BusinessError) {
    const key = `error.code.${error.code}`;
    if (isMessageKey(key)) {
      const seconds = error.retryAfterSeconds ?? 0;
      return t(key, { minutes: Math.max(1, Math.ceil(seconds / 60)), seconds: Math.max(1, seconds) });
    }
    return t('error.business', { message: error.backendMessage });
  }
  if (error instanceof HttpError) return t('error.http', { status: error.status });
  if (error instanceof RkError) return t(`error.${error.kind}`);
  return t('error.unknown');
}
