import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeContext, type LocaleState } from '../services/context.js';
import { errorMessage, resolveLocale, translate, type Locale, type MessageOverrides } from '../services/i18n/index.js';

/**
 * Gives an element its locale and messages: from the nearest `rk-provider` when there is one,
 * else from the closest `lang` attribute in the page, else zh-CN. Re-renders the host when the
 * provider's `lang` changes. (RkElement waits for a locale loaded on demand before rendering.)
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #consumer: ContextConsumer<{ __context__: LocaleState }, ReactiveControllerHost & HTMLElement>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#consumer = new ContextConsumer(host, { context: localeContext, subscribe: true });
    host.addController(this);
  }

  hostConnected(): void {}

  get lang(): Locale {
    return this.#consumer.value?.lang ?? resolveLocale(this.#host.closest('[lang]')?.getAttribute('lang'));
  }

  t(key: string, params?: Record<string, string | number>): string {
    return translate(this.lang, key, params, this.#consumer.value?.messages);
  }

  /** The site's message overrides, e.g. for `checkInput()`. */
  get messages(): MessageOverrides {
    return this.#consumer.value?.messages ?? {};
  }

  /** A sentence for the candidate about an adapter error. */
  error(error: unknown): string {
    return errorMessage(this.lang, error, this.#consumer.value?.messages);
  }
}
