/**
 * A dynamic `import()` that can be tried again after its download failed, in every browser.
 *
 * Chromium and WebKit fetch a module again when `import()` asks for it after a failure. Firefox
 * keeps the failure for the life of the page: the same URL fails again at once, without a request,
 * however often it is asked for. So after a failure, the next attempts ask for the same module
 * under a URL no `import()` has used (`?rk-retry=N`). The URL comes from the failure itself
 * (Firefox and Chromium name the module that could not be fetched; WebKit names none and needs
 * none). The module's own imports keep their URLs: whatever of them already came is shared, not
 * loaded twice.
 *
 * Firefox also keeps the failure of a module that the failed one imports *statically* (its
 * download failed after the module's own had come): no other URL can stand in for a static
 * import, so that module cannot be loaded again until the page is reloaded. The failure then
 * names that other module, and no retry URL is made (its module would come back in place of the
 * one asked for): the attempt fails again, as a network failure.
 */

/**
 * The URL of the module `load` imports, when `error` (its failure) names it: never the URL of
 * another module (one it imports), which the error names when that one failed. `load`'s code is
 * read for its specifier as the browser runs it (after a bundler or a dev server), e.g.
 * `./chunks/login-checks-BZ4i.js` or `/src/components/login/login-checks.ts`.
 */
export function failedModuleUrl(load: () => unknown, error: unknown): URL | undefined {
  const named = /\w+:\/\/[^\s'"]+/.exec(String((error as Error | undefined)?.message ?? error))?.[0];
  const path = /import\(\s*['"`]([^'"`?#]+)/.exec(String(load))?.[1]?.replace(/^[./]+/, '');
  if (!named || !path) return undefined;
  try {
    const url = new URL(named);
    return url.pathname.endsWith(`/${path}`) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps a loader `() => import('./x.js')` (the arrow function with the `import()` itself: its
 * code tells which module it loads). It imports as written until a failure names the module;
 * then each call imports the module under a new retry URL.
 */
export function importAgain<T>(load: () => Promise<T>): () => Promise<T> {
  let url: URL | undefined;
  let attempt = 0;
  return () => {
    let loading: Promise<T>;
    if (url) {
      url.searchParams.set('rk-retry', String(++attempt));
      // A URL made at run time: bundlers must leave it to the browser.
      loading = import(/* @vite-ignore */ /* webpackIgnore: true */ url.href) as Promise<T>;
    } else loading = load();
    return loading.catch((error: unknown) => {
      url ??= failedModuleUrl(load, error);
      throw error;
    });
  };
}
