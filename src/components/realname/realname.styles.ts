import { css } from 'lit';
import { formStyles } from '../base/form-styles.js';
import { panelStyles } from '../base/panel-styles.js';

const realnameStyles = css`
  .intro {
    margin-bottom: calc(var(--_space) * 2);
  }

  /* What the ID number tells: read-only, set apart from the inputs. */
  .derived {
    margin: calc(var(--_space) * -1) 0 calc(var(--_space) * 3);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: #f5f7fa;
  }
  .derived-title {
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_muted);
  }
  dl {
    margin: 0;
    display: grid;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
  }
  .derived dl {
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
  }
  .derived dl > div {
    flex-direction: column;
  }
  dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  .summary-list {
    margin: var(--_space) 0 0;
  }
  .masked {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.05em;
    word-break: break-all;
  }

  .validity {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .validity > legend {
    margin-bottom: calc(var(--_space) / 2);
    font-size: 1.125em;
  }
  /* One date under the other: an error or a warning under one never misaligns the other. */
  .dates {
    display: block;
  }
  .dates input[type='text'] {
    max-width: 16rem;
  }
  .long-term {
    margin-top: calc(var(--_space) / 2);
  }
  .next-step {
    margin: var(--_space) 0 0;
  }
`;

export const styles = [formStyles, panelStyles, realnameStyles];
