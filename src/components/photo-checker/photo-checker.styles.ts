import { css } from 'lit';
import { formStyles } from '../base/form-styles.js';
import { panelStyles } from '../base/panel-styles.js';

const photoStyles = css`
  :host {
    max-width: 50rem;
  }
  h3 {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
    line-height: 1.3;
  }
  h3:focus {
    outline: none;
  }
  .intro {
    margin-bottom: calc(var(--_space) * 2);
  }

  /* --- choosing ----------------------------------------------------------------------------- */
  .dropzone {
    margin: 0 0 calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: #f7f9fb;
    text-align: center;
  }
  .dropzone .actions {
    justify-content: center;
    margin: 0;
  }
  .dropzone .hint {
    margin: var(--_space) 0 0;
    color: var(--_muted);
  }
  .dropzone.dragging {
    border-color: var(--_primary);
    background: #eef5fc;
  }
  .dropzone.compact {
    padding: 0;
    border: 0;
    background: none;
    text-align: left;
  }
  .dropzone.compact .actions {
    justify-content: flex-start;
  }
  .file-name {
    margin: var(--_space) 0 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .busy {
    font-weight: 600;
  }

  /* --- photo, crop and results ------------------------------------------------------------- */
  .workspace {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: calc(var(--_space) * 3);
    align-items: start;
  }
  /* A failing photo: the reasons come first (on a phone, above the photo). */
  :host([state='failed']) .side {
    order: -1;
  }
  .crop .hint {
    color: var(--_muted);
  }
  .stage {
    position: relative;
    overflow: hidden;
    border: 1px solid var(--_border);
    background: #e4e7eb;
    line-height: 0;
    touch-action: none;
    user-select: none;
  }
  .stage canvas {
    display: block;
    width: 100%;
    height: auto;
  }
  .frame {
    position: absolute;
    left: var(--frame-x, 0);
    top: var(--frame-y, 0);
    width: var(--frame-w, 100%);
    height: var(--frame-h, 100%);
    border: 3px solid var(--_primary);
    outline: 1px solid #fff;
    /* Dims the photo outside the frame. */
    box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.45);
    cursor: move;
    touch-action: none;
  }
  .frame:focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
  }
  /* Where the head goes: about half the photo's height, centred. */
  .guide {
    position: absolute;
    left: 24%;
    top: 9%;
    width: 52%;
    height: 52%;
    border: 2px dashed rgb(11 92 173 / 0.7);
    border-radius: 50%;
    pointer-events: none;
  }
  /* The corner that resizes: a 44 px target inside the frame's corner, around a visible knob. */
  .handle {
    position: absolute;
    right: 0;
    bottom: 0;
    width: var(--_target);
    height: var(--_target);
    cursor: nwse-resize;
    touch-action: none;
  }
  .handle::after {
    content: '';
    position: absolute;
    right: 2px;
    bottom: 2px;
    width: 20px;
    height: 20px;
    border: 2px solid #fff;
    border-radius: 50%;
    background: var(--_primary);
  }
  .crop-status {
    margin: var(--_space) 0 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .zoom {
    margin-top: var(--_space);
  }

  .checklist-title {
    margin-top: 0;
  }
  .checklist {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    list-style: none;
  }
  .check {
    display: grid;
    grid-template-columns: 1.75rem 1fr;
    gap: var(--_space);
    align-items: start;
    margin: 0 0 var(--_space);
  }
  .mark {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    color: #fff;
    font-weight: 700;
    line-height: 1;
  }
  .check.pass .mark {
    background: var(--_success);
  }
  .check.fail .mark {
    background: var(--_danger);
  }
  .check.warn .mark {
    background: var(--_warning);
  }
  .check-status {
    font-weight: 700;
  }
  .check.fail .check-status {
    color: var(--_danger);
  }
  .check.warn .check-status {
    color: var(--_warning);
  }

  .preview {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: flex-end;
    margin: 0 0 var(--_space);
  }
  .preview canvas {
    display: block;
    width: 148px;
    height: auto;
    border: 1px solid var(--_border);
    background: #fff;
  }
  .confirm {
    margin-top: var(--_space);
    align-items: flex-start;
  }
  .confirm input {
    margin-top: 0.15rem;
  }
  .upload-progress {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: var(--_space) 0;
  }
  progress {
    width: 100%;
    height: 1rem;
    accent-color: var(--_primary);
  }
  .accepted-body {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: flex-end;
  }
`;

export const styles = [formStyles, panelStyles, photoStyles];
