/**
 * A form field as a Lit template: label (with `for`), hint, error message and input in the same
 * shadow root, wired with `aria-describedby` and `aria-invalid` (GOV.UK order: label, hint,
 * error, input). Texts are passed in already translated.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** The texts every field needs, translated by the element. */
export interface FieldTexts {
  /** Read after the red `*` by screen readers, e.g. 必填. */
  required: string;
  /** Prefixed (visually hidden) to an error message, e.g. 错误： */
  errorPrefix: string;
}

export interface FieldFrame {
  id: string;
  label: string;
  texts: FieldTexts;
  required?: boolean;
  hint?: string | TemplateResult;
  error?: string;
  /** Below the input: a confirmation (号码格式正确). */
  ok?: string;
  /** Below the input: a warning that does not block. */
  warning?: string;
  /** Right below the input, inside the field (a checkbox, an action, a status), before warning and ok. */
  after?: TemplateResult | typeof nothing;
}

/** The ids an input should name in `aria-describedby` for what its field shows. */
export function describedBy(frame: Pick<FieldFrame, 'id' | 'hint' | 'error' | 'ok' | 'warning'>): string | undefined {
  const ids = [
    frame.hint ? `${frame.id}-hint` : '',
    frame.error ? `${frame.id}-error` : '',
    frame.warning ? `${frame.id}-warning` : '',
    frame.ok ? `${frame.id}-ok` : '',
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function requiredMark(frame: FieldFrame) {
  return frame.required
    ? html`<span class="required-mark" aria-hidden="true">*</span><span class="visually-hidden">（${frame.texts.required}）</span>`
    : nothing;
}

function messages(frame: FieldFrame) {
  return html`${frame.hint ? html`<div class="hint" part="hint" id=${`${frame.id}-hint`}>${frame.hint}</div>` : nothing}
  ${frame.error
    ? html`<span class="error-message" part="error-message" id=${`${frame.id}-error`}
        ><span class="visually-hidden">${frame.texts.errorPrefix}</span>${frame.error}</span
      >`
    : nothing}`;
}

function below(frame: FieldFrame) {
  return html`${frame.after ?? nothing}
  ${frame.warning
    ? html`<span class="warning-message" part="warning-message" id=${`${frame.id}-warning`}>${frame.warning}</span>`
    : nothing}
  ${frame.ok ? html`<span class="ok-message" id=${`${frame.id}-ok`}>${frame.ok}</span>` : nothing}`;
}

/** A field around any control the caller renders (use `describedBy(frame)` on the control). */
export function fieldFrame(frame: FieldFrame, control: TemplateResult): TemplateResult {
  return html`<div class="field ${frame.error ? 'has-error' : ''}" part="field">
    <label for=${frame.id} part="label">${frame.label}${requiredMark(frame)}</label>
    ${messages(frame)} ${control} ${below(frame)}
  </div>`;
}

/** A group of radios or checkboxes: a fieldset whose legend is the label. */
export function fieldsetFrame(frame: FieldFrame, controls: TemplateResult): TemplateResult {
  return html`<fieldset
    class="field ${frame.error ? 'has-error' : ''}"
    part="field"
    id=${frame.id}
    tabindex="-1"
    aria-describedby=${ifDefined(describedBy(frame))}
  >
    <legend part="label">${frame.label}${requiredMark(frame)}</legend>
    ${messages(frame)} ${controls} ${below(frame)}
  </fieldset>`;
}

export interface TextInputOptions extends FieldFrame {
  value: string;
  type?: 'text' | 'tel' | 'email' | 'password';
  name?: string;
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel' | 'email' | 'decimal';
  maxlength?: number;
  disabled?: boolean;
  /** Turns off spell checking and auto-capitalisation (codes, numbers). */
  verbatim?: boolean;
  /** Upper-cases on phones' keyboards (document numbers with X). */
  autocapitalize?: 'off' | 'characters';
  /** Beside the input, in one row (a show/hide toggle, a send-code button). */
  beside?: TemplateResult | typeof nothing;
  onInput: (value: string) => void;
  onBlur?: () => void;
}

/** A labelled text input with hint, error and optional controls beside it. */
export function textField(options: TextInputOptions): TemplateResult {
  const input = html`<input
    id=${options.id}
    name=${options.name ?? options.id}
    part="input"
    type=${options.type ?? 'text'}
    .value=${live(options.value)}
    autocomplete=${ifDefined(options.autocomplete)}
    inputmode=${ifDefined(options.inputmode)}
    maxlength=${ifDefined(options.maxlength)}
    spellcheck=${ifDefined(options.verbatim ? 'false' : undefined)}
    autocapitalize=${ifDefined(options.autocapitalize ?? (options.verbatim ? 'off' : undefined))}
    autocorrect=${ifDefined(options.verbatim ? 'off' : undefined)}
    ?disabled=${options.disabled ?? false}
    ?required=${options.required ?? false}
    aria-required=${ifDefined(options.required ? 'true' : undefined)}
    aria-invalid=${options.error ? 'true' : 'false'}
    aria-describedby=${ifDefined(describedBy(options))}
    @input=${(event: InputEvent) => options.onInput((event.target as HTMLInputElement).value)}
    @blur=${() => options.onBlur?.()}
  />`;
  return fieldFrame(
    options,
    options.beside && options.beside !== nothing ? html`<div class="control-row">${input}${options.beside}</div>` : input,
  );
}
