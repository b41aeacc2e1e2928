/**
 * What an app written in strict TypeScript does with pep-auth-elements, type-checked against the
 * built package by `npm run test:types` (`tsc --strict --noEmit`). Every `@ts-expect-error`
 * line proves a type is precise rather than `any`: if it stopped being an error, tsc would fail.
 */
import {
  AdapterError,
  MemoryAdapter,
  PepLogin,
  RETRYABLE_CODES,
  seedDemo,
  validateUsername,
  evaluatePassword,
  maskEmail,
  defaultTypingMatcher,
  loginEn,
  type AuthAdapter,
  type AdapterErrorCode,
  type PepEventMap,
  type Session,
} from 'pep-auth-elements';
// One element, defined on import (side effect); its tag and events join the global maps.
import 'pep-auth-elements/elements/login/pep-login.js';
import 'pep-auth-elements/elements/auth-provider/pep-auth-provider.js';
import { PepMyDelegates } from 'pep-auth-elements/elements/my-delegates/pep-my-delegates.js';
import { createChaosAdapter } from 'pep-auth-elements/adapters/chaos.js';

// The adapter contract: the in-memory reference implements it, and so may your HTTP client.
const memory = new MemoryAdapter();
const adapter: AuthAdapter = createChaosAdapter(memory, { seed: 1, failureRate: 0 });
await seedDemo(memory);
await memory.admin.createDelegate({
  producer: 'demoproducer',
  username: 'dana0001',
  email: 'dana.lee@example.com',
  firstName: 'Dana',
  lastName: 'Lee',
  mobile: '(312) 555-0101',
  states: ['IL'],
  password: 'Blue-Sky-Walk-42',
});

// Tags are typed: createElement and querySelector return the element classes.
const provider = document.createElement('pep-auth-provider');
provider.adapter = adapter;
const login = document.createElement('pep-login');
const sameClass: PepLogin = login;
login.forgotPasswordHref = '#/forgot-password';
login.messages = { 'login.title': 'Sign in to the portal' };
provider.append(sameClass);
document.body.append(provider);
document.querySelector('pep-login')?.reset();
const delegates: PepMyDelegates | null = document.querySelector('pep-my-delegates');
void delegates;

// Every tag of the package is in HTMLElementTagNameMap (through the root module's types).
const tags = [
  'pep-add-delegate',
  'pep-auth-provider',
  'pep-create-password',
  'pep-forgot-password',
  'pep-forgot-username',
  'pep-login',
  'pep-my-delegates',
  'pep-portal-home',
  'pep-report-issue',
  'pep-typing-pattern',
  'pep-verify-account',
  'pep-verify-email',
] as const satisfies readonly (keyof HTMLElementTagNameMap)[];
const elements: HTMLElement[] = tags.map((tag) => document.createElement(tag));
void elements;

// Events are typed on addEventListener by name, detail included.
login.addEventListener('pep-authenticated', (event) => {
  const session: Session = event.detail.session;
  const username: string = session.user.username;
  // @ts-expect-error the detail has no `token`
  void event.detail.token;
  console.log(`signed in as ${username} until ${new Date(session.expiresAt).toISOString()}`);
});
login.addEventListener('pep-forgot-password', (event) => {
  event.preventDefault(); // cancelable: route inside the app instead of following the link
  const username: string = event.detail.username;
  void username;
});
login.addEventListener('pep-step-change', (event) => {
  const step: string = event.detail.step;
  void step;
});
// (Typed on elements, HTMLElementEventMap; events bubble and are composed, so any ancestor works.)
document.body.addEventListener('pep-delegate-added', (event) => {
  const email: string = event.detail.delegate.email;
  void email;
});
const detail: PepEventMap['pep-authenticated'] = { session: await memory.admin.signIn('dana0001') };
void detail;

// @ts-expect-error not a property of <pep-login>
login.colour = 'red';
// @ts-expect-error the adapter property takes an AuthAdapter, not a URL
login.adapter = 'https://auth.example.com';

// Errors carry a typed code and typed data.
try {
  await adapter.login({ username: 'dana0001', password: 'wrong password' });
} catch (e) {
  if (e instanceof AdapterError) {
    const code: AdapterErrorCode = e.code;
    if (e.code === 'ACCOUNT_LOCKED') {
      const locked = e as AdapterError<'ACCOUNT_LOCKED'>;
      const unlocksAt: number = locked.data.unlocksAt;
      void unlocksAt;
    }
    const retryable: boolean = RETRYABLE_CODES.has(code);
    void retryable;
  }
}

// Core rules are exported for hosts that validate on their side too.
const reason: string | null = validateUsername('ab');
const rules = evaluatePassword('Blue-Sky-Walk-42', { username: 'dana0001' });
const masked: string = maskEmail('dana.lee@example.com');
const title: string = loginEn['login.title'];
void [reason, rules, masked, title, defaultTypingMatcher];

export {};
