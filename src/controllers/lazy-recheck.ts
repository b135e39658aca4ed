/**
 * A RecheckController fetched when a view first waits for something, not in its first paint:
 * painting a view needs none of the code that keeps it current (about 0.7 KB for each element).
 */
import type { ReactiveControllerHost } from 'lit';
import { OnDemand } from '../services/on-demand.js';
import type { RecheckController, RecheckOptions } from './recheck-controller.js';

const MODULE = new OnDemand(() => import('./recheck-controller.js'));

export class LazyRecheck {
  readonly #host: ReactiveControllerHost;
  readonly #options: RecheckOptions;
  #controller: RecheckController | undefined;

  constructor(host: ReactiveControllerHost, options: RecheckOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Fetches the controller and adds it to the host (once); it then watches by itself. */
  async start(): Promise<RecheckController> {
    const { RecheckController } = await MODULE.load();
    if (!this.#controller) {
      this.#controller = new RecheckController(this.#host, this.#options);
      // Its timer is set after an update.
      this.#host.requestUpdate();
    }
    return this.#controller;
  }

  /** Asks again (one check at a time, see RecheckController); offline before the controller came, asks directly. */
  recheck(): Promise<void> {
    return this.start().then(
      (controller) => controller.recheck(),
      () => this.#options.check(new AbortController().signal).then(
        () => undefined,
        () => undefined,
      ),
    );
  }

  /** An answer arrived by another way (see `RecheckController.answered`). */
  answered(): void {
    this.#controller?.answered();
  }
}
