import { css } from 'lit';
import { formStyles } from '../base/form-styles.js';
import { panelStyles } from '../base/panel-styles.js';

const paymentStyles = css`
  :host {
    --_qr-size: var(--rk-qr-size, 14rem);
    max-width: 48rem;
  }
  h3 {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
  }
  h3:focus {
    outline: none;
  }

  /* What is paid for, and the receipt: label and value side by side, stacked on phones. */
  dl {
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: 7em 1fr;
    gap: var(--_space);
    padding: calc(var(--_space) / 2) 0;
    border-bottom: 1px dashed var(--_border);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .amount {
    font-size: 1.375em;
    font-weight: 700;
    color: var(--_danger);
  }
  .summary {
    margin-bottom: calc(var(--_space) * 2);
  }

  /* The channels: two large choices, the whole card is the target. */
  .channels {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .channel-list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .channel {
    position: relative;
    flex: 1 1 10rem;
    margin: 0;
    font-weight: normal;
  }
  .channel input {
    position: absolute;
    inset: 0;
    opacity: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    cursor: pointer;
  }
  .channel-face {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: calc(var(--_target) + 8px);
    padding: 0 calc(var(--_space) * 2);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 1.0625em;
  }
  .channel-mark {
    width: 1.25em;
    height: 1.25em;
    border-radius: 0.3em;
    flex: none;
  }
  .alipay .channel-mark {
    background: #1677ff;
  }
  .wechat .channel-mark {
    background: #07c160;
  }
  .channel input:checked + .channel-face {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 1px var(--_primary);
    font-weight: 600;
  }
  .channel input:focus-visible + .channel-face {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* The code beside its status; the status below it on phones. */
  .pay {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: flex-start;
  }
  .qr {
    position: relative;
    flex: none;
    width: var(--_qr-size);
    max-width: 100%;
    aspect-ratio: 1;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: #ffffff;
    display: flex;
    align-items: center;
    justify-content: center;
  }
  .qr-svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  .qr-message {
    margin: 0;
    padding: var(--_space);
    text-align: center;
    color: var(--_muted);
  }
  .qr-message.danger {
    color: var(--_danger);
  }
  .qr-message button {
    margin-top: var(--_space);
  }
  /* Over an expired code: the whole box is the refresh button. */
  .qr-cover {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    border: 0;
    border-radius: var(--_radius);
    background: rgb(255 255 255 / 0.94);
    color: var(--_primary);
    font-size: 1.0625em;
    font-weight: 600;
    white-space: normal;
  }
  .qr-cover::before {
    content: '↻';
    display: block;
    font-size: 2.5em;
    line-height: 1;
    margin-bottom: var(--_space);
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-right: 0.5em;
    vertical-align: -0.15em;
    border: 2px solid var(--_border);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .pay-side {
    flex: 1 1 14rem;
    min-width: 0;
  }
  .scan {
    font-weight: 600;
  }
  .status-line.paying strong {
    color: var(--_warning);
  }
  .status-line.expired strong {
    color: var(--_danger);
  }
  .countdown {
    font-variant-numeric: tabular-nums;
  }
  .order-id {
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .hint.warning {
    color: var(--_warning);
  }
  .tip {
    margin-top: calc(var(--_space) * 2);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
    color: var(--_muted);
  }
  .tip p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .phone {
    white-space: nowrap;
  }
  /* Dates stay whole (2026年12月18日, not 2026年12月18 / 日): the line breaks at the spaces. */
  .dates {
    word-break: keep-all;
  }

  .receipt {
    padding: calc(var(--_space) * 2);
    border: 2px solid var(--_success);
    border-radius: var(--_radius);
  }
  .receipt .result {
    color: var(--_success);
    font-weight: 700;
  }
  .trade-no {
    font-variant-numeric: tabular-nums;
  }

  @media (max-width: 480px) {
    .row {
      grid-template-columns: 1fr;
      gap: 0;
    }
    .qr {
      margin: 0 auto;
    }
  }
`;

export const styles = [formStyles, panelStyles, paymentStyles];
