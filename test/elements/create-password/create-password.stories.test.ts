import { expect } from '@open-wc/testing';
import * as stories from '../../../stories/create-password.stories.js';
import { runStory, storiesOf } from '../forgot-username/story-runner.js';

type El = HTMLElement & { updateComplete: Promise<unknown> } & Record<string, any>;
const text = (el: El, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const alert = (el: El) => text(el, '[role=alert]');

/** What each story must show: the step or error state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  FindAccount: (el) => el.step === 'find' && text(el, 'h2') === 'Step 1 of 4 Find Account',
  FindAccountFieldError: (el) =>
    text(el, '#username-error') === 'Username must be at least 7 characters.',
  FindAccountNetworkError: (el) => el.step === 'find' && alert(el).includes('could not reach'),
  ChooseChannel: (el) => el.step === 'choose' && text(el, 'form').includes('xxxxxx0101'),
  SendRateLimited: (el) => el.step === 'choose' && alert(el).startsWith('Too many requests'),
  EnterCode: (el) => el.step === 'code' && alert(el) === '',
  WrongCode: (el) => alert(el) === 'That code is incorrect. You have 4 attempts left.',
  CodeExpired: (el) => alert(el).startsWith('This code has expired'),
  ResendRateLimited: (el) => el.step === 'code' && alert(el).startsWith('Too many requests'),
  CreateNewPassword: (el) =>
    el.step === 'password' &&
    el.shadowRoot!.querySelectorAll('[part=checklist] li[data-met=false]').length > 0,
  PasswordReused: (el) => text(el, '#password-error').includes('last 10 passwords'),
  ResetPurpose: (el) =>
    el.step === 'password' && text(el, '[part~=submit-button]') === 'Update Password',
  FlowExpired: (el) => el.step === 'find' && alert(el).startsWith('This step has expired'),
  Done: (el) => el.step === 'done' && text(el, 'h2') === 'Your password was created',
};

describe('create-password stories', () => {
  it('every story has a check', () => {
    expect(storiesOf(stories).map(([name]) => name)).to.have.members(Object.keys(shows));
  });

  for (const [name, story] of storiesOf(stories)) {
    it(`${name} shows its state and is accessible`, async () => {
      const container = await runStory(stories.default as never, story);
      const el = container.querySelector('pep-create-password') as El;
      expect(el, 'element rendered').to.exist;
      for (let i = 0; i < 300 && !shows[name]!(el); i++)
        await new Promise((r) => setTimeout(r, 10));
      await el.updateComplete;
      expect(shows[name]!(el), `${name} reached its state`).to.equal(true);
      await expect(el).to.be.accessible();
      container.remove();
    });
  }
});
