import { css } from 'lit';

/**
 * Styles shared by the elements' forms: fields with label, hint and error, buttons, the error
 * summary, notices. Every token has a fallback, so an element also looks right without
 * `rk-provider` (whose tokens, set on an ancestor, win because they inherit into `--_*`).
 *
 * Accessibility and 适老化: touch targets of at least `--rk-target-size` (44 px), a visible
 * focus ring in `--rk-color-focus`, inputs of at least 16 px (no zoom-on-focus on phones),
 * line height ≥ 1.3, layouts that hold at 320 px.
 */
export const formStyles = css`
  :host {
    --_primary: var(--rk-color-primary, #0b5cad);
    --_primary-contrast: var(--rk-color-primary-contrast, #ffffff);
    --_danger: var(--rk-color-danger, #b42318);
    --_success: var(--rk-color-success, #067647);
    --_warning: var(--rk-color-warning, #8a5a00);
    --_text: var(--rk-color-text, #1f2933);
    --_muted: var(--rk-color-muted, #52606d);
    --_border: var(--rk-color-border, #9aa5b1);
    --_surface: var(--rk-color-surface, #ffffff);
    --_focus: var(--rk-color-focus, #ffbf47);
    --_radius: var(--rk-radius, 4px);
    --_space: var(--rk-space, 0.5rem);
    --_target: var(--rk-target-size, 44px);
    display: block;
    box-sizing: border-box;
    max-width: 36rem;
    font-family: var(
      --rk-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    font-size: var(--rk-font-size, 1rem);
    line-height: var(--rk-line-height, 1.6);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  h2 {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: 1.375em;
    line-height: 1.3;
  }
  p {
    margin: 0 0 var(--_space);
  }
  form {
    margin: 0;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }

  /* --- fields ----------------------------------------------------------------------------- */
  .field {
    margin: 0 0 calc(var(--_space) * 3);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field.has-error {
    padding-left: calc(var(--_space) * 1.5);
    border-left: 4px solid var(--_danger);
  }
  label,
  legend {
    display: block;
    margin: 0 0 calc(var(--_space) / 2);
    padding: 0;
    font-weight: 600;
  }
  .required-mark {
    color: var(--_danger);
    margin-left: 0.15em;
    font-weight: 700;
  }
  .hint {
    display: block;
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_muted);
  }
  .error-message {
    display: block;
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_danger);
    font-weight: 600;
  }
  .ok-message {
    display: block;
    margin: calc(var(--_space) / 2) 0 0;
    color: var(--_success);
  }
  .warning-message {
    display: block;
    margin: calc(var(--_space) / 2) 0 0;
    padding: calc(var(--_space) / 2) var(--_space);
    border-left: 4px solid var(--_warning);
    background: #fff8e6;
    color: var(--_text);
  }
  .control-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: stretch;
  }
  .control-row > input,
  .control-row > select {
    flex: 1 1 10rem;
    min-width: 0;
  }
  input[type='text'],
  input[type='tel'],
  input[type='email'],
  input[type='password'],
  select {
    display: block;
    width: 100%;
    min-height: var(--_target);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: max(1em, 16px);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  input:disabled {
    background: #eef0f2;
    color: var(--_muted);
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible,
  a:focus-visible,
  .error-summary:focus,
  fieldset:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input:focus-visible,
  select:focus-visible {
    border-color: var(--_text);
  }

  /* Radios and checkboxes: the whole label is the target, at least 44 px high. */
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 3);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    min-height: var(--_target);
    margin: 0;
    font-weight: normal;
    cursor: pointer;
  }
  .choice input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }

  /* --- buttons ---------------------------------------------------------------------------- */
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 calc(var(--_space) * 2);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font: inherit;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
  }
  button.primary,
  .button.primary {
    background: var(--_primary);
    color: var(--_primary-contrast);
    font-weight: 600;
  }
  button.submit {
    width: 100%;
    font-size: 1.125em;
  }
  /* Unavailable for now (sending, counting down, submitting): still readable (contrast ≥ 4.5:1),
     still focusable (aria-disabled), so focus is not lost when a button becomes unavailable. */
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
  }
  button:not(.primary)[aria-disabled='true'],
  button:not(.primary):disabled {
    border-color: var(--_border);
    background: #f0f2f5;
    color: var(--_muted);
  }
  button.primary[aria-disabled='true'] {
    cursor: progress;
  }
  button.link {
    min-width: 0;
    padding: 0 calc(var(--_space) / 2);
    border-color: transparent;
    background: transparent;
    text-decoration: underline;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: calc(var(--_space) * 2) 0 0;
  }

  /* --- error summary and notices ------------------------------------------------------------ */
  .error-summary {
    margin: 0 0 calc(var(--_space) * 3);
    padding: calc(var(--_space) * 2);
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .error-summary h2 {
    margin-bottom: var(--_space);
    font-size: 1.25em;
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary li {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .error-summary a {
    display: inline-block;
    min-height: var(--_target);
    padding: calc(var(--_space) / 2) 0;
    color: var(--_danger);
    font-weight: 600;
    text-decoration: underline;
  }
  /* A problem of no field shown here (nothing to link to): as the links read, without the underline. */
  .error-summary .summary-text {
    padding: calc(var(--_space) / 2) 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .error-summary .summary-message {
    color: var(--_danger);
    font-weight: 600;
  }
  .notice {
    margin: 0 0 calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-left: 6px solid var(--_primary);
    background: #eef5fc;
  }
  .notice.success {
    border-left-color: var(--_success);
    background: #ecfdf3;
  }
  .notice.warning {
    border-left-color: var(--_warning);
    background: #fff8e6;
  }
  .notice.danger {
    border-left-color: var(--_danger);
    background: #fef3f2;
  }
  .notice h2,
  .notice h3 {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
  }
  .notice > :last-child {
    margin-bottom: 0;
  }
`;
