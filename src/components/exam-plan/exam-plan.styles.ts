import { css } from 'lit';
import { formStyles } from '../base/form-styles.js';
import { panelStyles } from '../base/panel-styles.js';

const planStyles = css`
  :host {
    max-width: 60rem;
  }
  .round {
    font-weight: 600;
  }
  .dates ul {
    margin: 0 0 calc(var(--_space) * 2);
    padding-left: 1.25em;
  }

  /* The level filter: radios drawn as pills; the whole pill is the target. */
  .filter {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .pills {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .pill {
    position: relative;
    margin: 0;
    font-weight: normal;
  }
  .pill input {
    position: absolute;
    opacity: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    cursor: pointer;
  }
  .pill span {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 calc(var(--_space) * 2);
    border: 2px solid var(--_primary);
    border-radius: 999px;
    color: var(--_primary);
    background: var(--_surface);
  }
  .pill input:checked + span {
    background: var(--_primary);
    color: var(--_primary-contrast);
    font-weight: 600;
  }
  .pill input:focus-visible + span {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* --- the tables ---------------------------------------------------------------------------- */
  .level {
    margin: 0 0 calc(var(--_space) * 3);
  }
  h3 {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
    margin: 0 0 var(--_space);
    font-size: 1.25em;
  }
  .level-fee {
    font-size: 1em;
    font-weight: normal;
    color: var(--_muted);
  }
  /* The same column widths in every level's table. */
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  thead th:nth-child(1) {
    width: 28%;
  }
  thead th:nth-child(3) {
    width: 8.5rem;
  }
  thead th:nth-child(4) {
    width: 7.5rem;
  }
  th,
  td {
    padding: var(--_space);
    border-bottom: 1px solid #d9dee4;
    text-align: left;
    vertical-align: top;
  }
  thead th {
    border-bottom: 2px solid var(--_border);
    color: var(--_muted);
    font-weight: 600;
    white-space: nowrap;
  }
  th.name {
    font-weight: 600;
  }
  tr.chosen {
    background: #eef5fc;
  }
  tr.chosen th.name {
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  .subjects {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .subjects li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .subject-name {
    min-width: 4.5em;
  }
  .subject-time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .fee {
    white-space: nowrap;
  }
  .action {
    text-align: right;
  }
  .action button {
    white-space: nowrap;
  }
  .placeholder {
    color: var(--_muted);
  }

  /* Phones: each qualification a card; the column names come from data-label. */
  @media (max-width: 600px) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tr {
      margin: 0 0 var(--_space);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid #d9dee4;
      border-radius: var(--_radius);
    }
    th,
    td {
      padding: calc(var(--_space) / 2) 0;
      border: 0;
    }
    th.name {
      font-size: 1.125em;
    }
    td[data-label]::before {
      content: attr(data-label);
      display: block;
      color: var(--_muted);
      font-size: 0.9375em;
    }
    td.fee::before {
      display: inline;
      margin-right: var(--_space);
    }
    .subject-time {
      white-space: normal;
    }
    .action {
      text-align: left;
    }
    .action button {
      width: 100%;
    }
    tr.chosen th.name {
      box-shadow: none;
    }
    tr.chosen {
      border: 2px solid var(--_primary);
    }
  }
`;

export const styles = [formStyles, panelStyles, planStyles];
