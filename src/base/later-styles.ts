import {
  adoptStyles,
  supportsAdoptingStyleSheets,
  type CSSResult,
  type ReactiveElement,
} from 'lit';

/** For each later chunk's styles, the shadow roots that have them. */
const added = new WeakMap<CSSResult, WeakSet<Node>>();

/**
 * Add the `styles` a later chunk brings (those of the steps it renders) to `el`'s shadow root,
 * after what the root has, once per root: call it before the chunk's first render. Where sheets
 * cannot be adopted, `adoptStyles` appends a `<style>` element instead.
 */
export function addLaterStyles(el: ReactiveElement, styles: CSSResult): void {
  const root = el.renderRoot as ShadowRoot;
  let roots = added.get(styles);
  if (!roots) added.set(styles, (roots = new WeakSet()));
  if (roots.has(root)) return;
  roots.add(root);
  adoptStyles(root, supportsAdoptingStyleSheets ? [...root.adoptedStyleSheets, styles] : [styles]);
}
