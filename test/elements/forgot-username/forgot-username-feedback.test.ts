import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/elements/forgot-username/pep-forgot-username.js';
import type { PepForgotUsername } from '../../../src/elements/forgot-username/pep-forgot-username.js';
import { fakeAdapter } from '../../support/fake-adapter.js';

const T0 = Date.UTC(2026, 0, 5, 15, 0, 0);

/** Click `el` with the real mouse (press and release where it is when pressed). */
async function mouseClick(el: Element): Promise<void> {
  const r = el.getBoundingClientRect();
  const position: [number, number] = [
    Math.round(r.x + r.width / 2),
    Math.round(r.y + r.height / 2),
  ];
  await sendMouse({ type: 'move', position });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'up' });
}

describe('<pep-forgot-username> (issue 23)', () => {
  it('item 10: the first invalid submit with the mouse is not lost (fresh element)', async () => {
    const { adapter, calls } = fakeAdapter({
      forgotUsername: () => Promise.resolve({ resendAvailableAt: T0 + 60_000 }),
    });
    const el = await fixture<PepForgotUsername>(
      html`<pep-forgot-username .adapter=${adapter} .now=${() => T0}></pep-forgot-username>`,
    );
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#email')!;
    input.focus();
    await sendKeys({ type: 'jane' });
    // Leaving the field shows its error, which pushes the button down: the press must still
    // submit, move focus to the field and say the error there.
    await mouseClick(el.shadowRoot!.querySelector('[part="submit-button"]')!);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'focus on the invalid field').to.equal(input);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('email-error');
    expect(el.shadowRoot!.querySelector('#email-error')!.textContent).to.contain('valid email');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(
      'Please correct the highlighted fields.',
    );
    expect(calls).to.have.length(0);
  });

  it('item 10: Enter on an invalid address keeps focus there and fills the alert region, each time', async () => {
    const { adapter, calls } = fakeAdapter({
      forgotUsername: () => Promise.resolve({ resendAvailableAt: T0 + 60_000 }),
    });
    const el = await fixture<PepForgotUsername>(
      html`<pep-forgot-username .adapter=${adapter} .now=${() => T0}></pep-forgot-username>`,
    );
    const root = el.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('#email')!;
    input.focus();
    await sendKeys({ type: 'jane@' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root.activeElement).to.equal(input);
    expect(input.getAttribute('aria-describedby')).to.contain('email-error');
    expect(root.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(
      'Please correct the highlighted fields.',
    );
    const first = root.querySelector('[role="alert"] .alert');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root.querySelector('[role="alert"] .alert'), 'announced again').to.not.equal(first);
    // Corrected: the summary goes with the field error.
    await sendKeys({ type: 'example.com' });
    await el.updateComplete;
    expect(root.querySelector('[role="alert"]')!.textContent!.trim()).to.equal('');
    expect(calls).to.have.length(0);
  });

  it('item 7: "We sent the email again." is visible and in the status region', async () => {
    let now = T0;
    let n = 0;
    const { adapter } = fakeAdapter({
      forgotUsername: () => Promise.resolve({ resendAvailableAt: T0 + 60_000 * ++n }),
    });
    const el = await fixture<PepForgotUsername>(
      html`<pep-forgot-username .adapter=${adapter} .now=${() => now}></pep-forgot-username>`,
    );
    const root = el.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('#email')!;
    input.value = 'jane@example.com';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    now = T0 + 60_000;
    el.requestUpdate();
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[part="resend-button"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    const status = root.querySelector<HTMLElement>('[role="status"]')!;
    expect(status.textContent!.trim()).to.equal('We sent the email again.');
    expect(status.getAttribute('part')).to.equal('status');
    const box = status.getBoundingClientRect();
    expect(box.width, 'not visually hidden').to.be.above(100);
    expect(box.height).to.be.above(10);
    expect(getComputedStyle(status).clip).to.not.equal('rect(0px, 0px, 0px, 0px)');
  });
});
