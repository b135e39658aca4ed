/** Build-time switches of the demo page (Vite replaces them). */
interface ImportMetaEnv {
  /** `server` when the page is built for the reference server (`npm run server`); unset: the mock office. */
  readonly VITE_RK_DEMO_BACKEND?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
