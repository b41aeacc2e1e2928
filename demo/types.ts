import type { TemplateResult } from 'lit';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';

/** What every demo route receives. */
export interface DemoContext {
  /** The one reference in-memory adapter of the demo (persisted to localStorage). */
  adapter: MemoryAdapter;
  /** Go to a hash route, e.g. `navigate('#/delegate/login')`. */
  navigate(hash: string): void;
  /** The query parameters of the current hash route (`#/delegate/verify-email?token=…`). */
  params: URLSearchParams;
}

/** A page of the demo host portal. */
export interface DemoRoute {
  /** Hash path without query, e.g. `#/delegate/login`. */
  path: string;
  /** Shown in the document title and the navigation. */
  title: string;
  /** Which navigation group it belongs to. Routes with `nav: false` are not listed. */
  nav: 'producer' | 'delegate' | false;
  render(ctx: DemoContext): TemplateResult;
}
