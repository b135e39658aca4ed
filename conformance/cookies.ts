/** `Set-Cookie` headers as the kit reads them (RFC 6265 §5.2, the parts the contract names). */

export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names in lower case → value (`''` for flags such as HttpOnly). */
  attributes: Map<string, string>;
}

/** Parses one `Set-Cookie` header; null when it has no `name=`. */
export function parseSetCookie(header: string): SetCookie | null {
  const [pair = '', ...parts] = header.split(';');
  const index = pair.indexOf('=');
  if (index <= 0) return null;
  const attributes = new Map<string, string>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (name) attributes.set(name, eq < 0 ? '' : part.slice(eq + 1).trim());
  }
  return { name: pair.slice(0, index).trim(), value: pair.slice(index + 1).trim(), attributes };
}

/** The last `Set-Cookie` of a name among the headers. */
export function findCookie(headers: string[], name: string): SetCookie | undefined {
  return headers.map(parseSetCookie).filter((cookie): cookie is SetCookie => cookie?.name === name).at(-1);
}

/** Whether a cookie is removed by the browser on receipt: `Max-Age` ≤ 0 or an `Expires` in the past. */
export function clearsCookie(cookie: SetCookie, now = Date.now()): boolean {
  const maxAge = cookie.attributes.get('max-age');
  if (maxAge !== undefined && /^-?\d+$/.test(maxAge)) return Number(maxAge) <= 0;
  const expires = cookie.attributes.get('expires');
  return expires !== undefined && Number.isFinite(Date.parse(expires)) && Date.parse(expires) <= now;
}

/**
 * What a session cookie lacks against the contract: HttpOnly, SameSite, a Path that covers the
 * API base path, Secure under https (and with SameSite=None). Empty when fine.
 */
export function sessionCookieProblems(cookie: SetCookie, base: URL): string[] {
  const problems: string[] = [];
  const attributes = cookie.attributes;
  if (!attributes.has('httponly')) problems.push('lacks HttpOnly');
  const sameSite = attributes.get('samesite');
  if (sameSite === undefined) problems.push('lacks SameSite (Lax, or None with Secure for another site)');
  else if (!/^(lax|strict|none)$/i.test(sameSite)) problems.push(`has SameSite=${sameSite} (Lax, Strict or None)`);
  else if (/^none$/i.test(sameSite) && !attributes.has('secure')) problems.push('has SameSite=None without Secure (browsers drop it)');
  const path = attributes.get('path');
  if (path === undefined || path === '') problems.push(`lacks Path (the API base path, ${base.pathname.replace(/\/$/, '') || '/'})`);
  else if (!pathCovers(path, base.pathname)) problems.push(`has Path=${path}, which does not cover the API base path ${base.pathname}`);
  if (base.protocol === 'https:' && !attributes.has('secure')) problems.push('lacks Secure although the API is served over https');
  const domain = attributes.get('domain');
  if (domain && !domainMatches(base.hostname, domain)) problems.push(`has Domain=${domain}, which does not match ${base.hostname}`);
  return problems;
}

/** RFC 6265 §5.1.4 path-match of the request path against the cookie path. */
function pathCovers(cookiePath: string, requestPath: string): boolean {
  if (cookiePath === requestPath || cookiePath === '/') return true;
  const path = requestPath.endsWith('/') ? requestPath : `${requestPath}/`;
  return path.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}

function domainMatches(host: string, domain: string): boolean {
  const bare = domain.replace(/^\./, '').toLowerCase();
  return host.toLowerCase() === bare || host.toLowerCase().endsWith(`.${bare}`);
}
