import { LitElement } from 'lit';
import { freshenMediaQueries } from './fresh-media-queries.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { isLocaleLoaded, loadLocale } from '../../services/i18n/index.js';

/**
 * The events of the library, `type → detail`. Each element adds its own by declaration merging:
 *
 * ```ts
 * declare global {
 *   interface RkEventDetails { 'rk-login': LoginResult }
 *   interface HTMLElementEventMap { 'rk-login': CustomEvent<LoginResult> }
 * }
 * ```
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface RkEventDetails {}
}

/**
 * The thin base of every element: a typed `emit()` and localisation (`this.t()`) from the
 * nearest `rk-provider` (zh-CN when there is none).
 */
export class RkElement extends LitElement {
  protected readonly localize = new LocalizeController(this);

  override connectedCallback(): void {
    // Before the first connect adopts the element's styles into its shadow root (WebKit, see there).
    freshenMediaQueries((this.constructor as typeof LitElement).elementStyles);
    super.connectedCallback();
  }

  /**
   * Renders only once the messages of its locale are there (English is loaded on demand): no
   * frame in the wrong language, and no message kept in state from before they came. If they
   * cannot be loaded (offline), it renders in zh-CN.
   */
  protected override async scheduleUpdate(): Promise<void> {
    const lang = this.localize.lang;
    if (!isLocaleLoaded(lang)) await loadLocale(lang).catch(() => undefined);
    super.scheduleUpdate();
  }

  /** Translates a message key for the element's locale. */
  protected t(...args: Parameters<LocalizeController['t']>): string {
    return this.localize.t(...args);
  }

  /**
   * Fires a bubbling, composed `CustomEvent` the page can listen to. Returns false when a
   * listener called `preventDefault()` (events are cancelable).
   */
  emit<K extends keyof RkEventDetails>(type: K, detail: RkEventDetails[K]): boolean {
    return this.dispatchEvent(rkEvent(type, detail));
  }
}

/** Outside the class, so the manifest analyzer lists each element's own `@fires`, not `type`. */
function rkEvent(type: string, detail: unknown): CustomEvent {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true });
}
