// A stand-in for the Hanko API (https://docs.hanko.io/api-reference/flow), just enough for
// <hanko-auth> (@teamhanko/hanko-elements 2.x) to render its first screen, the login form:
//
//   POST /login                                          → state "preflight"
//   POST /login?action=register_client_capabilities@…    → state "login_init"
//                                                           (one input: the login identifier)
//
// Anything else answers 404 and is logged, so a newer hanko-elements that asks for more shows
// up in `requests`. The API runs on its own origin, as Hanko Cloud does, so the browser sends
// CORS preflights (OPTIONS), answered here with the headers the real API sends. Loopback only;
// responses are small JSON, not compressed.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const flowResponse = (name, actions, payload = null) => ({
  name,
  status: 200,
  payload,
  actions,
  csrf_token: randomUUID(),
});

const preflight = (flowId) =>
  flowResponse('preflight', {
    register_client_capabilities: {
      action: 'register_client_capabilities',
      href: `/login?action=register_client_capabilities@${flowId}`,
      inputs: {
        webauthn_available: {
          name: 'webauthn_available',
          type: 'boolean',
          required: true,
          hidden: true,
        },
        webauthn_conditional_mediation_available: {
          name: 'webauthn_conditional_mediation_available',
          type: 'boolean',
          hidden: true,
        },
        webauthn_platform_authenticator_available: {
          name: 'webauthn_platform_authenticator_available',
          type: 'boolean',
          hidden: true,
        },
      },
      description: 'Send the computers capabilities.',
    },
  });

// Email-or-username login with passwords, as a Hanko project with passkeys off would answer.
const loginInit = (flowId) =>
  flowResponse('login_init', {
    continue_with_login_identifier: {
      action: 'continue_with_login_identifier',
      href: `/login?action=continue_with_login_identifier@${flowId}`,
      inputs: {
        identifier: { name: 'identifier', type: 'string', required: true, max_length: 255 },
      },
      description: 'Enter an identifier to login.',
    },
  });

/** Start the stub on 127.0.0.1 (random port). CORS: the calling page's origin is allowed. */
export async function startHankoStub() {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://stub');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader(
      'Access-Control-Expose-Headers',
      'X-Auth-Token, X-Session-Lifetime, X-Session-Retention',
    );
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        req.headers['access-control-request-headers'] ?? '',
      );
      res.writeHead(204).end();
      return;
    }
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const action = url.searchParams.get('action') ?? '';
      let answer = null;
      if (req.method === 'POST' && url.pathname === '/login') {
        if (!action) answer = preflight(randomUUID());
        else if (action.startsWith('register_client_capabilities@'))
          answer = loginInit(action.split('@')[1]);
      }
      if (!answer) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ code: 404, message: 'Not Found' }));
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
