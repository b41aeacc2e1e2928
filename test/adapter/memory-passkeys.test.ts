import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { SoftAuthenticator } from '../support/soft-authenticator.js';

const PRODUCER = {
  username: 'producer01',
  email: 'pat@example.com',
  firstName: 'Pat',
  lastName: 'Morgan',
  mobile: '(312) 555-0100',
  states: ['IL' as const],
  password: 'Blue-Sky-42!x',
  producerId: 'P-1',
};

describe('MemoryAdapter passkeys in the browser (no server)', () => {
  // First: each test file runs in a page of its own, where nothing has loaded the library yet
  // (the test authenticator imports only its CBOR helpers, another module).
  it('loads the WebAuthn library only when a passkey operation runs', async () => {
    const loaded = () =>
      performance
        .getEntriesByType('resource')
        .some((e) => e.name.includes('@simplewebauthn/server/esm/index.js'));
    // The default buffer (250 entries) is full of this page's own modules by now.
    performance.setResourceTimingBufferSize(100_000);
    const adapter = new MemoryAdapter({ pbkdf2Iterations: 1000 });
    await adapter.admin.createProducer(PRODUCER);
    await adapter.admin.signIn(PRODUCER.username);
    await adapter.getSession();
    expect(loaded(), 'not before').to.equal(false);
    await adapter.startPasskeySignIn();
    expect(loaded(), 'loaded by the first passkey operation').to.equal(true);
  });

  it('are on by default for the page: create, sign out, sign in with the passkey alone', async () => {
    const adapter = new MemoryAdapter({ pbkdf2Iterations: 1000 });
    await adapter.admin.createProducer(PRODUCER);
    await adapter.admin.signIn(PRODUCER.username);
    const authenticator = new SoftAuthenticator({ origin: location.origin });
    const registration = await adapter.startPasskeyRegistration();
    expect(registration.options.rp.id).to.equal(location.hostname);
    expect(registration.options.rp.name).to.equal('Producer Experience Portal');
    const passkey = await adapter.finishPasskeyRegistration({
      ceremonyId: registration.ceremonyId,
      response: await authenticator.create(registration.options),
      name: 'This browser',
    });
    expect((await adapter.listPasskeys()).map((p) => p.id)).to.deep.equal([passkey.id]);
    await adapter.logout();
    expect(await adapter.getSession()).to.equal(null);
    const challenge = await adapter.startPasskeySignIn();
    const login = await adapter.finishPasskeySignIn({
      ceremonyId: challenge.ceremonyId,
      response: await authenticator.get(challenge.options),
    });
    expect(login.session.user.username).to.equal(PRODUCER.username);
    expect(login.deviceToken).to.equal(undefined);
    expect((await adapter.getSession())?.user.username).to.equal(PRODUCER.username);
  });

  it('refuses a response made for another origin', async () => {
    const adapter = new MemoryAdapter({ pbkdf2Iterations: 1000 });
    await adapter.admin.createProducer(PRODUCER);
    await adapter.admin.signIn(PRODUCER.username);
    const authenticator = new SoftAuthenticator({ origin: 'https://evil.example' });
    const registration = await adapter.startPasskeyRegistration();
    const error = await adapter
      .finishPasskeyRegistration({
        ceremonyId: registration.ceremonyId,
        response: await authenticator.create(registration.options),
        name: 'Evil',
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).to.include({ code: 'PASSKEY_REJECTED' });
    expect(await adapter.listPasskeys()).to.deep.equal([]);
  });

  it('is off when the host says so: every passkey operation answers NOT_FOUND', async () => {
    const adapter = new MemoryAdapter({ pbkdf2Iterations: 1000, webauthn: false });
    await adapter.admin.createProducer(PRODUCER);
    await adapter.admin.signIn(PRODUCER.username);
    const calls: [string, () => Promise<unknown>][] = [
      ['startPasskeyRegistration', () => adapter.startPasskeyRegistration()],
      [
        'finishPasskeyRegistration',
        () =>
          adapter.finishPasskeyRegistration({
            ceremonyId: 'c',
            name: 'n',
            response: {} as never,
          }),
      ],
      ['listPasskeys', () => adapter.listPasskeys()],
      ['renamePasskey', () => adapter.renamePasskey({ passkeyId: 'p', name: 'n' })],
      ['deletePasskey', () => adapter.deletePasskey({ passkeyId: 'p' })],
      ['startPasskeySignIn', () => adapter.startPasskeySignIn()],
      [
        'finishPasskeySignIn',
        () => adapter.finishPasskeySignIn({ ceremonyId: 'c', response: {} as never }),
      ],
    ];
    for (const [name, call] of calls) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).to.include({ code: 'NOT_FOUND' });
    }
    expect((await adapter.getSession())?.user.username).to.equal(PRODUCER.username);
  });
});
