import { css } from 'lit';
import { formStyles } from '../base/form-styles.js';
import { panelStyles } from '../base/panel-styles.js';

const registrationFormStyles = css`
  :host {
    max-width: 44rem;
  }
  .is-hidden {
    display: none !important;
  }
  .round {
    margin: calc(var(--_space) * -1) 0 calc(var(--_space) * 2);
    color: var(--_muted);
  }
  .intro {
    margin-bottom: calc(var(--_space) * 2);
  }

  /* --- sections ------------------------------------------------------------------------------ */
  .form-section,
  .summary-section {
    margin: 0 0 calc(var(--_space) * 3);
    padding: 0 0 calc(var(--_space) * 1.5);
    border-bottom: 1px solid #d9dee4;
  }
  h3 {
    margin: 0 0 calc(var(--_space) * 1.5);
    font-size: 1.25em;
    line-height: 1.3;
  }
  .section-hint {
    margin-top: calc(var(--_space) * -1);
    margin-bottom: calc(var(--_space) * 2);
  }
  /* A label that labels a group (subjects, photo), styled like the others. */
  .label {
    margin: 0 0 calc(var(--_space) / 2);
    font-weight: 600;
  }

  /* Narrow inputs for short values: the width hints at the length expected (GOV.UK). */
  .width-short input {
    max-width: 10rem;
  }
  .width-medium input {
    max-width: 18rem;
  }
  select {
    max-width: 100%;
  }
  select:disabled {
    background: #eef0f2;
    color: var(--_muted);
    cursor: not-allowed;
  }
  [id='area-code'],
  [id='province-code'],
  [id='fee-category'],
  [id='title-category'],
  [id='work-location'],
  [id='study-status'],
  [id='education'],
  [id='degree'] {
    max-width: 22rem;
  }

  /* Subjects of the chosen qualification: shown, not chosen. */
  .subjects:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .subject-list {
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid #d9dee4;
    border-radius: var(--_radius);
  }
  .subject-list li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  .subject-list li + li {
    border-top: 1px solid #d9dee4;
  }
  .subject-name {
    font-weight: 600;
  }
  .subject-time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .plain-list .subject-time {
    display: block;
    font-size: 0.9375em;
  }
  .fee {
    margin: var(--_space) 0 0;
    font-weight: 600;
  }
  .placeholder {
    margin: 0;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }

  /* Personal data from the real-name verification: read-only. */
  .personal {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space) calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 3);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: #f5f7fa;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  dd:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .masked {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.03em;
    word-break: break-all;
  }

  /* --- photo ------------------------------------------------------------------------------------ */
  .photo:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .photo-current {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: flex-start;
    margin: 0 0 var(--_space);
  }
  .photo-current img,
  .summary-photo {
    display: block;
    width: 118px;
    height: 165px;
    object-fit: cover;
    border: 1px solid var(--_border);
    background: #fff;
  }
  .photo-current figcaption {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_space) / 2);
  }
  .photo-current .ok-message {
    margin: 0;
    font-weight: 600;
  }
  .photo-meta {
    color: var(--_muted);
  }
  .photo-fallback {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .file-input {
    display: block;
    max-width: 100%;
    min-height: var(--_target);
    padding: calc(var(--_space) / 2) 0;
    font: inherit;
  }
  .file-input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .photo-progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .photo-fallback .error-message {
    margin-top: var(--_space);
  }

  /* --- draft status and actions -------------------------------------------------------------------- */
  .save-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--_space);
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_muted);
  }
  .save-status.error {
    color: var(--_warning);
    font-weight: 600;
  }
  .save-status button.link {
    min-height: var(--_target);
  }
  .review-actions {
    flex-direction: column;
  }
  .review-actions button {
    width: 100%;
  }

  /* --- review (核对报考信息) -------------------------------------------------------------------------- */
  .summary-list {
    margin: 0;
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(8rem, 35%) 1fr auto;
    gap: var(--_space);
    align-items: baseline;
    padding: calc(var(--_space) * 0.75) 0;
    border-bottom: 1px solid #eef0f2;
  }
  .summary-row:last-child {
    border-bottom: 0;
  }
  .summary-row dt {
    font-weight: 600;
    color: var(--_text);
  }
  .summary-row dd {
    font-weight: normal;
  }
  .summary-action {
    text-align: right;
  }
  .summary-action button.link {
    min-height: var(--_target);
    margin: calc(var(--_space) * -1) 0;
  }
  .plain-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .declaration {
    margin: 0 0 calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-left: 6px solid var(--_border);
    background: #f5f7fa;
  }
  .answers {
    margin-top: calc(var(--_space) * 3);
  }
  .numbers {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: var(--_space) 0;
  }
  .numbers > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .reason {
    font-weight: 600;
  }
  .contact {
    margin-top: calc(var(--_space) * 2);
    color: var(--_muted);
  }

  /* Phones: one column; the change link under the answer. */
  @media (max-width: 480px) {
    .summary-row {
      grid-template-columns: 1fr auto;
      grid-template-areas: 'label action' 'value value';
      gap: 0 var(--_space);
      align-items: center;
    }
    .summary-row dt {
      grid-area: label;
    }
    .summary-row dd {
      grid-area: value;
    }
    .summary-row dd.summary-action {
      grid-area: action;
    }
    .summary-action button.link {
      margin: calc(var(--_space) * -0.5) 0;
    }
  }
`;

export const styles = [formStyles, panelStyles, registrationFormStyles];
