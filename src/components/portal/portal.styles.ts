import { css } from 'lit';
import { formStyles } from '../base/form-styles.js';

/**
 * The portal lays itself out by its own width (container queries), not the window's: inside a
 * CMS content column of 700 px on a wide screen it is as narrow as on a phone.
 */
const portalStyles = css`
  :host {
    --_nav-width: var(--rk-portal-nav-width, 11rem);
    display: block;
    max-width: none;
    container-type: inline-size;
  }
  .round {
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_primary-contrast);
  }
  .round-name {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
  }
  .round-name a {
    color: inherit;
    text-decoration: none;
    border-radius: var(--_radius);
  }
  .round-name a:hover {
    text-decoration: underline;
  }
  .round-name a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .round p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  /* Dates and times stay whole (2027年2月5日, not 2027年2月5 / 日); the line breaks between them. */
  .round .whole {
    white-space: nowrap;
  }
  button.enter {
    margin-top: var(--_space);
    background: var(--_primary-contrast);
    color: var(--_primary);
    border-color: var(--_primary-contrast);
    font-weight: 600;
  }
  .body {
    display: grid;
    grid-template-columns: var(--_nav-width) minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
    margin-top: calc(var(--_space) * 2);
    align-items: start;
  }
  .nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .nav li + li {
    border-top: 1px solid var(--_border);
  }
  .nav a {
    display: flex;
    align-items: center;
    min-height: var(--_target);
    padding: 0 calc(var(--_space) * 1.5);
    color: var(--_text);
    text-decoration: none;
    background: var(--_surface);
  }
  .nav a:hover {
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }
  .nav a[aria-current='page'] {
    background: var(--_primary);
    color: var(--_primary-contrast);
    font-weight: 600;
  }
  .nav a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .menu-button {
    display: none;
  }
  .main {
    min-width: 0;
  }
  .account {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space);
    margin-bottom: var(--_space);
    color: var(--_muted);
  }
  .timeline {
    margin-bottom: calc(var(--_space) * 2);
  }
  .content:focus {
    outline: none;
  }
  .content > * {
    max-width: none;
  }
  .next {
    margin-top: calc(var(--_space) * 2);
  }
  .review h2 {
    font-size: 1.375em;
  }

  /* Narrow columns and phones: the navigation becomes a menu button above the content. */
  @container (max-width: 720px) {
    .body {
      grid-template-columns: minmax(0, 1fr);
    }
    .menu-button {
      display: flex;
      width: 100%;
      justify-content: flex-start;
      gap: var(--_space);
    }
    .nav ul {
      display: none;
      margin-top: var(--_space);
    }
    .nav.open ul {
      display: block;
    }
  }
`;

export const styles = [formStyles, portalStyles];
