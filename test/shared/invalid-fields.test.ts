/**
 * Issue 23, item 3: a control with `aria-invalid="true"` looks invalid (the error colour and a
 * thicker border) whatever its kind, as `formStyles` and `sharedStyles` style it: the typed
 * `input[type=…]` rules must not outrank it. In forced colors (no colour of ours shows) it gets
 * a double border instead. And in an element: Log In submitted empty.
 */
import { expect, fixture, html as fhtml } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html, LitElement } from 'lit';
import { tokens, formStyles } from '../../src/base/styles.js';
import { sharedStyles } from '../../src/shared/styles.js';
import '../../src/elements/login/pep-login.js';
import type { PepLogin } from '../../src/elements/login/pep-login.js';
import { until } from '../support/login.js';

const ERROR = 'rgb(1, 2, 3)';

class InvalidHarness extends LitElement {
  static override styles = [tokens, formStyles, sharedStyles];
  override render() {
    const types = ['text', 'email', 'tel', 'password', 'datetime-local'];
    return html`${types.map(
        (type) => html`<div class="input-row"><input type=${type} aria-invalid="true" /></div>`,
      )}<input aria-invalid="true" /><select aria-invalid="true">
        <option>a</option></select
      ><textarea aria-invalid="true"></textarea><input id="valid" aria-invalid="false" />`;
  }
}
customElements.define('invalid-harness', InvalidHarness);

const border = (e: Element) => {
  const s = getComputedStyle(e);
  return { color: s.borderTopColor, width: parseFloat(s.borderTopWidth), style: s.borderTopStyle };
};

describe('aria-invalid="true" looks invalid', () => {
  afterEach(async () => {
    try {
      await executeServerCommand('emulate-forced-colors', { active: false });
    } catch {
      /* not supported here */
    }
  });

  it('every kind of input, the select and the text area: error colour, thicker border', async () => {
    const el = await fixture<InvalidHarness>(
      fhtml`<invalid-harness style="--pep-color-error: ${ERROR}"></invalid-harness>`,
    );
    const valid = border(el.shadowRoot!.querySelector('#valid')!);
    expect(valid.color).not.to.equal(ERROR);
    const invalid = el.shadowRoot!.querySelectorAll('[aria-invalid="true"]');
    expect(invalid.length).to.equal(8);
    for (const field of invalid) {
      const b = border(field);
      const what = `${field.localName}[type=${field.getAttribute('type')}]`;
      expect(b.color, what).to.equal(ERROR);
      expect(b.width, what).to.be.above(valid.width);
    }
  });

  it('forced colors: a double border, thicker than a valid one', async function () {
    try {
      await executeServerCommand('emulate-forced-colors', { active: true });
    } catch {
      this.skip();
    }
    if (!matchMedia('(forced-colors: active)').matches) this.skip();
    const el = await fixture<InvalidHarness>(fhtml`<invalid-harness></invalid-harness>`);
    const valid = border(el.shadowRoot!.querySelector('#valid')!);
    expect(valid.style).to.equal('solid');
    for (const field of el.shadowRoot!.querySelectorAll('[aria-invalid="true"]')) {
      const b = border(field);
      const what = `${field.localName}[type=${field.getAttribute('type')}]`;
      expect(b.style, what).to.equal('double');
      expect(b.width, what).to.be.at.least(3);
    }
  });

  it('<pep-login> submitted empty: Username and Password have the error border', async () => {
    const el = await fixture<PepLogin>(
      fhtml`<pep-login style="--pep-color-error: ${ERROR}"></pep-login>`,
    );
    // (The credential form is in the element's light DOM, styled by the same rules, scoped.)
    const $ = <T extends Element = Element>(sel: string) =>
      el.shadowRoot!.querySelector<T>(sel) ?? el.querySelector<T>(`[data-pep-credentials] ${sel}`);
    $<HTMLButtonElement>('[part="submit-button"]')!.click();
    await until(() => !!$('[aria-invalid="true"]'), 'invalid fields');
    for (const name of ['username', 'password']) {
      const input = $(`[name="${name}"]`)!;
      expect(input.getAttribute('aria-invalid'), name).to.equal('true');
      expect(border(input).color, name).to.equal(ERROR);
    }
  });
});
