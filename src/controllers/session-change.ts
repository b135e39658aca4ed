/**
 * Whether an answer an element loaded while the signed-in candidate was `before` must be asked
 * again now that it is `now`.
 *
 * An answer asked for before the provider knew the session (`undefined`) was asked with the
 * backend's own credentials, the ones the session then describes: asking again when the session
 * arrives only doubles every request (on a slow network, every element asked twice). A sign-out
 * shows as signed out without asking (the caller then remembers `null`, so that whoever signs in
 * next is asked for); another candidate, or a new session, is asked again.
 */
export function sessionMoved(before: unknown, now: unknown): boolean {
  return before !== now && before !== undefined;
}
