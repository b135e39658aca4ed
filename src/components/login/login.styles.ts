import { css } from 'lit';
import { formStyles } from '../base/form-styles.js';
import { panelStyles } from '../base/panel-styles.js';

const loginStyles = css`

  /* Password rules: a checklist that fills in while typing. */
  .rules {
    margin: calc(var(--_space) / 2) 0 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
  }
  .rules li::before {
    content: '○';
    display: inline-block;
    width: 1.25em;
    color: var(--_muted);
  }
  .rules li.met {
    color: var(--_success);
  }
  .rules li.met::before {
    content: '✓';
    color: var(--_success);
    font-weight: 700;
  }

  /* Captcha: the picture is a button (a click loads a new one); it can be shown twice as big. */
  .captcha-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: stretch;
  }
  .captcha-row input {
    flex: 1 1 8rem;
    width: auto;
    min-width: 0;
  }
  button.captcha-image {
    flex: none;
    width: 8.5rem;
    min-height: var(--_target);
    padding: 2px;
    border: 2px solid var(--_border);
    background: #f5f7fa;
    color: var(--_muted);
    font-size: 0.875em;
    line-height: 1.3;
  }
  button.captcha-image img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  button.captcha-image.enlarged {
    width: 17rem;
    height: 6rem;
    max-width: 100%;
  }
  .captcha-failed {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
    margin-top: calc(var(--_space) / 2);
    color: var(--_danger);
    font-weight: 600;
  }
  .captcha-tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    margin-top: calc(var(--_space) / 2);
  }

  button.send-code {
    flex: 0 0 auto;
    min-width: 9.5rem;
    white-space: nowrap;
  }
  button.toggle {
    flex: 0 0 auto;
    min-width: 4.5rem;
  }

  .detected {
    display: block;
    margin-top: calc(var(--_space) / 2);
    color: var(--_success);
  }
  .code-sent {
    display: block;
    margin-top: calc(var(--_space) / 2);
    color: var(--_success);
  }

  [part='mode-links'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
  .field-action {
    margin-top: calc(var(--_space) / 2);
  }
  .signed-in dl {
    margin: 0 0 var(--_space);
  }
`;

export const styles = [formStyles, panelStyles, loginStyles];
