import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * "Touched / submitted" bookkeeping for one form (Lion-style feedback timing): a field's error
 * is shown once the user has left the field (`touch`) or tried to submit (`submit`). Also moves
 * focus to the first invalid field after a failed submit.
 *
 * ```ts
 * #form = new FormState(this, ['username', 'email']);
 * // render: error: this.#form.errorFor('username', reasonMessageOrNull)
 * // input:  onBlur: () => this.#form.touch('username')
 * // submit: this.#form.submit(); if (invalid) return this.#form.focusFirstInvalid(errors);
 * ```
 */
export class FormState<F extends string = string> implements ReactiveController {
  readonly #host: Host;
  readonly #order: readonly F[];
  #touched = new Set<F>();
  #submitted = false;

  /** `fields` in document order: the order used to find the first invalid field. */
  constructor(host: Host, fields: readonly F[]) {
    this.#host = host;
    this.#order = fields;
    host.addController(this);
  }

  hostConnected(): void {}

  get submitted(): boolean {
    return this.#submitted;
  }

  /** Mark a field as left by the user (call on blur); re-renders the host. */
  touch(field: F): void {
    if (this.#touched.has(field)) return;
    this.#touched.add(field);
    this.#host.requestUpdate();
  }

  /** Mark the form as submitted: from now on every error shows; re-renders the host. */
  submit(): void {
    this.#submitted = true;
    this.#host.requestUpdate();
  }

  /** Whether `field`'s feedback may be shown now. */
  shows(field: F): boolean {
    return this.#submitted || this.#touched.has(field);
  }

  /** `message` when the field's feedback may be shown, else `null`. */
  errorFor(field: F, message: string | null | undefined): string | null {
    return message && this.shows(field) ? message : null;
  }

  /** Forget touched / submitted (e.g. when a form is shown again empty). */
  reset(): void {
    this.#touched.clear();
    this.#submitted = false;
    this.#host.requestUpdate();
  }

  /**
   * After the next render, focus the first field (in constructor order) that has an entry in
   * `errors`: the first enabled element with `name="<field>"` in the host's shadow root, else in
   * its light DOM (a `CredentialForm`'s fields); for a group of check boxes, the first box.
   * Returns the field focused, if any.
   */
  async focusFirstInvalid(errors: Partial<Record<F, unknown>>): Promise<F | null> {
    await this.#host.updateComplete;
    for (const field of this.#order) {
      if (!errors[field]) continue;
      const selector = `[name="${field}"]:not(:disabled)`;
      const el =
        this.#host.renderRoot.querySelector<HTMLElement>(selector) ??
        this.#host.querySelector<HTMLElement>(selector);
      if (el) {
        el.focus();
        return field;
      }
    }
    return null;
  }
}
