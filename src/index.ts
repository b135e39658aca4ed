/**
 * ruankao-elements: registers every element and re-exports the public API.
 *
 * ```html
 * <script type="module" src="/ruankao/ruankao-elements.js"></script>
 * <rk-provider api-base="/api">…</rk-provider>
 * ```
 */
export { define } from './components/base/define.js';
export { RkElement } from './components/base/rk-element.js';
export { LocalizeController } from './controllers/localize-controller.js';
export { RkProvider } from './components/provider/rk-provider.js';
export { RkLogin } from './components/login/rk-login.js';
export { RkRealname } from './components/realname/rk-realname.js';
export { RkPhotoChecker } from './components/photo-checker/rk-photo-checker.js';
export * from './services/index.js';
