import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Theme = 'light' | 'dark';

/**
 * The `theme` (`dark` or `light`) set on the nearest ancestor of `node` — crossing shadow roots
 * to their hosts, so a widget nested inside another widget follows it — or `undefined`.
 */
export function inheritedTheme(node: Node): Theme | undefined {
  let n: Node | null = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  while (n) {
    if (n instanceof Element) {
      const theme = n.getAttribute('theme');
      if (theme === 'dark' || theme === 'light') return theme;
    }
    n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return undefined;
}

const controllers = new Set<ThemeController>();
let observer: MutationObserver | undefined;
const OBSERVE: MutationObserverInit = {
  attributes: true,
  attributeFilter: ['theme'],
  subtree: true,
};

/**
 * Lets `theme="dark|light"` on an ancestor (a `<pep-auth-provider>`, a page container, or an
 * outer widget) apply to the widget: it mirrors the inherited value into `data-pep-theme` on the
 * host, which the `tokens` styles read alongside the host's own `theme` attribute (that one
 * wins). Follows changes through one shared MutationObserver.
 */
export class ThemeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    observer ??= new MutationObserver(() => {
      for (const c of controllers) c.refresh();
    });
    observer.observe(document.documentElement, OBSERVE);
    let root = this.#host.getRootNode();
    while (root instanceof ShadowRoot) {
      observer.observe(root, OBSERVE);
      root = root.host.getRootNode();
    }
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  refresh(): void {
    const theme = inheritedTheme(this.#host);
    if (theme) {
      if (this.#host.getAttribute('data-pep-theme') !== theme)
        this.#host.setAttribute('data-pep-theme', theme);
    } else if (this.#host.hasAttribute('data-pep-theme')) {
      this.#host.removeAttribute('data-pep-theme');
    }
  }
}
