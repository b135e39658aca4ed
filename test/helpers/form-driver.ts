/** Drives a form inside an element's shadow root the way a candidate would: type, leave, click. */
import type { LitElement } from 'lit';

/** An element of the shadow root, or a failure naming the selector. */
export function $<T extends Element = HTMLElement>(host: LitElement, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`${host.localName}: nothing matches ${selector}`);
  return found;
}

export function maybe<T extends Element = HTMLElement>(host: LitElement, selector: string): T | null {
  return host.shadowRoot!.querySelector<T>(selector);
}

/** Types `value` into the input with `id` (replacing what is there) and lets the element render. */
export async function type(host: LitElement, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(host, `#${id}`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await host.updateComplete;
}

/** Moves focus out of the input with `id` (fires blur). */
export async function leave(host: LitElement, id: string): Promise<void> {
  const input = $<HTMLInputElement>(host, `#${id}`);
  input.dispatchEvent(new FocusEvent('blur'));
  await host.updateComplete;
}

/** The text of a field's error message, or '' (without the hidden "错误：" prefix). */
export function fieldError(host: LitElement, id: string): string {
  const error = maybe(host, `#${id}-error`);
  if (!error) return '';
  const clone = error.cloneNode(true) as HTMLElement;
  clone.querySelector('.visually-hidden')?.remove();
  return clone.textContent!.trim();
}

/** The texts of the error summary's links. */
export function summaryLinks(host: LitElement): string[] {
  return Array.from(host.shadowRoot!.querySelectorAll('.error-summary a'), (a) => a.textContent!.trim());
}

/** The element's text with whitespace collapsed (shadow root only). */
export function textOf(host: LitElement): string {
  return host.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

/** Clicks the submit button. */
export async function submit(host: LitElement): Promise<void> {
  $<HTMLButtonElement>(host, 'button[type="submit"]').click();
  await host.updateComplete;
}

/** Waits until the element's reflected `state` is `state`. */
export async function stateIs(host: LitElement, state: string, message?: string, timeout = 5000): Promise<void> {
  // Said when the wait ends: the state it ended in and what the element showed then.
  await waitFor(
    () => host.getAttribute('state') === state,
    () => `${message ? `${message}: ` : ''}state never became ${state} (is ${host.getAttribute('state')}; shows “${textOf(host).slice(0, 300)}”)`,
    timeout,
  );
  await host.updateComplete;
}

/**
 * Waits until `predicate` holds; on timeout, fails with what `describe` says then (waitUntil's
 * message is fixed when the wait starts, too early to tell what the page showed at the end).
 */
export async function waitFor(predicate: () => unknown, describe: () => string, timeout = 5000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`Timeout: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
