/**
 * A client of the reference server as one browser tab sees it: its own cookies (the CSRF cookie,
 * a session) and the CSRF token the server last sent. Shared by the HTTP benchmarks.
 */
export class TabClient {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  /** `base`: what paths are appended to (no trailing slash). */
  constructor(readonly base: string) {}

  /** One request with this tab's cookies; keeps the cookies and CSRF token it answers with. */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(`${this.base}${path}`, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    const token = res.headers.get('x-csrf-token');
    if (token) this.csrf = token;
    return res;
  }

  /** Get a CSRF token (and its cookie) from `path`. */
  async init(path: string): Promise<void> {
    await (await this.request(path)).arrayBuffer();
  }

  /** POST a JSON text with the CSRF token, from the server's own origin. */
  postJson(path: string, payload: string, signal?: AbortSignal): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': this.csrf,
        origin: new URL(this.base).origin,
      },
      body: payload,
      ...(signal ? { signal } : {}),
    });
  }
}
