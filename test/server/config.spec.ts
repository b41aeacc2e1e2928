/** Configuration from environment variables: safe defaults, validation, every problem at once. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ConfigError, confirmLinkUrl, loadConfig } from '../../server/config.js';

/** A valid 32-byte base64url key (all zero bytes: a test value, never a real key). */
const KEY = Buffer.alloc(32).toString('base64url');
/** The least a production configuration needs: an SMTP relay and a sealing key. */
const SMTP = {
  SMTP_HOST: 'smtp.example.com',
  SMTP_FROM: 'no-reply@portal.example',
  TYPING_KEYS: `k1:${KEY}`,
};

test('defaults: loopback, port 8787, production scrypt, data/pep-auth.sqlite, not demo', () => {
  const c = loadConfig({ ...SMTP });
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.port, 8787);
  assert.deepEqual(c.scrypt, { N: 131072, r: 8, p: 1 });
  assert.equal(c.databasePath, resolve('data/pep-auth.sqlite'));
  assert.equal(c.demo, false);
  assert.equal(c.publicUrl, null);
  assert.equal(c.trustProxy, false);
  assert.deepEqual(c.allowedOrigins, []);
  assert.equal(c.rateLimits, true, 'rate limits on');
  assert.equal(c.scryptMaxQueue, 16);
  assert.equal(c.idleTimeoutMinutes, 30);
  assert.equal(c.helpDesk, true);
  assert.deepEqual(c.typingKeys, [{ kid: 'k1', key: KEY }]);
});

test('TYPING_KEYS: required outside demo mode, validated without echoing a key', () => {
  const { TYPING_KEYS: _unused, ...noKeys } = SMTP;
  assert.throws(() => loadConfig(noKeys), /TYPING_KEYS is required/);
  assert.equal(loadConfig({ DEMO: '1' }).typingKeys, null, 'demo mode generates one');
  const other = Buffer.alloc(32, 7).toString('base64url');
  assert.deepEqual(loadConfig({ ...SMTP, TYPING_KEYS: ` new:${other} , old:${KEY}` }).typingKeys, [
    { kid: 'new', key: other },
    { kid: 'old', key: KEY },
  ]);
  const bad = (value: string, message: RegExp) => {
    try {
      loadConfig({ ...SMTP, TYPING_KEYS: value });
      assert.fail(`expected a ConfigError for ${value}`);
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      const text = err.problems.join('\n');
      assert.match(text, message);
      assert.ok(!text.includes(KEY.slice(0, 20)), 'the key is never echoed');
    }
  };
  bad(KEY, /kid:key pairs/);
  bad(`k1:${KEY.slice(0, 30)}`, /key "k1" must be 32 bytes/);
  bad(`k1:${KEY},k1:${KEY}`, /"k1" appears twice/);
  bad(`bad kid:${KEY}`, /must be 1-32 of/);
  bad(`k1:${KEY}==`, /key "k1" must be 32 bytes/);
});

test('rate limits, hashing queue, idle timeout and help desk are configurable and validated', () => {
  const c = loadConfig({
    ...SMTP,
    RATE_LIMITS: 'off',
    SCRYPT_MAX_QUEUE: '4',
    IDLE_TIMEOUT_MINUTES: '10',
    HELP_DESK: '0',
    ACTIVITY_RETENTION_DAYS: '90',
  });
  assert.equal(c.activityRetentionDays, 90);
  assert.equal(loadConfig({ ...SMTP }).activityRetentionDays, 365, 'one year by default');
  assert.throws(
    () => loadConfig({ ...SMTP, ACTIVITY_RETENTION_DAYS: '0' }),
    /ACTIVITY_RETENTION_DAYS/,
  );
  assert.equal(c.rateLimits, false);
  assert.equal(c.scryptMaxQueue, 4);
  assert.equal(c.idleTimeoutMinutes, 10);
  assert.equal(c.helpDesk, false);
  assert.throws(() => loadConfig({ ...SMTP, RATE_LIMITS: 'sometimes' }), /RATE_LIMITS must be/);
  assert.throws(() => loadConfig({ ...SMTP, SCRYPT_MAX_QUEUE: '-1' }), /SCRYPT_MAX_QUEUE must be/);
  assert.throws(() => loadConfig({ ...SMTP, IDLE_TIMEOUT_MINUTES: '0' }), /IDLE_TIMEOUT_MINUTES/);
  assert.throws(() => loadConfig({ ...SMTP, IDLE_TIMEOUT_MINUTES: '481' }), /IDLE_TIMEOUT_MINUTES/);
});

test('SMTP: STARTTLS required for a remote relay, implicit TLS on 465, certificates checked', () => {
  const c = loadConfig({ ...SMTP, SMTP_USER: 'mailer', SMTP_PASS: 's3cret' });
  assert.deepEqual(c.smtp, {
    host: 'smtp.example.com',
    port: 587,
    secure: false,
    requireTls: true,
    rejectUnauthorized: true,
    user: 'mailer',
    pass: 's3cret',
    from: 'no-reply@portal.example',
    timeoutMs: 10_000,
  });
  const smtps = loadConfig({ ...SMTP, SMTP_PORT: '465' });
  assert.equal(smtps.smtp!.secure, true);
  const local = loadConfig({ ...SMTP, SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525' });
  assert.equal(local.smtp!.requireTls, false, 'a relay on this machine may be plain');
  const relaxed = loadConfig({
    ...SMTP,
    SMTP_REQUIRE_TLS: '0',
    SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
  });
  assert.equal(relaxed.smtp!.requireTls, false);
  assert.equal(relaxed.smtp!.rejectUnauthorized, false);
});

test('SMTP_HOST is required outside demo mode; demo mode uses the sink instead', () => {
  assert.throws(() => loadConfig({}), /SMTP_HOST is required/);
  const demo = loadConfig({ DEMO: '1' });
  assert.equal(demo.smtp, null);
  assert.equal(demo.demo, true);
});

test('every problem is reported at once', () => {
  try {
    loadConfig({
      PORT: 'eighty',
      SMTP_HOST: 'smtp.example.com',
      SMTP_USER: 'u',
      SCRYPT_N: '1000',
      PUBLIC_URL: 'ftp://x',
      DEMO: 'maybe',
      ALLOWED_ORIGINS: 'https://ok.example, https://bad.example/path',
    });
    assert.fail('expected a ConfigError');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    const text = err.problems.join('\n');
    for (const part of [
      'PORT must be an integer',
      'SMTP_PASS is required',
      'SMTP_FROM is required',
      'power of two',
      'PUBLIC_URL must be an http(s) URL',
      'DEMO must be 1/true or 0/false',
      'ALLOWED_ORIGINS entries must be origins',
    ]) {
      assert.ok(text.includes(part), `missing "${part}" in:\n${text}`);
    }
  }
});

test('scrypt cost is configurable (tests only) and validated', () => {
  const c = loadConfig({ DEMO: '1', SCRYPT_N: '1024', SCRYPT_R: '4', SCRYPT_P: '2' });
  assert.deepEqual(c.scrypt, { N: 1024, r: 4, p: 2 });
});

test('confirmation links: PUBLIC_URL, or the server’s own URL; token URL-encoded', () => {
  const own = () => 'http://localhost:43210/';
  const fixed = loadConfig({ ...SMTP, PUBLIC_URL: 'https://portal.example/agents/' });
  assert.equal(
    confirmLinkUrl(fixed, own)('a+b/c'),
    'https://portal.example/agents/#/delegate/verify-email?token=a%2Bb%2Fc',
  );
  const demo = loadConfig({ DEMO: '1', CONFIRM_PATH: '/confirm' });
  assert.equal(confirmLinkUrl(demo, own)('t'), 'http://localhost:43210/confirm?token=t');
});

test('proxy and extra origins', () => {
  const c = loadConfig({
    ...SMTP,
    TRUST_PROXY: 'true',
    ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443',
  });
  assert.equal(c.trustProxy, true);
  assert.deepEqual(c.allowedOrigins, ['https://a.example', 'https://b.example:8443']);
});

test('demo mode stays on loopback unless explicitly allowed', () => {
  assert.throws(() => loadConfig({ DEMO: '1', HOST: '0.0.0.0' }), /binds loopback only/);
  assert.equal(loadConfig({ DEMO: '1', HOST: '::1' }).host, '::1');
  assert.equal(loadConfig({ DEMO: '1', HOST: '0.0.0.0', DEMO_ALLOW_REMOTE: '1' }).host, '0.0.0.0');
});

test('DATABASE_URL selects PostgreSQL; anything but a postgres URL is refused', () => {
  assert.equal(loadConfig({ ...SMTP }).databaseUrl, null);
  const url = 'postgresql://pep:secret@db.internal:5432/pep';
  assert.equal(loadConfig({ ...SMTP, DATABASE_URL: url }).databaseUrl, url);
  assert.throws(() => loadConfig({ ...SMTP, DATABASE_URL: 'mysql://x' }), /DATABASE_URL must be/);
});

test('passkeys: off in production unless WEBAUTHN_RP_ID is set; demo mode uses its own URL', () => {
  assert.equal(loadConfig({ ...SMTP }).webauthn, null, 'production default: off');
  assert.equal(loadConfig({ DEMO: '1' }).webauthn, 'own-url', 'demo default: on');
  assert.equal(loadConfig({ DEMO: '1', PASSKEYS: '0' }).webauthn, null, 'PASSKEYS=0');
  assert.deepEqual(
    loadConfig({
      ...SMTP,
      WEBAUTHN_RP_ID: 'Portal.Example.com',
      WEBAUTHN_ORIGINS: 'https://portal.example.com, https://www.portal.example.com',
    }).webauthn,
    {
      rpId: 'portal.example.com',
      rpName: 'Producer Experience Portal',
      origins: ['https://portal.example.com', 'https://www.portal.example.com'],
    },
  );
  assert.deepEqual(
    loadConfig({
      ...SMTP,
      WEBAUTHN_RP_ID: 'example.com',
      WEBAUTHN_RP_NAME: 'Acme Portal',
      PUBLIC_URL: 'https://portal.example.com/app',
    }).webauthn,
    { rpId: 'example.com', rpName: 'Acme Portal', origins: ['https://portal.example.com'] },
    'origins default to PUBLIC_URL; the RP ID may be a parent domain',
  );
  assert.deepEqual(
    loadConfig({
      DEMO: '1',
      WEBAUTHN_RP_ID: 'localhost',
      WEBAUTHN_ORIGINS: 'http://localhost:8080',
    }).webauthn,
    { rpId: 'localhost', rpName: 'Producer Experience Portal', origins: ['http://localhost:8080'] },
    'plain http only on localhost',
  );
});

test('passkeys: every WEBAUTHN_* problem is reported', () => {
  const problems = (env: Record<string, string>): string => {
    try {
      loadConfig({ ...SMTP, ...env });
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      return err.problems.join('\n');
    }
    assert.fail('expected a ConfigError');
  };
  assert.match(problems({ WEBAUTHN_RP_ID: 'portal.example.com' }), /WEBAUTHN_ORIGINS is required/);
  assert.match(
    problems({ WEBAUTHN_ORIGINS: 'https://portal.example.com' }),
    /WEBAUTHN_ORIGINS needs WEBAUTHN_RP_ID/,
  );
  assert.match(
    problems({ WEBAUTHN_RP_ID: 'https://portal.example.com', WEBAUTHN_ORIGINS: 'https://x.com' }),
    /WEBAUTHN_RP_ID must be a host name/,
  );
  assert.match(
    problems({
      WEBAUTHN_RP_ID: 'portal.example.com',
      WEBAUTHN_ORIGINS: 'http://portal.example.com',
    }),
    /must be https origins/,
  );
  assert.match(
    problems({ WEBAUTHN_RP_ID: 'portal.example.com', WEBAUTHN_ORIGINS: 'https://evil.example' }),
    /not on WEBAUTHN_RP_ID/,
  );
  assert.match(
    problems({
      WEBAUTHN_RP_ID: 'portal.example.com',
      WEBAUTHN_ORIGINS: 'https://portal.example.com/login',
    }),
    /must be https origins/,
  );
  assert.match(
    problems({
      WEBAUTHN_RP_ID: 'example.com',
      WEBAUTHN_ORIGINS: 'https://notexample.com',
    }),
    /not on WEBAUTHN_RP_ID/,
    'a suffix is not a subdomain',
  );
});
