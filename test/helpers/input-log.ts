/**
 * What reached the page around a key press, for a failure message: the key and click events
 * (seen at the window in the capture phase, named by their innermost target), focus moves and
 * uncaught errors. A test that presses a key and waits for its effect says with it whether the
 * key arrived, where, and what it led to.
 */
const TYPES = ['keydown', 'keypress', 'keyup', 'click', 'focusin', 'focusout'] as const;

/** An element as a failure message names it: its shadow host, tag, id and part. */
export function describeElement(element: Element): string {
  const host = (element.getRootNode() as ShadowRoot).host;
  return `${host ? host.localName : 'document'} ${element.localName}${element.id ? `#${element.id}` : ''}${element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''}`;
}

function describe(target: EventTarget | undefined): string {
  if (target instanceof Element) return describeElement(target);
  return target === window ? 'window' : target === document ? 'document' : String(target);
}

export function recordInput(): { text(): string; stop(): void } {
  const seen: string[] = [];
  const started = performance.now();
  const at = () => `${Math.round(performance.now() - started)}ms`;
  const onEvent = (event: Event) => {
    const key = event instanceof KeyboardEvent ? ` ${event.key}${event.shiftKey ? '+Shift' : ''}${event.ctrlKey ? '+Ctrl' : ''}${event.altKey ? '+Alt' : ''}${event.metaKey ? '+Meta' : ''}${event.isComposing ? ' composing' : ''}${event.repeat ? ' repeat' : ''}` : '';
    seen.push(`${at()} ${event.type}${key} on ${describe(event.composedPath()[0])}${document.hasFocus() ? '' : ' (the document has no focus)'}`);
  };
  // After every listener: whether one of them cancelled the event's default action.
  const afterEvent = (event: Event) => {
    if (event.defaultPrevented) seen.push(`${at()} ${event.type} cancelled by a listener`);
  };
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => {
    const reason = 'reason' in event ? event.reason : event.error ?? event.message;
    seen.push(`${at()} ${event.type}: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  };
  for (const type of TYPES) window.addEventListener(type, onEvent, true);
  for (const type of TYPES) window.addEventListener(type, afterEvent);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onError);
  return {
    text: () => (seen.length ? seen.join('; ') : 'no key, click or focus event reached the page'),
    stop() {
      for (const type of TYPES) window.removeEventListener(type, onEvent, true);
      for (const type of TYPES) window.removeEventListener(type, afterEvent);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    },
  };
}

/**
 * When the page's window lost and got focus during a test, by the step the test says it is at
 * (for a failure message: a window without focus takes keys, but Firefox then activates nothing).
 */
export function watchWindowFocus(): { at(step: string): void; text(): string; stop(): void } {
  const seen: string[] = [];
  let step = 'start';
  const started = performance.now();
  const note = (event: Event) => {
    if (event.target === window) seen.push(`${Math.round(performance.now() - started)}ms window ${event.type} during “${step}”`);
  };
  window.addEventListener('blur', note);
  window.addEventListener('focus', note);
  return {
    at: (name) => void (step = name),
    text: () => `${seen.length ? seen.join('; ') : 'the window kept its focus'}${document.hasFocus() ? '' : ' (no focus now)'}`,
    stop() {
      window.removeEventListener('blur', note);
      window.removeEventListener('focus', note);
    },
  };
}
