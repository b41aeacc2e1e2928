import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/report-issue/pep-report-issue.js';
import type { PepReportIssue } from '../src/elements/report-issue/pep-report-issue.js';
import {
  click,
  failingWith,
  inShadow,
  storyWorld,
  type,
  until,
} from './registration.story-helpers.js';

const meta: Meta = {
  title: 'Elements/Report Issue',
  component: 'pep-report-issue',
  tags: ['autodocs'],
  loaders: [async () => ({ world: await storyWorld() })],
  render: (_args, { loaded }) =>
    html`<pep-report-issue .adapter=${loaded['world'].adapter}></pep-report-issue>`,
};
export default meta;
type Story = StoryObj;

const form = (canvas: HTMLElement) => canvas.querySelector<PepReportIssue>('pep-report-issue')!;

/** A small screenshot drawn on a canvas. */
async function screenshotFile(name = 'quote-error.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#dde7f3';
  g.fillRect(0, 0, 320, 180);
  g.fillStyle = '#b3261e';
  g.font = '20px sans-serif';
  g.fillText('Error 500', 110, 95);
  const blob = await new Promise<Blob>((ok) => canvas.toBlob((b) => ok(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

function attach(el: PepReportIssue, file: File): void {
  const input = inShadow<HTMLInputElement>(el, '#screenshot');
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

async function fill(el: PepReportIssue): Promise<void> {
  await el.updateComplete;
  await until(() => inShadow<HTMLInputElement>(el, '#producerId').value !== '');
  type(el, '#description', 'The quote page shows "Error 500" after Continue.');
  type(el, '#stepsTaken', 'Opened Quote & Enroll, chose ACA Medical and Texas, selected Continue.');
  type(el, '#clientName', 'Chris Client');
  const select = (id: string, value: string) => {
    const s = inShadow<HTMLSelectElement>(el, id);
    s.value = value;
    s.dispatchEvent(new Event('change'));
  };
  select('#productType', 'ACA Medical');
  select('#state', 'TX');
  await el.updateComplete;
}

/** The form: agent name and producer ID from the session, observed now. */
export const Form: Story = {};

/** Submit with nothing typed: every field error, focus on the description. */
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await el.updateComplete;
    click(el, '[part~=submit-button]');
  },
};

/** A screenshot attached and previewed. */
export const WithScreenshot: Story = {
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el);
    attach(el, await screenshotFile());
  },
};

/** A file that is not an image: refused at the field; everything typed is kept. */
export const WrongFileType: Story = {
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el);
    attach(el, new File(['notes'], 'notes.txt', { type: 'text/plain' }));
  },
};

/** An image over the size limit (here `max-screenshot-bytes="1024"`). */
export const OversizeFile: Story = {
  render: (_a, { loaded }) =>
    html`<pep-report-issue
      max-screenshot-bytes="1024"
      .adapter=${loaded['world'].adapter}
    ></pep-report-issue>`,
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el);
    attach(el, new File([new Uint8Array(4096)], 'large.png', { type: 'image/png' }));
  },
};

/** Nobody signed in: agent name and producer ID are typed by hand (nothing to prefill). */
export const SignedOut: Story = {
  loaders: [
    async () => {
      const world = await storyWorld();
      await world.adapter.logout();
      return { world };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const el = form(canvasElement);
    await el.updateComplete;
    // The element asked the adapter for the session at its first update; this answer follows.
    await loaded['world'].adapter.getSession();
    await el.updateComplete;
  },
};

/** Submitted: the ticket reference. */
export const Submitted: Story = {
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el);
    attach(el, await screenshotFile());
    await el.updateComplete;
    click(el, '[part~=submit-button]');
    await until(() => el.step === 'done');
  },
};

/** The network failed: a retryable error, everything kept. */
export const NetworkError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-report-issue
      .adapter=${failingWith(loaded['world'].adapter, { reportIssue: 'NETWORK' })}
    ></pep-report-issue>`,
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el);
    click(el, '[part~=submit-button]');
  },
};
