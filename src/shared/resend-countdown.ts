import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Ticks once a second until a "may resend at" time has passed, re-rendering its host, so the
 * host can show a live countdown ("You can resend in 0:42") and enable its Resend button when
 * it reaches zero. The countdown text itself should NOT be in a live region (it would be read
 * every second); announce only the moment it becomes available.
 */
export class ResendCountdown implements ReactiveController {
  #host: ReactiveControllerHost;
  #now: () => number;
  #until = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, now: () => number = () => Date.now()) {
    this.#host = host;
    this.#now = now;
    host.addController(this);
  }

  /** Start (or restart) counting down to `epochMs`. */
  set until(epochMs: number) {
    this.#until = epochMs;
    this.#stop();
    if (this.remainingMs > 0) this.#timer = setInterval(() => this.#tick(), 1000);
    this.#host.requestUpdate();
  }

  get until(): number {
    return this.#until;
  }

  get remainingMs(): number {
    return Math.max(0, this.#until - this.#now());
  }

  /** True when the throttle has passed. */
  get ready(): boolean {
    return this.remainingMs === 0;
  }

  /** Remaining time as `m:ss` (rounded up to the next second). */
  get label(): string {
    const s = Math.ceil(this.remainingMs / 1000);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }

  #tick(): void {
    if (this.remainingMs === 0) this.#stop();
    this.#host.requestUpdate();
  }

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  hostConnected(): void {
    if (this.remainingMs > 0 && this.#timer === undefined)
      this.#timer = setInterval(() => this.#tick(), 1000);
  }

  hostDisconnected(): void {
    this.#stop();
  }
}
