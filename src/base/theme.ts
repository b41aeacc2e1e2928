import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { follow, inherited, unfollow } from './follow.js';

type Theme = 'light' | 'dark';

/**
 * The `theme` (`dark` or `light`) set on the nearest ancestor of `node` — crossing shadow roots
 * to their hosts, so a widget nested inside another widget follows it — or `undefined`.
 */
function inheritedTheme(node: Node): Theme | undefined {
  return inherited(
    node.parentNode ?? (node instanceof ShadowRoot ? node.host : null),
    'theme',
    (v) => v === 'dark' || v === 'light',
  ) as Theme | undefined;
}

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
    follow(this, this.#host);
    this.refresh();
  }

  hostDisconnected(): void {
    unfollow(this);
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
