/**
 * The ready-made themes of `src/themes/` (published as `pep-auth-elements/themes/*.css`), loaded
 * as a page stylesheet the way a host links them, on every widget:
 * - high-contrast.css: no text below 7:1 (axe's AAA rule `color-contrast-enhanced`) in light and
 *   in dark, input borders 2px at 3:1 or more; a host's own --pep-* value still wins;
 * - compact.css: 36px controls, no button or field under 24px, and the widget still fits 320px.
 */
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { CASES } from '../a11y/cases.js';
import type { PepElement } from '../../src/base/pep-element.js';

interface AxeResults {
  violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}
interface Axe {
  run(context: Element, options: object): Promise<AxeResults>;
}

async function axe(): Promise<Axe> {
  const w = window as unknown as { axe?: Axe };
  if (!w.axe) await import('axe-core/axe.min.js' as string);
  return w.axe!;
}

/** Link a theme file into the page; resolves a function that removes it. */
async function linkTheme(name: string): Promise<() => void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(`../../src/themes/${name}.css`, import.meta.url).href;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = () => reject(new Error(`could not load ${link.href}`));
  });
  document.head.append(link);
  await loaded;
  return () => link.remove();
}

/** AAA text-contrast violations (axe `color-contrast-enhanced`) inside `el`. */
async function enhancedContrastViolations(el: Element): Promise<string[]> {
  const results = await (
    await axe()
  ).run(el, {
    runOnly: { type: 'rule', values: ['color-contrast-enhanced'] },
    resultTypes: ['violations'],
  });
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? v.id}`),
  );
}

function channels(color: string): [number, number, number] {
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(color);
  if (!m) throw new Error(`not an rgb() colour: ${color}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** WCAG 2 contrast ratio of two computed rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = channels(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour behind `node`: the first non-transparent background up the (flattened) tree. */
function backgroundOf(node: Element): string {
  let n: Element | null = node;
  while (n) {
    const bg = getComputedStyle(n).backgroundColor;
    if (!/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(bg)) return bg;
    n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null);
  }
  return 'rgb(255, 255, 255)';
}

/** Every visible element of `el`'s shadow root (and of the widgets nested in it) matching `sel`. */
function visible(el: Element, sel: string): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (root: ShadowRoot) => {
    for (const n of root.querySelectorAll<HTMLElement>(sel)) {
      if (n.getClientRects().length && getComputedStyle(n).visibility !== 'hidden') found.push(n);
    }
    for (const inner of root.querySelectorAll('*')) if (inner.shadowRoot) walk(inner.shadowRoot);
  };
  walk(el.shadowRoot!);
  return found;
}

const inScheme =
  (scheme: 'light' | 'dark') =>
  (t: TemplateResult): TemplateResult =>
    html`<div theme=${scheme}>${t}</div>`;

describe('themes/high-contrast.css', () => {
  let unlink: () => void;
  before(async () => {
    unlink = await linkTheme('high-contrast');
  });
  after(() => unlink());

  for (const c of CASES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`<${c.tag}> (${scheme}): all text at 7:1 or more, inputs with 2px borders at 3:1`, async () => {
        const el: PepElement = await c.render(inScheme(scheme));
        await c.showPrimary?.(el);
        expect(getComputedStyle(el).colorScheme).to.equal(scheme);
        expect(await enhancedContrastViolations(el)).to.deep.equal([]);
        for (const input of visible(
          el,
          'input:not([type=radio]):not([type=checkbox]):not([type=file])',
        )) {
          const s = getComputedStyle(input);
          expect(s.borderTopWidth, `${c.tag} input border`).to.equal('2px');
          expect(
            contrast(s.borderTopColor, backgroundOf(input.parentElement!)),
            `${c.tag} input border contrast`,
          ).to.be.at.least(3);
        }
      });
    }
  }

  it('is what makes the difference: without it some text is under 7:1', async () => {
    unlink();
    try {
      let below = 0;
      for (const c of CASES) {
        const el = await c.render(inScheme('light'));
        below += (await enhancedContrastViolations(el)).length;
      }
      expect(below).to.be.above(0);
    } finally {
      unlink = await linkTheme('high-contrast');
    }
  });

  it("leaves the host's own --pep-* values in charge", async () => {
    const c = CASES.find((x) => x.tag === 'pep-login')!;
    const el = await c.render(
      (t) => html`<div style="--pep-color-primary: rgb(0, 90, 60)">${t}</div>`,
    );
    const button = el.shadowRoot!.querySelector<HTMLElement>('[part~="submit-button"]')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(0, 90, 60)');
    // …while the theme's other values apply.
    expect(getComputedStyle(el).color).to.equal('rgb(0, 0, 0)');
  });
});

describe('themes/compact.css', () => {
  let unlink: () => void;
  before(async () => {
    unlink = await linkTheme('compact');
  });
  after(() => unlink());

  for (const c of CASES) {
    it(`<${c.tag}>: 36px controls, no button or field under 24px, fits 320px`, async () => {
      const el = await c.render((t) => html`<div style="width: 320px">${t}</div>`);
      await c.showPrimary?.(el);
      for (const control of visible(el, 'input[part~="input"], button.primary')) {
        // A native date-time field may draw itself a few pixels taller (39px in WebKit); it
        // must still be denser than the default 44px.
        const h = control.getBoundingClientRect().height;
        if (control.getAttribute('type') === 'datetime-local') {
          expect(h, `${c.tag} date-time field`).to.be.within(36, 43);
        } else expect(h, `${c.tag} control`).to.equal(36);
      }
      // Buttons and fields (links inside sentences fall under WCAG 2.5.8's inline exception).
      for (const target of visible(el, 'button, input, select, textarea')) {
        const r = target.getBoundingClientRect();
        const name = `${c.tag} ${target.localName}[part="${target.getAttribute('part')}"]`;
        expect(Math.min(r.height, r.width), name).to.be.at.least(24);
      }
      expect(el.scrollWidth, `${c.tag} overflows 320px`).to.be.at.most(320);
    });
  }
});
