/**
 * Every widget follows the nearest `<pep-auth-provider>` (the @lit/context protocol, subscribed):
 * the adapter and config arrive, follow changes, the closest provider wins, and a widget moved
 * to another provider follows that one only.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AuthAdapter } from '../../src/adapter/types.js';
import '../../src/elements/auth-provider/pep-auth-provider.js';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import type { PepAuthProvider } from '../../src/elements/auth-provider/pep-auth-provider.js';
import type { PepForgotUsername } from '../../src/elements/forgot-username/pep-forgot-username.js';

const fake = (name: string) => ({ name }) as unknown as AuthAdapter;

describe('adapter and config from the nearest provider', () => {
  it('arrive, and follow changes of the provider', async () => {
    const a = fake('a');
    const b = fake('b');
    const provider = await fixture<PepAuthProvider>(
      html`<pep-auth-provider .adapter=${a} help-desk-phone="1-800-555-0100"
        ><pep-forgot-username></pep-forgot-username
      ></pep-auth-provider>`,
    );
    const el = provider.querySelector<PepForgotUsername>('pep-forgot-username')!;
    expect(el.adapter).to.equal(a);
    expect(el.config.helpDeskPhone).to.equal('1-800-555-0100');
    provider.adapter = b;
    await provider.updateComplete;
    expect(el.adapter).to.equal(b);
  });

  it('the closest provider wins', async () => {
    const outer = await fixture<PepAuthProvider>(
      html`<pep-auth-provider .adapter=${fake('outer')}
        ><pep-auth-provider .adapter=${fake('inner')}
          ><pep-forgot-username></pep-forgot-username></pep-auth-provider
      ></pep-auth-provider>`,
    );
    const el = outer.querySelector<PepForgotUsername>('pep-forgot-username')!;
    expect((el.adapter as unknown as { name: string }).name).to.equal('inner');
  });

  it('a widget moved to another provider follows that one only', async () => {
    const a = fake('a');
    const b = fake('b');
    // Built by hand: `fixture` on a plain <div> waits for an animation frame.
    const root = document.createElement('div');
    root.innerHTML = `<pep-auth-provider id="a"><pep-forgot-username></pep-forgot-username></pep-auth-provider>
      <pep-auth-provider id="b"></pep-auth-provider>`;
    root.querySelector<PepAuthProvider>('#a')!.adapter = a;
    root.querySelector<PepAuthProvider>('#b')!.adapter = b;
    document.body.append(root);
    after(() => root.remove());
    const pa = root.querySelector<PepAuthProvider>('#a')!;
    const pb = root.querySelector<PepAuthProvider>('#b')!;
    const el = root.querySelector<PepForgotUsername>('pep-forgot-username')!;
    expect(el.adapter).to.equal(a);
    pb.append(el);
    expect(el.adapter).to.equal(b);
    pa.adapter = fake('a2');
    await pa.updateComplete;
    expect(el.adapter, 'no longer follows the first provider').to.equal(b);
    const b2 = fake('b2');
    pb.adapter = b2;
    await pb.updateComplete;
    expect(el.adapter).to.equal(b2);
  });
});
