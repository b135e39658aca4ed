import { css } from 'lit';

/** The framed panel every flow element draws itself in, and its focusable heading. */
export const panelStyles = css`
  [part='panel'] {
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  @media (max-width: 400px) {
    [part='panel'] {
      padding: var(--_space);
      border-width: 0;
    }
  }
  /* The heading takes focus only to be read out after a change of view: no ring. */
  h2:focus {
    outline: none;
  }
`;
