/**
 * Delivery: nodemailer over SMTP into the loopback sink (text body, subject and recipients as
 * sent), the MIME reader, the SMS senders (the default logs a masked number and never the
 * text), and the channel router.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SmtpSink } from '../../server/mail/smtp-sink.js';
import {
  ChannelSender,
  LogSmsSender,
  RecordingSmsSender,
  SmtpEmailSender,
} from '../../server/mail/senders.js';
import { decodeEncodedWords, parseMail } from '../../server/mail/mime.js';

const quiet = { info: () => undefined, warn: () => undefined };

describe('SMTP sender into the loopback sink', () => {
  let sink: SmtpSink;
  let sender: SmtpEmailSender;

  before(async () => {
    sink = new SmtpSink();
    const port = await sink.start();
    sender = new SmtpEmailSender(
      {
        host: '127.0.0.1',
        port,
        secure: false,
        requireTls: false,
        rejectUnauthorized: true,
        from: '"Producer Experience Portal" <no-reply@portal.example>',
        timeoutMs: 5000,
      },
      quiet,
    );
  });
  after(async () => {
    sender.close();
    await sink.close();
  });

  test('the sink binds loopback only', () => {
    assert.equal(sink.host, '127.0.0.1');
    assert.ok(sink.port > 0);
  });

  test('a message arrives with its subject, recipient and exact text', async () => {
    const text = [
      'Confirm Your Email Address: http://localhost:8787/#/delegate/verify-email?token=' +
        'a'.repeat(43),
      '',
      'Hello Dana,',
      '    ABCD2345',
      'A long line ' + 'word '.repeat(40).trim() + ' — ünïcode ✓',
    ].join('\n');
    await sender.sendEmail('dana.lee@example.com', 'Confirm Your Email Address', text);
    const m = await sink.waitFor((x) => x.to === 'dana.lee@example.com');
    assert.equal(m.channel, 'email');
    assert.equal(m.subject, 'Confirm Your Email Address');
    assert.equal(m.from, 'no-reply@portal.example');
    assert.deepEqual(m.recipients, ['dana.lee@example.com']);
    assert.equal(m.text, text);
  });

  test('non-ASCII subjects survive encoded words', async () => {
    await sender.sendEmail('sam@example.com', 'Código de verificación ✓', 'x');
    const m = await sink.waitFor((x) => x.to === 'sam@example.com');
    assert.equal(m.subject, 'Código de verificación ✓');
  });

  test('waitFor times out when nothing matches; clear forgets messages', async () => {
    await assert.rejects(
      sink.waitFor((x) => x.to === 'nobody@example.com', 50),
      /no matching/,
    );
    assert.ok(sink.messages().length > 0);
    sink.clear();
    assert.equal(sink.messages().length, 0);
  });

  test('the channel router sends email through SMTP and SMS to the SMS sender', async () => {
    const sms = new RecordingSmsSender(quiet);
    const router = new ChannelSender(sender, sms);
    await router.send({ channel: 'email', to: 'lee@example.com', subject: 'S', text: 'T' });
    await router.send({ channel: 'sms', to: '+13125550101', text: 'code ABCD2345' });
    const mail = await sink.waitFor((x) => x.to === 'lee@example.com');
    assert.equal(mail.text, 'T');
    assert.deepEqual(
      sms.messages().map((m) => [m.channel, m.to, m.text]),
      [['sms', '+13125550101', 'code ABCD2345']],
    );
  });
});

test('an unreachable SMTP relay rejects the send (no silent loss)', async () => {
  const sender = new SmtpEmailSender(
    {
      host: '127.0.0.1',
      port: 1,
      secure: false,
      requireTls: false,
      rejectUnauthorized: true,
      from: 'x@example.com',
      timeoutMs: 2000,
    },
    quiet,
  );
  await assert.rejects(sender.sendEmail('a@example.com', 's', 't'));
  sender.close();
});

test('the log SMS sender logs a masked number and never the text', async () => {
  const lines: string[] = [];
  const sms = new LogSmsSender({ info: (l) => lines.push(l), warn: (l) => lines.push(l) });
  await sms.sendSms(
    '+13125550101',
    'Producer Experience Portal: your one-time passcode is ABCD2345.',
  );
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /•••-•••-0101/);
  assert.doesNotMatch(lines[0]!, /ABCD2345|5550101|passcode/);
});

describe('MIME reader', () => {
  test('quoted-printable body with soft line breaks and UTF-8', () => {
    const raw = Buffer.from(
      [
        'From: A <a@x.example>',
        'To: b@x.example, "C" <c@x.example>',
        'Subject: =?UTF-8?Q?Caf=C3=A9?= =?UTF-8?Q?_ok?=',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'caf=C3=A9 long=',
        ' line',
        '',
      ].join('\r\n'),
    );
    const m = parseMail(raw);
    assert.equal(m.subject, 'Café ok');
    assert.equal(m.from, 'a@x.example');
    assert.deepEqual(m.to, ['b@x.example', 'c@x.example']);
    assert.equal(m.text, 'café long line');
  });

  test('multipart/alternative: the text/plain part, base64-decoded', () => {
    const body = Buffer.from('Your code is ABCD2345\r\n').toString('base64');
    const raw = Buffer.from(
      [
        'Subject: =?utf-8?B?' + Buffer.from('Código').toString('base64') + '?=',
        'Content-Type: multipart/alternative; boundary="b1"',
        '',
        'preamble',
        '--b1',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>html</p>',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        body,
        '--b1--',
        '',
      ].join('\r\n'),
    );
    const m = parseMail(raw);
    assert.equal(m.subject, 'Código');
    assert.equal(m.text, 'Your code is ABCD2345');
  });

  test('text without encoded words is left alone', () => {
    assert.equal(decodeEncodedWords('Plain subject'), 'Plain subject');
  });
});
