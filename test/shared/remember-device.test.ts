/**
 * The "Remember this device for 30 days" toggletip (`rememberDevice`): a click, a tap, Enter or
 * Space opens it and keeps it open, the next one closes it; hover and focus also show it, with
 * no hover-and-click fight; Escape closes it.
 */
import { expect, fixture, html as fhtml } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { html, LitElement } from 'lit';
import { tokens, formStyles } from '../../src/base/styles.js';
import { sharedStyles } from '../../src/shared/styles.js';
import { rememberDevice, rememberDeviceStyles } from '../../src/shared/remember-device.js';

class RememberHarness extends LitElement {
  static override styles = [tokens, formStyles, sharedStyles, rememberDeviceStyles];
  static override properties = { checked: { state: true }, tipOpen: { state: true } };
  checked = false;
  tipOpen = false;

  override render() {
    return html`${rememberDevice({
        checked: this.checked,
        tipOpen: this.tipOpen,
        onChange: (c) => (this.checked = c),
        onTip: (open) => (this.tipOpen = open),
        label: 'Remember this device for 30 days',
        infoLabel: 'About remembering this device',
        tip: 'We will not ask you to verify your account on this device for 30 days.',
      })} <button type="button" id="after">After</button>`;
  }
}
customElements.define('remember-harness', RememberHarness);

async function mount() {
  const el = await fixture<RememberHarness>(fhtml`<remember-harness></remember-harness>`);
  const q = <T extends HTMLElement = HTMLElement>(sel: string) =>
    el.shadowRoot!.querySelector<T>(sel)!;
  const info = q<HTMLButtonElement>('[part="tooltip-button"]');
  const tip = q('#remember-tip');
  /** Shown, as the person sees it and as assistive technology is told. */
  const shown = () => {
    const display = getComputedStyle(tip).display !== 'none';
    expect(info.getAttribute('aria-expanded')).to.equal(String(display));
    return display;
  };
  const centre = (e: Element): [number, number] => {
    const r = e.getBoundingClientRect();
    return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
  };
  return { el, q, info, tip, shown, centre };
}

describe('rememberDevice: the toggletip', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('names and describes: the box and the button are described by it, the button controls it', async () => {
    const { q, info, tip, shown } = await mount();
    expect(q('#remember').getAttribute('aria-describedby')).to.equal('remember-tip');
    expect(info.getAttribute('aria-describedby')).to.equal('remember-tip');
    expect(info.getAttribute('aria-controls')).to.equal('remember-tip');
    expect(tip.getAttribute('role')).to.equal('tooltip');
    expect(shown()).to.equal(false);
  });

  it('a mouse click after hovering keeps it open; the next click closes it; leaving then does not reopen', async () => {
    const { el, info, shown, centre } = await mount();
    await sendMouse({ type: 'move', position: centre(info) });
    await el.updateComplete;
    expect(shown(), 'hover shows it').to.equal(true);
    await sendMouse({ type: 'click', position: centre(info) });
    await el.updateComplete;
    expect(shown(), 'a click after hover keeps it open').to.equal(true);
    // Pinned: moving the mouse away keeps it.
    await sendMouse({ type: 'move', position: [1, 1] });
    await el.updateComplete;
    expect(shown(), 'pinned by the click').to.equal(true);
    await sendMouse({ type: 'click', position: centre(info) });
    await el.updateComplete;
    expect(shown(), 'the next click closes it').to.equal(false);
    await sendMouse({ type: 'move', position: [1, 1] });
    await el.updateComplete;
    expect(shown()).to.equal(false);
    // Only hovering: it goes with the mouse.
    await sendMouse({ type: 'move', position: centre(info) });
    await el.updateComplete;
    expect(shown()).to.equal(true);
    await sendMouse({ type: 'move', position: [1, 1] });
    await el.updateComplete;
    expect(shown(), 'hover alone ends with the mouse leaving').to.equal(false);
  });

  it('a tap (touch) opens it and the next tap closes it', async () => {
    const { el, q, info, shown } = await mount();
    const anchor = q('.tip-anchor');
    /** What a browser fires for a tap: touch pointer events, then compatibility mouse events. */
    const tap = async () => {
      for (const type of ['pointerover', 'pointerenter', 'pointerdown', 'pointerup'])
        (type === 'pointerenter' ? anchor : info).dispatchEvent(
          new PointerEvent(type, { pointerType: 'touch', bubbles: type !== 'pointerenter' }),
        );
      anchor.dispatchEvent(new MouseEvent('mouseenter'));
      info.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      info.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
      info.focus();
      await el.updateComplete;
      info.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      info.click();
      await el.updateComplete;
      for (const type of ['pointerout', 'pointerleave'])
        (type === 'pointerleave' ? anchor : info).dispatchEvent(
          new PointerEvent(type, { pointerType: 'touch', bubbles: type !== 'pointerleave' }),
        );
      await el.updateComplete;
    };
    await tap();
    expect(shown(), 'the first tap shows it').to.equal(true);
    await tap();
    expect(shown(), 'the second tap hides it').to.equal(false);
    await tap();
    expect(shown()).to.equal(true);
    // Tapping elsewhere (focus leaves) closes it.
    q('#after').focus();
    await el.updateComplete;
    expect(shown()).to.equal(false);
  });

  it('keyboard: focus shows it, Enter and Space keep it open or close it, Escape closes it', async () => {
    const { el, q, info, shown } = await mount();
    q('#remember').focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(info);
    expect(shown(), 'focus shows it').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shown(), 'Enter keeps it open').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shown(), 'Enter again closes it').to.equal(false);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(shown(), 'Space opens it').to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(shown(), 'Space closes it').to.equal(false);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shown()).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(shown(), 'Escape closes it').to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(info);
    await expect(el).to.be.accessible();
  });
});
