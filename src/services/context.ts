/**
 * The @lit/context keys `rk-provider` provides and every element consumes.
 */
import { createContext } from '@lit/context';
import type { RegistrationBackend } from './backend.js';
import type { Locale, MessageOverrides } from './i18n/index.js';
import type { Session } from './schemas.js';

/** The adapter every element talks to. */
export const backendContext = createContext<RegistrationBackend | undefined>(Symbol.for('rk-backend'));

/**
 * The signed-in candidate: `undefined` while not known yet, `null` when nobody is signed in.
 * Elements change it by firing `rk-login`, `rk-registered`, `rk-logout`,
 * `rk-verified` or `rk-session-expired`; the provider listens.
 */
export const sessionContext = createContext<Session | null | undefined>(Symbol.for('rk-session'));

export interface LocaleState {
  lang: Locale;
  messages: MessageOverrides;
}
export const localeContext = createContext<LocaleState>(Symbol.for('rk-locale'));

/** Site configuration shared by the elements. */
export interface RkConfig {
  /** The exam office's help lines, shown in help texts (payment, review). */
  contactPhones?: string[];
  /** The office's name, shown in help texts. */
  officeName?: string;
}
export const configContext = createContext<RkConfig>(Symbol.for('rk-config'));
