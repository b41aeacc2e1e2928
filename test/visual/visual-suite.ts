/**
 * Visual regression of a CSF story module (run by `npm run test:visual`, see
 * web-test-runner.visual.config.mjs): each story is run once per language (the catalogue loaded
 * first, `<html lang>` set) and screenshotted at 375 and 1280 px, light and dark (VARIANTS),
 * against test/visual/baselines/<module>/<Story>.<lang>.<width>.<scheme>.png; then, at 320 px,
 * the page must not scroll horizontally and no element of the widget may stick out of the box
 * that holds it.
 */
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { loadLocale } from '../../src/base/localize.js';
import { runStory, storiesOf } from '../support/story-runner.js';
import { startClock } from './fixed-clock.js';
import { seedRandom } from './fixed-random.js';

/**
 * Four screenshots per story, not all eight combinations (eight made 55 MB of baselines and took
 * over 5.5 minutes): each language at both widths and in both schemes, and every width with every
 * scheme and every language once (a 2×2×2 half fraction, every pair of values covered).
 */
const VARIANTS = {
  en: [
    { width: 375, height: 812, scheme: 'light' },
    { width: 1280, height: 900, scheme: 'dark' },
  ],
  es: [
    { width: 375, height: 812, scheme: 'dark' },
    { width: 1280, height: 900, scheme: 'light' },
  ],
} as const;
type Language = keyof typeof VARIANTS;
const LANGUAGES = Object.keys(VARIANTS) as Language[];
const NARROW = 320;
const UPDATE_HINT = 'intended? npm run test:visual -- --update-visual-baseline';

/** No motion, no blinking caret; the page follows the colour scheme like a dark-mode host page. */
const STILL = `*, *::before, *::after, ::backdrop {
  animation: none !important;
  transition: none !important;
  caret-color: transparent !important;
}`;
const still = new CSSStyleSheet();
still.replaceSync(STILL);
const page = document.createElement('style');
page.textContent = `:root { color-scheme: light dark; background: Canvas; color: CanvasText; }
${STILL}`;
document.head.append(page);

/** Every element of the composed tree under `root` (shadow roots included), root first. */
function* composed(root: Element): Generator<Element> {
  yield root;
  if (root.shadowRoot) for (const child of root.shadowRoot.children) yield* composed(child);
  for (const child of root.children) yield* composed(child);
}

/** Stop animations, transitions and the caret inside every shadow root too. */
function freeze(container: Element): void {
  for (const el of composed(container)) {
    const root = el.shadowRoot;
    if (root && !root.adoptedStyleSheets.includes(still)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, still];
    }
  }
}

/** Tags, attributes, form values and text of the composed tree: equal when nothing changed. */
function fingerprint(container: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (!(node instanceof Element)) return;
    parts.push(`<${node.localName}`);
    for (const a of node.attributes) parts.push(` ${a.name}=${a.value}`);
    if (node instanceof HTMLInputElement) parts.push(` ~${node.value}~${node.checked}`);
    if (node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement) {
      parts.push(` ~${node.value}`);
    }
    parts.push('>');
    if (node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
    node.childNodes.forEach(walk);
  };
  walk(container);
  return parts.join('');
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 20));
const frames = () =>
  new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

/** Pending Lit updates of every element in the tree. */
async function updates(container: Element): Promise<void> {
  for (const el of composed(container)) {
    const pending = (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
    if (pending) await pending;
  }
}

/**
 * Wait until the story's widgets stop changing (five quiet checks in a row, 100 ms), at most 5 s;
 * throws when they keep changing (a real-time clock in a story makes screenshots flaky).
 */
async function settle(container: Element, story: string): Promise<void> {
  let last = '';
  let quiet = 0;
  for (let i = 0; i < 250 && quiet < 5; i++) {
    await updates(container);
    await nextTask();
    const now = fingerprint(container);
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
  if (quiet < 5) throw new Error(`${story}: still changing after 5 s (a real-time clock?)`);
  await document.fonts.ready;
}

/**
 * Compare `element`'s screenshot with the baseline `name` (the plugin's `visual-diff` command,
 * called as its own browser module does: that module's types do not resolve under `bundler`).
 */
async function visualDiff(element: Element, name: string): Promise<void> {
  const registry = ((
    window as { __WTR_VISUAL_REGRESSION__?: Record<string, Element> }
  ).__WTR_VISUAL_REGRESSION__ ??= {});
  const id = String(Object.keys(registry).length + 1);
  registry[id] = element;
  try {
    const result = await executeServerCommand<
      { passed: boolean; errorMessage?: string },
      { id: string; name: string }
    >('visual-diff', { id, name });
    if (!result?.passed) throw new Error(result?.errorMessage ?? 'visual diff failed');
  } finally {
    delete registry[id];
  }
}

/** Rendered boxes (non-empty, not `display: contents`) of the composed tree. */
function boxes(container: Element): { el: Element; rect: DOMRect }[] {
  const out: { el: Element; rect: DOMRect }[] = [];
  for (const el of composed(container)) {
    if (el === container) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) out.push({ el, rect });
  }
  return out;
}

const REPLACED = /^(input|button|select|textarea|img|svg|canvas|video|progress|meter|hr|iframe)$/;

/** Whether `el` paints a box of its own (background, border, shadow, or a replaced element). */
function paints(el: Element, style: CSSStyleDeclaration): boolean {
  if (REPLACED.test(el.localName)) return true;
  if (style.backgroundImage !== 'none' || style.boxShadow !== 'none') return true;
  if (!/rgba\(.*, 0\)|transparent/.test(style.backgroundColor)) return true;
  return ['Top', 'Right', 'Bottom', 'Left'].some(
    (side) =>
      parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 &&
      style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none',
  );
}

/** What the story drew: boxes that paint something and the text, not the empty block rows. */
function drawn(container: Element): DOMRect[] {
  const rects: DOMRect[] = [];
  const range = document.createRange();
  for (const { el, rect } of boxes(container)) {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    if (paints(el, style)) rects.push(rect);
    const root = el.shadowRoot;
    for (const node of [...el.childNodes, ...(root ? root.childNodes : [])]) {
      if (node.nodeType !== Node.TEXT_NODE || !node.nodeValue?.trim()) continue;
      range.selectNodeContents(node);
      const text = range.getBoundingClientRect();
      if (text.width > 0 && text.height > 0) rects.push(text);
    }
  }
  return rects;
}

/**
 * A transparent box over what the story drew (its widgets, open dialogs, and a margin for their
 * shadows), so the screenshot is clipped to the content rather than the whole 1280 px row.
 */
function clipBox(container: Element): HTMLElement {
  const margin = 8;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const rect of drawn(container)) {
    left = Math.min(left, rect.left);
    top = Math.min(top, rect.top);
    right = Math.max(right, rect.right);
    bottom = Math.max(bottom, rect.bottom);
  }
  if (left === Infinity) throw new Error('the story drew nothing');
  const docWidth = document.documentElement.clientWidth;
  const x = Math.max(0, Math.floor(left + scrollX - margin));
  const y = Math.max(0, Math.floor(top + scrollY - margin));
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  Object.assign(box.style, {
    position: 'absolute',
    left: `${x}px`,
    top: `${y}px`,
    width: `${Math.min(docWidth, Math.ceil(right + scrollX + margin)) - x}px`,
    height: `${Math.ceil(bottom + scrollY + margin) - y}px`,
    pointerEvents: 'none',
    background: 'transparent',
  });
  document.body.append(box);
  return box;
}

/** A short CSS path of `el` through shadow roots: `pep-login > .card > p.mask`. */
function pathOf(el: Element, container: Element): string {
  const names: string[] = [];
  for (let e: Element | null = el; e && e !== container; ) {
    const cls = [...e.classList].slice(0, 2).map((c) => `.${c}`);
    const part = e.getAttribute('part');
    names.unshift(
      `${e.localName}${e.id ? `#${e.id}` : ''}${cls.join('')}${part ? `[part=${part}]` : ''}`,
    );
    e =
      e.parentElement ?? ((e.parentNode as ShadowRoot | null)?.host as Element | undefined) ?? null;
  }
  return names.join(' > ');
}

/** The nearest composed ancestor with a box of its own (slots are `display: contents`). */
function holder(el: Element, container: Element): Element | null {
  let e: Element | null = el;
  while (e && e !== container) {
    e = e.assignedSlot ?? e.parentElement ?? (e.parentNode as ShadowRoot | null)?.host ?? null;
    if (e && e.getBoundingClientRect().width > 0) return e;
  }
  return null;
}

/** Horizontal overflow at the current width: the page scrolls, or a box sticks out of its holder. */
function overflows(container: Element, width: number): string[] {
  const found: string[] = [];
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > width) found.push(`the page is ${pageWidth} px wide`);
  for (const { el, rect } of boxes(container)) {
    if (rect.width <= 1) continue; // visually hidden text
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const fixed = style.position === 'fixed' || style.position === 'absolute';
    const outer = fixed ? null : holder(el, container);
    const bounds = outer ? outer.getBoundingClientRect() : { left: 0, right: width };
    if (rect.right > bounds.right + 1 || rect.left < bounds.left - 1) {
      found.push(
        `${pathOf(el, container)} (${Math.round(rect.left)}–${Math.round(rect.right)} px) ` +
          `sticks out of ${outer ? pathOf(outer, container) : 'the viewport'} ` +
          `(${Math.round(bounds.left)}–${Math.round(bounds.right)} px)`,
      );
    }
    if (
      /auto|scroll/.test(style.overflowX) &&
      !(el instanceof HTMLTextAreaElement) &&
      el.scrollWidth > el.clientWidth + 1
    ) {
      found.push(`${pathOf(el, container)} scrolls horizontally (${el.scrollWidth} px)`);
    }
  }
  return found;
}

type Module = Record<string, unknown> & { default: unknown };

/**
 * One test per story and language: its two screenshots (VARIANTS) compared with the baselines,
 * then the 320 px overflow check. All failures of a story are reported together.
 */
export function visualSuite(name: string, module: Module): void {
  describe(`${name} (visual)`, () => {
    after(async () => {
      await emulateMedia({ colorScheme: 'light' });
      document.documentElement.lang = '';
    });

    for (const [story, definition] of storiesOf(module)) {
      for (const lang of LANGUAGES) {
        it(`${story} (${lang})`, async () => {
          const failures: string[] = [];
          await loadLocale(lang);
          document.documentElement.lang = lang;
          await emulateMedia({ colorScheme: 'light' });
          await setViewport(VARIANTS[lang][0]);
          startClock();
          seedRandom();
          const container = await runStory(module.default as never, definition);
          try {
            await settle(container, story);
            for (const { width, height, scheme } of VARIANTS[lang]) {
              await setViewport({ width, height });
              await emulateMedia({ colorScheme: scheme });
              freeze(container);
              await updates(container);
              scrollTo(0, 0);
              await frames();
              const box = clipBox(container);
              const shot = `${name}/${story}.${lang}.${width}.${scheme}`;
              try {
                await visualDiff(box, shot);
              } catch (e) {
                failures.push(`${shot}: ${(e as Error).message} (${UPDATE_HINT})`);
              } finally {
                box.remove();
              }
            }
            await emulateMedia({ colorScheme: 'light' });
            await setViewport({ width: NARROW, height: 640 });
            await frames();
            for (const o of new Set(overflows(container, NARROW))) {
              failures.push(`${name}/${story} (${lang}) scrolls at ${NARROW} px: ${o}`);
            }
          } finally {
            container.remove();
          }
          if (failures.length > 0) throw new Error(failures.join('\n'));
        });
      }
    }
  });
}
