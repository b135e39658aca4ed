import { css } from 'lit';
import { formStyles } from '../base/form-styles.js';
import { panelStyles } from '../base/panel-styles.js';

const noticeStyles = css`
  :host {
    max-width: 44rem;
  }
  h2 {
    text-align: center;
  }
  /* The text scrolls inside a box of its own, so the confirmation stays in reach below it. */
  .text {
    max-height: var(--rk-notice-height, 24rem);
    overflow-y: auto;
    margin: 0 0 calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: #fbfcfd;
    overscroll-behavior: contain;
  }
  .text:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .text p {
    margin: 0 0 calc(var(--_space) * 1.25);
    white-space: pre-line;
    line-height: 1.8;
  }
  .text .end {
    margin: 0;
    color: var(--_muted);
    text-align: center;
  }
  .agree {
    align-items: flex-start;
    padding: calc(var(--_space) / 2) 0;
    font-weight: 600;
  }
  .agree input {
    margin-top: 0.15rem;
  }
  .agree input:disabled + span {
    color: var(--_muted);
  }
  .confirm .field {
    margin-bottom: calc(var(--_space) * 1.5);
  }
  [part='progress'] {
    font-variant-numeric: tabular-nums;
  }
  /* Locked until read (still focusable, so its hint can be reached and announced). */
  button.submit[aria-disabled='true'] {
    border-color: var(--_border);
    background: #f0f2f5;
    color: var(--_muted);
    cursor: not-allowed;
  }
`;

export const styles = [formStyles, panelStyles, noticeStyles];
