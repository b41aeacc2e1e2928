/**
 * What `lang` and `theme` follow: one MutationObserver for every widget, watching those two
 * attributes in the document and in each shadow root that contains a widget (nested widgets),
 * and the walk up the tree that finds the value that applies to an element.
 */

/** A controller that re-reads its host's inherited `lang` / `theme` when one changes. */
export interface Follower {
  refresh(): void;
}

const followers = new Set<Follower>();
let observer: MutationObserver | undefined;
const OBSERVE: MutationObserverInit = {
  attributes: true,
  attributeFilter: ['lang', 'theme'],
  subtree: true,
};

/** Start calling `follower.refresh()` on every `lang` / `theme` change that may concern `host`. */
export function follow(follower: Follower, host: Element): void {
  followers.add(follower);
  observer ??= new MutationObserver(() => {
    for (const f of followers) f.refresh();
  });
  observer.observe(document.documentElement, OBSERVE);
  let root = host.getRootNode();
  while (root instanceof ShadowRoot) {
    observer.observe(root, OBSERVE);
    root = root.host.getRootNode();
  }
}

export function unfollow(follower: Follower): void {
  followers.delete(follower);
}

/**
 * The first non-empty value of attribute `name` on `node` or its ancestors — crossing shadow
 * roots to their hosts — that `accept` takes, or `undefined`.
 */
export function inherited(
  node: Node | null,
  name: string,
  accept: (value: string) => boolean = Boolean,
): string | undefined {
  for (let n = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    const value = n instanceof Element ? n.getAttribute(name)?.trim() : undefined;
    if (value && accept(value)) return value;
  }
  return undefined;
}
