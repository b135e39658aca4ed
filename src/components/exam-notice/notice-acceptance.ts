/**
 * Remembers for the tab (sessionStorage) that the candidate accepted a round's notice, so a
 * reload on the way to the form does not make them read it again. A new round, or a changed
 * notice title, asks again.
 */
const PREFIX = 'rk-notice-accepted:';

function key(examSessionId: string, title: string): string {
  return `${PREFIX}${encodeURIComponent(examSessionId)}:${encodeURIComponent(title)}`;
}

export function readAcceptance(examSessionId: string, title: string): boolean {
  try {
    return sessionStorage.getItem(key(examSessionId, title)) !== null;
  } catch {
    return false;
  }
}

export function rememberAcceptance(examSessionId: string, title: string): void {
  try {
    sessionStorage.setItem(key(examSessionId, title), new Date().toISOString());
  } catch {
    // storage unavailable: the candidate agrees again after a reload
  }
}
