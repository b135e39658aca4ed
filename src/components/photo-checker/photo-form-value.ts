/**
 * `rk-photo-checker` in a `<form>`: its value (the checked photo `File`, under its `name`) and
 * its validity — `valueMissing` without a photo, `customError` while the chosen one fails or is
 * not confirmed yet — through the element's `ElementInternals`.
 */
export class PhotoFormValue {
  readonly internals: ElementInternals;
  #value: File | null = null;

  constructor(host: HTMLElement) {
    this.internals = host.attachInternals();
  }

  /** The checked photo, once accepted. */
  get value(): File | null {
    return this.#value;
  }

  set(file: File | null): void {
    this.#value = file;
    this.internals.setFormValue(file);
  }

  /** Tells the form where the photo stands (`anchor`: where the browser shows the message). */
  validate(photo: { failing: boolean; checked: boolean }, t: (key: string) => string, anchor: HTMLElement | undefined): void {
    if (this.#value) {
      this.internals.setValidity({});
    } else if (photo.failing) {
      this.internals.setValidity({ customError: true }, t('photo.validity.failing'), anchor);
    } else if (photo.checked) {
      this.internals.setValidity({ customError: true }, t('photo.validity.unconfirmed'), anchor);
    } else {
      this.internals.setValidity({ valueMissing: true }, t('photo.validity.missing'), anchor);
    }
  }
}
