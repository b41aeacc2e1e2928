/**
 * Passkeys for the stories: the demo producer signed in (`storyWorld`) with passkeys registered
 * through the MemoryAdapter's real ceremonies, answered by a software authenticator (no browser
 * dialog), so the list shows what the element really receives.
 */
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import { SoftAuthenticator } from '../test/support/soft-authenticator.js';
import { storyWorld } from './registration.story-helpers.js';

export async function passkeyWorld(
  passkeys: { name: string; used?: boolean }[] = [],
): Promise<{ adapter: MemoryAdapter }> {
  const { adapter } = await storyWorld();
  const soft = new SoftAuthenticator({ origin: location.origin });
  for (const p of passkeys) {
    const { ceremonyId, options } = await adapter.startPasskeyRegistration();
    const response = await soft.create(options);
    await adapter.finishPasskeyRegistration({ ceremonyId, response, name: p.name });
    if (p.used) {
      const challenge = await adapter.startPasskeySignIn();
      const credential = soft.credentials[soft.credentials.length - 1]!;
      const assertion = await soft.get(challenge.options, { credentialId: credential.id });
      await adapter.finishPasskeySignIn({ ceremonyId: challenge.ceremonyId, response: assertion });
    }
  }
  return { adapter };
}
