import { css } from 'lit';

export const providerStyles = css`
  :host {
    display: block;
    /* Design tokens every element reads; a site overrides them on rk-provider or any ancestor. */
    --rk-color-primary: #0b5cad;
    --rk-color-primary-contrast: #ffffff;
    --rk-color-danger: #b42318;
    --rk-color-success: #067647;
    --rk-color-warning: #8a5a00;
    --rk-color-text: #1f2933;
    --rk-color-muted: #52606d;
    --rk-color-border: #9aa5b1;
    --rk-color-surface: #ffffff;
    --rk-color-focus: #ffbf47;
    --rk-font-family: system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif;
    --rk-font-size: 1rem;
    --rk-line-height: 1.6;
    --rk-radius: 4px;
    --rk-space: 0.5rem;
    --rk-target-size: 44px;
    font-family: var(--rk-font-family);
    font-size: var(--rk-font-size);
    line-height: var(--rk-line-height);
    color: var(--rk-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * 适老化 large-text mode (MIIT 互联网网站适老化通用设计规范): text of 18 pt (24 px at the
   * browser's default size: rem, so the candidate's own font size still scales it), more line
   * spacing, 60 px touch targets, darker text, borders and secondary text.
   */
  :host([large-text]) {
    --rk-font-size: 1.5rem;
    --rk-line-height: 1.7;
    --rk-target-size: 60px;
    --rk-space: 0.625rem;
    --rk-color-primary: #0a4a8c;
    --rk-color-text: #000000;
    --rk-color-muted: #323f4b;
    --rk-color-border: #52606d;
  }
  [part='session-error'] {
    margin: 0 0 var(--rk-space);
    padding: var(--rk-space) calc(var(--rk-space) * 2);
    border-left: 4px solid var(--rk-color-danger);
    background: #fef3f2;
    display: flex;
    flex-wrap: wrap;
    gap: var(--rk-space);
    align-items: center;
  }
  button {
    font: inherit;
    min-height: var(--rk-target-size);
    padding: 0 calc(var(--rk-space) * 2);
    border: 1px solid var(--rk-color-primary);
    border-radius: var(--rk-radius);
    background: var(--rk-color-surface);
    color: var(--rk-color-primary);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--rk-color-focus);
    outline-offset: 2px;
  }
`;
