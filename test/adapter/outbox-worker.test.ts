/**
 * The outbox worker (outbox-worker.ts) over a MemoryStore with a ManualClock: queued messages
 * are sealed, sent once, decoys dropped unsent, failures retried with back-off and given up
 * after 8 attempts, and nothing secret is ever logged.
 */
import { expect } from '@open-wc/testing';
import { MemoryStore } from '../../src/adapter/engine/memory-store.js';
import type { OutgoingMessage } from '../../src/adapter/engine/messages.js';
import {
  OUTBOX_RETRY_CAP,
  OutboxWorker,
  enqueueMessage,
  outboxAad,
  outboxRetryDelay,
  queuedSize,
  type OutboxWorkerOptions,
  type QueuedMessage,
} from '../../src/adapter/engine/outbox-worker.js';
import { Keyring } from '../../src/adapter/engine/sealing.js';
import type { SecurityEvent } from '../../src/adapter/engine/security.js';
import { MINUTE, ManualClock, SECOND } from '../../src/core/clock.js';

const CODE = 'K7MP2QXR';
const EMAIL: OutgoingMessage = {
  channel: 'email',
  to: 'jane.doe@example.com',
  subject: 'Your one-time passcode',
  text: `Your one-time passcode is ${CODE}. It expires in 10 minutes.`,
};
const SMS: OutgoingMessage = {
  channel: 'sms',
  to: '+13125550101',
  text: `Producer Experience Portal: your one-time passcode is ${CODE}.`,
};

const message = (m: OutgoingMessage): QueuedMessage => ({ kind: 'message', message: m });

/** Resolves when `condition` holds (polled on real timers; the worker's own timers are real). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

async function world(over: Partial<OutboxWorkerOptions> = {}) {
  const clock = new ManualClock();
  const store = new MemoryStore();
  const sealer = await Keyring.fromSpecs([Keyring.newKeySpec('k1')]);
  const sent: OutgoingMessage[] = [];
  const lines: string[] = [];
  const events: SecurityEvent[] = [];
  let claims = 0;
  const claim = store.outbox.claim;
  (store.outbox as { claim: typeof claim }).claim = (...args) => {
    claims += 1;
    return claim(...args);
  };
  const options: OutboxWorkerOptions = {
    store,
    sealer,
    clock,
    sender: { send: async (m) => void sent.push(m) },
    log: (line) => lines.push(line),
    securityLog: (event) => events.push(event),
    ...over,
  };
  const worker = new OutboxWorker(options);
  const enqueue = (queued: QueuedMessage) => enqueueMessage(store, sealer, clock, queued);
  return {
    clock,
    store,
    sealer,
    sent,
    lines,
    events,
    worker,
    enqueue,
    claims: () => claims,
    options,
  };
}

/** Nothing secret in a log line or event: no code, no body, no full address or number. */
function expectNoSecrets(text: string): void {
  for (const secret of [CODE, EMAIL.to, 'jane.doe', SMS.to, '3125550101', EMAIL.text, SMS.text]) {
    expect(text).not.to.contain(secret);
  }
}

describe('adapter/engine/outbox-worker', () => {
  it('enqueueMessage seals the message for its item; drain sends it once and deletes it', async () => {
    const w = await world();
    await w.enqueue(message(EMAIL));
    const [item] = w.store.state.outbox;
    expect(item).to.include({ attempts: 0, createdAt: w.clock.now(), availableAt: w.clock.now() });
    expect(item!.id).to.match(/^[A-Za-z0-9_-]{20,}$/);
    expect(JSON.stringify(item)).not.to.contain(CODE);
    expect(JSON.stringify(item)).not.to.contain('jane');
    expect(await w.sealer.open(item!.payload, outboxAad(item!.id))).to.deep.equal(message(EMAIL));
    await w.sealer.open(item!.payload, outboxAad('another-item')).then(
      () => expect.fail('opened for another item'),
      () => undefined,
    );

    expect(await w.worker.drain()).to.equal(1);
    expect(w.sent).to.deep.equal([EMAIL]);
    expect(await w.store.outbox.count()).to.equal(0);
    expect(await w.worker.drain()).to.equal(0);
    expect(w.sent).to.have.length(1);
    expect(w.lines).to.deep.equal([]);
  });

  it('sends everything due, oldest first, batch after batch; not what is due later', async () => {
    const w = await world({ batch: 3 });
    for (let i = 0; i < 8; i += 1) {
      await w.enqueue(message({ ...SMS, text: `message ${i}` }));
      w.clock.advance(1);
    }
    await w.store.outbox.reschedule(w.store.state.outbox[7]!.id, w.clock.now() + MINUTE);
    expect(await w.worker.drain()).to.equal(7);
    expect(w.sent.map((m) => m.text)).to.deep.equal(
      Array.from({ length: 7 }, (_, i) => `message ${i}`),
    );
    expect(await w.store.outbox.count()).to.equal(1);
    w.clock.advance(MINUTE);
    expect(await w.worker.drain()).to.equal(1);
    expect(w.sent.at(-1)?.text).to.equal('message 7');
  });

  it('drops a decoy unsent and silently; a decoy is stored padded to the size of a message', async () => {
    const w = await world();
    await w.enqueue(message(EMAIL));
    await w.enqueue({ kind: 'decoy', size: queuedSize(EMAIL) });
    const [real, decoy] = w.store.state.outbox;
    const ratio = decoy!.payload.ct.length / real!.payload.ct.length;
    expect(ratio).to.be.within(0.95, 1.1);
    expect(await w.worker.drain()).to.equal(1);
    expect(w.sent).to.deep.equal([EMAIL]);
    expect(await w.store.outbox.count()).to.equal(0);
    expect(w.lines).to.deep.equal([]);
    expect(w.events).to.deep.equal([]);
  });

  it('retries a failed send after 1 s, 2 s, 4 s … and gives up after 8 attempts, logging no secret', async () => {
    const attempts: number[] = [];
    const w = await world({
      sender: {
        send: async () => {
          attempts.push(w.clock.now());
          throw Object.assign(
            new Error(`550 mailbox ${EMAIL.to} unavailable; message was: ${EMAIL.text}`),
            { code: 'EENVELOPE' },
          );
        },
      },
    });
    const start = w.clock.now();
    await w.enqueue(message(EMAIL));
    const delays = [1, 2, 4, 8, 16, 32, 64].map((s) => s * SECOND);
    expect(await w.worker.drain()).to.equal(0);
    for (const delay of delays) {
      w.clock.advance(delay - 1);
      expect(await w.worker.drain()).to.equal(0);
      expect(attempts.length, 'not before its time').to.equal(delays.indexOf(delay) + 1);
      w.clock.advance(1);
      await w.worker.drain();
    }
    expect(attempts.map((t) => t - start)).to.deep.equal([
      0, 1000, 3000, 7000, 15000, 31000, 63000, 127000,
    ]);
    expect(await w.store.outbox.count(), 'given up: deleted').to.equal(0);
    expect(w.lines).to.have.length(8);
    expect(w.lines.slice(0, 7).every((l) => /failed \(EENVELOPE\), attempt \d of 8/.test(l))).to.be
      .true;
    expect(w.lines[0]).to.contain('retry in 1 s');
    expect(w.lines[6]).to.contain('retry in 64 s');
    expect(w.lines[7]).to.match(/gave up on email to j•••@e•••\.com after 8 attempts/);
    for (const line of w.lines) expectNoSecrets(line);
    expect(w.events).to.deep.equal([
      {
        type: 'code.send-failed',
        at: w.clock.now(),
        actor: 'system',
        method: 'email',
        destination: 'j•••@e•••.com',
        reason: 'relay-failed',
      },
    ]);
    expectNoSecrets(JSON.stringify(w.events));
    w.clock.advance(OUTBOX_RETRY_CAP);
    expect(await w.worker.drain()).to.equal(0);
    expect(attempts).to.have.length(8);
  });

  it('back-off doubles from 1 s and is capped at 15 minutes', () => {
    expect([1, 2, 3, 4, 10, 11, 12, 30].map(outboxRetryDelay)).to.deep.equal([
      1000,
      2000,
      4000,
      8000,
      512_000,
      OUTBOX_RETRY_CAP,
      OUTBOX_RETRY_CAP,
      OUTBOX_RETRY_CAP,
    ]);
    expect(OUTBOX_RETRY_CAP).to.equal(15 * MINUTE);
  });

  it('a failure that recovers is sent once; other messages are not held up', async () => {
    let failures = 2;
    const sent: OutgoingMessage[] = [];
    const w = await world({
      sender: {
        send: async (m) => {
          if (m.channel === 'sms' && failures > 0) {
            failures -= 1;
            throw new Error('gateway down');
          }
          sent.push(m);
        },
      },
    });
    await w.enqueue(message(SMS));
    await w.enqueue(message(EMAIL));
    expect(await w.worker.drain()).to.equal(1);
    expect(sent).to.deep.equal([EMAIL]);
    expect(w.lines[0]).to.match(/^outbox: sms to •••-•••-0101 failed \(Error\), attempt 1 of 8/);
    w.clock.advance(SECOND);
    expect(await w.worker.drain()).to.equal(0);
    w.clock.advance(2 * SECOND);
    expect(await w.worker.drain()).to.equal(1);
    expect(sent).to.deep.equal([EMAIL, SMS]);
    expect(await w.store.outbox.count()).to.equal(0);
    expect(w.events).to.deep.equal([]);
    for (const line of w.lines) expectNoSecrets(line);
  });

  it('maxAttempts is configurable', async () => {
    const w = await world({
      maxAttempts: 2,
      sender: {
        send: async () => {
          throw new Error('down');
        },
      },
    });
    await w.enqueue(message(SMS));
    await w.worker.drain();
    w.clock.advance(SECOND);
    await w.worker.drain();
    expect(await w.store.outbox.count()).to.equal(0);
    expect(w.lines.at(-1)).to.match(/gave up on sms to •••-•••-0101 after 2 attempts/);
    expect(w.events.map((e) => e.destination)).to.deep.equal(['•••-•••-0101']);
  });

  it('a damaged item (its key is held, it does not open) is logged and deleted at once, never sent', async () => {
    const w = await world();
    const sameKid = await Keyring.fromSpecs([Keyring.newKeySpec('k1')]);
    await enqueueMessage(w.store, sameKid, w.clock, message(EMAIL));
    await w.enqueue(message(SMS));
    expect(w.store.state.outbox[0]!.payload.kid).to.equal('k1');
    expect(await w.worker.drain()).to.equal(1);
    expect(w.sent).to.deep.equal([SMS]);
    expect(await w.store.outbox.count()).to.equal(0);
    expect(w.lines).to.have.length(1);
    expect(w.lines[0]).to.match(/does not open \(damaged\); dropped/);
    expectNoSecrets(w.lines[0]!);
    expect(w.events).to.deep.equal([]);
  });

  it('an item sealed with an unknown key id waits with back-off for an instance that holds it', async () => {
    const w = await world();
    const newKey = Keyring.newKeySpec('k2');
    // Another instance already seals with k2 (rolling key change); this worker holds only k1.
    const other = await Keyring.fromSpecs([newKey]);
    await enqueueMessage(w.store, other, w.clock, message(EMAIL));
    expect(await w.worker.drain()).to.equal(0);
    expect(w.sent).to.deep.equal([]);
    expect(await w.store.outbox.count(), 'kept').to.equal(1);
    expect(w.store.state.outbox[0]).to.include({
      attempts: 1,
      availableAt: w.clock.now() + SECOND,
    });
    expect(w.lines).to.deep.equal([
      `outbox: item ${w.store.state.outbox[0]!.id} is sealed with unknown key "k2", attempt 1 of 8; retry in 1 s`,
    ]);
    w.clock.advance(SECOND - 1);
    expect(await w.worker.drain(), 'not before its time').to.equal(0);
    expect(w.store.state.outbox[0]!.attempts).to.equal(1);
    w.clock.advance(1);
    expect(await w.worker.drain()).to.equal(0);
    expect(w.store.state.outbox[0]).to.include({
      attempts: 2,
      availableAt: w.clock.now() + 2 * SECOND,
    });

    // The instance restarts with both keys (k1 current, k2 after it): the message goes out.
    const both = new OutboxWorker({
      ...w.options,
      sealer: await Keyring.fromSpecs([Keyring.newKeySpec('k1'), newKey]),
    });
    w.clock.advance(2 * SECOND);
    expect(await both.drain()).to.equal(1);
    expect(w.sent).to.deep.equal([EMAIL]);
    expect(await w.store.outbox.count()).to.equal(0);
    expect(w.events).to.deep.equal([]);
    for (const line of w.lines) expectNoSecrets(line);
  });

  it('an item whose key never comes back is given up after 8 attempts, logged like a failed send', async () => {
    const w = await world();
    const other = await Keyring.fromSpecs([Keyring.newKeySpec('gone')]);
    await enqueueMessage(w.store, other, w.clock, message(SMS));
    await w.enqueue(message(EMAIL));
    expect(await w.worker.drain()).to.equal(1);
    for (const delay of [1, 2, 4, 8, 16, 32, 64].map((s) => s * SECOND)) {
      expect(await w.store.outbox.count()).to.equal(1);
      w.clock.advance(delay);
      expect(await w.worker.drain()).to.equal(0);
    }
    expect(await w.store.outbox.count(), 'given up: deleted').to.equal(0);
    expect(w.sent).to.deep.equal([EMAIL]);
    expect(w.lines).to.have.length(8);
    expect(w.lines.slice(0, 7).every((l) => /unknown key "gone", attempt \d of 8/.test(l))).to.be
      .true;
    expect(w.lines[7]).to.match(
      /gave up on item \S+ after 8 attempts \(sealed with unknown key "gone"\)/,
    );
    expect(w.events).to.deep.equal([
      { type: 'code.send-failed', at: w.clock.now(), actor: 'system', reason: 'unknown-key' },
    ]);
    for (const line of w.lines) expectNoSecrets(line);
  });

  it('an item claimed more often than allowed (workers stopped mid-send) is given up unsent', async () => {
    const w = await world({ maxAttempts: 3, leaseMs: 10 * SECOND });
    await w.enqueue(message(SMS));
    for (let i = 0; i < 3; i += 1) {
      await w.store.outbox.claim(w.clock.now(), 10, 10 * SECOND);
      w.clock.advance(10 * SECOND);
    }
    expect(await w.worker.drain()).to.equal(0);
    expect(w.sent).to.deep.equal([]);
    expect(await w.store.outbox.count()).to.equal(0);
    expect(w.events.map((e) => e.type)).to.deep.equal(['code.send-failed']);
  });

  it('concurrent drains (one worker or two) never send a message twice, nor overlap', async () => {
    const w = await world();
    let inFlight = 0;
    let maxInFlight = 0;
    const delivered: string[] = [];
    const slow = {
      send: async (m: OutgoingMessage) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        delivered.push(m.text);
        inFlight -= 1;
      },
    };
    const one = new OutboxWorker({ ...w.options, sender: slow });
    for (let i = 0; i < 12; i += 1) await w.enqueue(message({ ...SMS, text: `m${i}` }));
    const counts = await Promise.all([one.drain(), one.drain(), one.drain(), one.drain()]);
    expect(maxInFlight, 'one worker sends one at a time').to.equal(1);
    expect(delivered).to.have.length(12);
    expect(new Set(delivered).size).to.equal(12);
    expect(counts[0]).to.equal(12);

    delivered.length = 0;
    const two = new OutboxWorker({ ...w.options, sender: slow });
    for (let i = 0; i < 12; i += 1) await w.enqueue(message({ ...SMS, text: `n${i}` }));
    const both = await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);
    expect(delivered.sort()).to.deep.equal(Array.from({ length: 12 }, (_, i) => `n${i}`).sort());
    expect(both[0]! + both[1]!).to.be.at.most(12);
    expect(await w.store.outbox.count()).to.equal(0);
  });

  it('a drain asked for while one runs starts after it, shared by every such caller', async () => {
    const held = gate();
    let first = true;
    const w = await world({
      sender: {
        send: async (m) => {
          if (first) {
            first = false;
            await held.promise;
          }
          w.sent.push(m);
        },
      },
    });
    await w.enqueue(message(EMAIL));
    const running = w.worker.drain();
    await until(() => !first, 'the first send to start');
    await w.enqueue(message(SMS));
    const follow = w.worker.drain();
    const again = w.worker.drain();
    expect(again).to.equal(follow);
    const claimsBefore = w.claims();
    let runningDone = false;
    void running.then(() => (runningDone = true));
    const claimedWhileRunning: boolean[] = [];
    const claim = w.store.outbox.claim;
    (w.store.outbox as { claim: typeof claim }).claim = (...args) => {
      claimedWhileRunning.push(!runningDone);
      return claim(...args);
    };
    held.open();
    const [a, b] = [await running, await follow];
    expect(a + b, 'each message sent once in all').to.equal(2);
    expect(w.sent).to.deep.equal([EMAIL, SMS]);
    // The running drain claims until nothing is due (it finds the SMS too: 2 more claims), then
    // the follow-up drain runs once, only after it (1 claim).
    expect(w.claims() - claimsBefore).to.equal(3);
    expect(claimedWhileRunning).to.deep.equal([true, true, false]);
  });

  it('stop() waits for the drain in flight; kick() drains soon, coalesced', async () => {
    const held = gate();
    const w = await world({
      sender: {
        send: async (m) => {
          await held.promise;
          w.sent.push(m);
        },
      },
    });
    await w.enqueue(message(EMAIL));
    w.worker.kick();
    w.worker.kick();
    w.worker.kick();
    await until(() => w.claims() === 1, 'the kicked drain to claim');
    let stopped = false;
    const stopping = w.worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped, 'stop waits for the send').to.equal(false);
    held.open();
    await stopping;
    expect(w.sent).to.deep.equal([EMAIL]);
    expect(w.claims(), 'three kicks, one drain (one claim that sends, one empty)').to.equal(2);
    // After stop, kicks are ignored (a shutting-down server), drain() still works on demand.
    await w.enqueue(message(SMS));
    w.worker.kick();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(w.sent).to.have.length(1);
    expect(await w.worker.drain()).to.equal(1);
    expect(w.sent).to.deep.equal([EMAIL, SMS]);
  });

  it('start(pollMs) sends what is enqueued without a kick, until stopped', async () => {
    const w = await world();
    w.worker.start(5);
    await w.enqueue(message(EMAIL));
    await until(() => w.sent.length === 1, 'the poll to send');
    await w.worker.stop();
    const claims = w.claims();
    await w.enqueue(message(SMS));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(w.claims(), 'no polling after stop').to.equal(claims);
    expect(w.sent).to.deep.equal([EMAIL]);
  });
});
