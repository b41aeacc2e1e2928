/**
 * Brute force against the reference adapter on a fake clock: password lockout, one-time code
 * limits, email link limits, and an attacker who guesses codes across resends and fresh flows.
 */
import { expect } from '@open-wc/testing';
import { AdapterError } from '../../src/adapter/errors.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import { latestCode, latestLinkToken } from '../../src/adapter/memory/outbox.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import type { Channel, PendingLogin } from '../../src/adapter/types.js';
import { DAY, MINUTE, SECOND } from '../../src/core/clock.js';
import { generateOtp, OTP_ALPHABET } from '../../src/core/otp.js';
import {
  activeDelegate,
  delegateInput,
  failsWith,
  makeAdapter,
  PASSWORD,
} from '../support/hardening.js';
import type { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';

const wrong = (i: number) => `Wrong-Guess-${i}!`;

/** Log in with the right password; for a first login, enroll the pattern so codes can be sent. */
async function pendingWithCodes(adapter: MemoryAdapter, username: string): Promise<PendingLogin> {
  const r = await adapter.login({ username, password: PASSWORD });
  if (r.status !== 'verification-required') throw new Error('expected verification');
  if (!r.pending.mustEnrollPattern) return r.pending;
  return adapter.enrollTypingPattern({
    pendingId: r.pending.pendingId,
    samples: typingSamplesFor(r.pending.sampleText).enroll,
  });
}

/** A code of the right shape that is not `code`. */
function otherCode(code: string): string {
  const i = OTP_ALPHABET.indexOf(code[0]!);
  return OTP_ALPHABET[(i + 1) % OTP_ALPHABET.length]! + code.slice(1);
}

describe('hardening / brute force', () => {
  describe('passwords', () => {
    it('the 5th consecutive failure locks; even the right password is refused while locked', async () => {
      const { adapter, clock } = makeAdapter();
      const { username } = await activeDelegate(adapter);
      for (let i = 1; i <= 4; i++) {
        await failsWith(adapter.login({ username, password: wrong(i) }), 'INVALID_CREDENTIALS');
      }
      const lock = await failsWith(
        adapter.login({ username, password: wrong(5) }),
        'ACCOUNT_LOCKED',
      );
      expect(lock.data.unlocksAt).to.equal(clock.now() + 30 * MINUTE);
      const again = await failsWith(
        adapter.login({ username, password: PASSWORD }),
        'ACCOUNT_LOCKED',
      );
      // Retrying does not extend the lock.
      expect(again.data.unlocksAt).to.equal(lock.data.unlocksAt);
    });

    it('unlocks at exactly 30 minutes: 29:59.999 still locked, 30:00 open', async () => {
      const { adapter, clock } = makeAdapter();
      const { username } = await activeDelegate(adapter);
      for (let i = 1; i <= 5; i++) {
        await adapter.login({ username, password: wrong(i) }).catch(() => undefined);
      }
      clock.advance(29 * MINUTE + 59 * SECOND);
      await failsWith(adapter.login({ username, password: PASSWORD }), 'ACCOUNT_LOCKED');
      clock.advance(999);
      await failsWith(adapter.login({ username, password: PASSWORD }), 'ACCOUNT_LOCKED');
      clock.advance(1);
      const r = await adapter.login({ username, password: PASSWORD });
      expect(r.status).to.equal('verification-required');
    });

    it('a success resets the counter: 4 wrong, right, 4 wrong is not locked', async () => {
      const { adapter } = makeAdapter();
      const { username } = await activeDelegate(adapter);
      for (let i = 1; i <= 4; i++) {
        await failsWith(adapter.login({ username, password: wrong(i) }), 'INVALID_CREDENTIALS');
      }
      await adapter.login({ username, password: PASSWORD });
      for (let i = 1; i <= 4; i++) {
        await failsWith(adapter.login({ username, password: wrong(i) }), 'INVALID_CREDENTIALS');
      }
      await adapter.login({ username, password: PASSWORD });
      // And from zero again: the next 5th failure locks.
      for (let i = 1; i <= 4; i++) {
        await failsWith(adapter.login({ username, password: wrong(i) }), 'INVALID_CREDENTIALS');
      }
      await failsWith(adapter.login({ username, password: wrong(5) }), 'ACCOUNT_LOCKED');
    });

    it('case and surrounding spaces in the username do not give an attacker fresh counters', async () => {
      const { adapter } = makeAdapter();
      const { username } = await activeDelegate(adapter);
      const variants = [username, username.toUpperCase(), ` ${username}`, `${username} `];
      for (let i = 0; i < 4; i++) {
        await failsWith(
          adapter.login({ username: variants[i]!, password: wrong(i) }),
          'INVALID_CREDENTIALS',
        );
      }
      await failsWith(
        adapter.login({ username: username.toUpperCase(), password: wrong(9) }),
        'ACCOUNT_LOCKED',
      );
      await failsWith(adapter.login({ username, password: PASSWORD }), 'ACCOUNT_LOCKED');
    });
  });

  describe('one-time codes', () => {
    for (const path of ['password flow', 'login verification'] as const) {
      it(`${path}: 5 wrong guesses void the code; the 6th guess fails even when right`, async () => {
        const { adapter } = makeAdapter();
        const { username, email } = await activeDelegate(adapter);
        let verify: (code: string) => Promise<unknown>;
        if (path === 'password flow') {
          const flow = await adapter.findAccount({ username, purpose: 'reset' });
          await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
          verify = (code) => adapter.verifyCode({ flowId: flow.flowId, code });
        } else {
          const p = await pendingWithCodes(adapter, username);
          await adapter.sendVerificationCode({ pendingId: p.pendingId, channel: 'email' });
          verify = (code) =>
            adapter.verifyAccountCode({ pendingId: p.pendingId, code, rememberDevice: false });
        }
        const code = latestCode(adapter, 'email', email);
        const left: number[] = [];
        for (let i = 0; i < 4; i++) {
          left.push((await failsWith(verify(otherCode(code)), 'CODE_INVALID')).data.attemptsLeft);
        }
        expect(left).to.deep.equal([4, 3, 2, 1]);
        await failsWith(verify(otherCode(code)), 'CODE_ATTEMPTS_EXCEEDED');
        await failsWith(verify(code), 'CODE_ATTEMPTS_EXCEEDED');
        await failsWith(verify(code.toLowerCase()), 'CODE_ATTEMPTS_EXCEEDED');
      });
    }

    it('a code works until 9:59.999 and is dead at exactly 10 minutes', async () => {
      const { adapter, clock } = makeAdapter();
      const { username, email } = await activeDelegate(adapter);
      const early = await adapter.findAccount({ username, purpose: 'reset' });
      await adapter.sendCode({ flowId: early.flowId, channel: 'sms' });
      const smsCode = latestCode(adapter, 'sms');
      const late = await adapter.findAccount({ username, purpose: 'reset' });
      await adapter.sendCode({ flowId: late.flowId, channel: 'email' });
      const emailCode = latestCode(adapter, 'email', email);
      clock.advance(10 * MINUTE - 1);
      await adapter.verifyCode({ flowId: early.flowId, code: smsCode });
      clock.advance(1);
      await failsWith(adapter.verifyCode({ flowId: late.flowId, code: emailCode }), 'CODE_EXPIRED');
    });

    it('a code works once: the same right code a second time is refused', async () => {
      const { adapter } = makeAdapter();
      const { username, email } = await activeDelegate(adapter);
      const flow = await adapter.findAccount({ username, purpose: 'reset' });
      await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
      const code = latestCode(adapter, 'email', email);
      await adapter.verifyCode({ flowId: flow.flowId, code });
      await failsWith(adapter.verifyCode({ flowId: flow.flowId, code }), 'CODE_EXPIRED');
      // Login codes too: the pending login is consumed with it.
      const p = await pendingWithCodes(adapter, username);
      await adapter.sendVerificationCode({ pendingId: p.pendingId, channel: 'sms' });
      const sms = latestCode(adapter, 'sms');
      await adapter.verifyAccountCode({ pendingId: p.pendingId, code: sms, rememberDevice: false });
      const reuse = adapter.verifyAccountCode({
        pendingId: p.pendingId,
        code: sms,
        rememberDevice: false,
      });
      const err = await reuse.then(
        () => null,
        (e: AdapterError) => e.code,
      );
      expect(['CODE_EXPIRED', 'FLOW_EXPIRED']).to.include(err);
    });

    it('a resend replaces the code: the previous one is dead', async () => {
      const { adapter, clock } = makeAdapter();
      const { username, email } = await activeDelegate(adapter);
      const flow = await adapter.findAccount({ username, purpose: 'reset' });
      await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
      const first = latestCode(adapter, 'email', email);
      clock.advance(30 * SECOND);
      await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
      const second = latestCode(adapter, 'email', email);
      expect(second).to.not.equal(first);
      await failsWith(adapter.verifyCode({ flowId: flow.flowId, code: first }), 'CODE_INVALID');
      await adapter.verifyCode({ flowId: flow.flowId, code: second });
    });

    it('1 000 random guesses across resends and fresh flows never succeed; ≤ 25 reach a live code per 30 minutes', async () => {
      const { adapter, clock } = makeAdapter();
      const { username } = await activeDelegate(adapter);
      const channels: Channel[] = ['email', 'sms'];
      let flowId = '';
      let sends = 0;
      let throttled = 0;
      let reachedVerification = 0; // guesses checked against a live code (CODE_INVALID answers)
      const answers = new Map<string, number>();
      for (let i = 0; i < 1000; i++) {
        if (i % 5 === 0) {
          // Every 5 guesses the attacker starts a fresh flow and asks for a new code.
          flowId = (await adapter.findAccount({ username, purpose: 'reset' })).flowId;
          try {
            await adapter.sendCode({ flowId, channel: channels[(i / 5) % 2]! });
            sends += 1;
          } catch (e) {
            expect((e as AdapterError).code).to.equal('RATE_LIMITED');
            throttled += 1;
          }
        }
        const code = await adapter.verifyCode({ flowId, code: generateOtp() }).then(
          () => 'SUCCESS',
          (e: AdapterError) => e.code,
        );
        answers.set(code, (answers.get(code) ?? 0) + 1);
        if (code === 'CODE_INVALID' || code === 'CODE_ATTEMPTS_EXCEEDED') {
          // CODE_ATTEMPTS_EXCEEDED on the 5th wrong guess also means it was checked.
          reachedVerification += 1;
        }
        clock.advance(3 * SECOND); // 1 000 guesses in 50 minutes
      }
      expect(answers.get('SUCCESS') ?? 0).to.equal(0);
      // 5 sends per rolling 30 minutes for one account and purpose, whatever the flow or
      // channel: 5 in the first minute, 5 more once the first ones are 30 minutes old…
      expect(sends).to.equal(10);
      expect(throttled).to.equal(190);
      // …and 5 checked guesses per code: 50 of 1 000 guesses in 50 minutes met a live code.
      expect(reachedVerification).to.equal(50);
      expect(answers.get('CODE_EXPIRED')).to.equal(950);
    });
  });

  describe('email links', () => {
    it('a link works once: the second use is refused', async () => {
      const { adapter } = makeAdapter();
      await seedDemo(adapter);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      const input = delegateInput();
      await adapter.addDelegate(input);
      const token = latestLinkToken(adapter, input.email);
      expect(await adapter.confirmEmail({ token })).to.deep.equal({ username: input.username });
      await failsWith(adapter.confirmEmail({ token }), 'LINK_USED');
    });

    it('a link works until 7 days minus 1 ms and is refused at 7 days; a resend voids the old one', async () => {
      const { adapter, clock } = makeAdapter();
      await seedDemo(adapter);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      const a = delegateInput();
      const b = delegateInput();
      const da = await adapter.addDelegate(a);
      await adapter.addDelegate(b);
      const tokenA = latestLinkToken(adapter, a.email);
      const tokenB = latestLinkToken(adapter, b.email);
      clock.advance(7 * DAY - 1);
      await adapter.confirmEmail({ token: tokenA });
      clock.advance(1);
      await failsWith(adapter.confirmEmail({ token: tokenB }), 'LINK_EXPIRED');
      // A resent invitation gets a fresh link; the first one stays dead.
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      const list = await adapter.listDelegates();
      const delegateB = list.find((d) => d.username === b.username)!;
      expect(delegateB.id).to.not.equal(da.id);
      await adapter.resendInvitation({ delegateId: delegateB.id });
      const fresh = latestLinkToken(adapter, b.email);
      expect(fresh).to.not.equal(tokenB);
      await failsWith(adapter.confirmEmail({ token: tokenB }), 'LINK_EXPIRED');
      await adapter.confirmEmail({ token: fresh });
    });

    it('forged and tampered tokens are refused', async () => {
      const { adapter } = makeAdapter();
      await seedDemo(adapter);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      const input = delegateInput();
      await adapter.addDelegate(input);
      const token = latestLinkToken(adapter, input.email);
      const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
      for (const forged of [flipped, token.slice(0, -1), `${token}x`, '', 'null', '../' + token]) {
        await failsWith(adapter.confirmEmail({ token: forged }), 'LINK_INVALID');
      }
      await adapter.confirmEmail({ token });
    });
  });
});
