/**
 * Common and breached passwords: the `passwords-common` dictionary of
 * `@zxcvbn-ts/language-common` (about 49 000 passwords ranked by how often they appear in breach
 * corpora). It is large (about 200 KB gzip), so it is loaded on first use only: by a backend when
 * a password is set, by the live checklist once a new password is being typed — never with the
 * first screen of an element.
 *
 * A password counts as common when its *core* is in the dictionary: the password lower-cased,
 * with the digits and symbols people put around a word stripped from either end, and with common
 * character substitutions undone (`P@ssw0rd2024!` → `password`). That is what password-spraying
 * lists try first (`Password1!`, `Summer2026!`), and what the composition rules let through.
 */

/** Whether a password is common or breached (see the module comment). */
export type CommonPasswordCheck = (password: string) => boolean;

/** Cores shorter than this are not looked up (`ab12!!!!` is not "common" because of `ab`). */
const MIN_CORE_LENGTH = 4;

const SUBSTITUTIONS: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};

/** What a password is looked up as: itself lower-cased, stripped of decorations, un-substituted. */
export function passwordCores(password: string): string[] {
  const lower = password.normalize('NFKC').toLowerCase();
  const stripped = lower.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
  const plain = [...stripped].map((c) => SUBSTITUTIONS[c] ?? c).join('');
  const strippedDigitsOnly = lower.replace(/[^\p{L}\p{N}]+$/u, '').replace(/\d+$/u, '');
  return [...new Set([lower, strippedDigitsOnly, stripped, plain])].filter(
    (core) => [...core].length >= MIN_CORE_LENGTH,
  );
}

/** A check over an explicit list (tests, or a host's own list). */
export function commonPasswordCheck(list: Iterable<string>): CommonPasswordCheck {
  const set = new Set<string>();
  for (const entry of list) set.add(entry.toLowerCase());
  return (password) => passwordCores(password).some((core) => set.has(core));
}

let loading: Promise<CommonPasswordCheck> | null = null;

/**
 * The check over the bundled dictionary, loaded once (later calls share the same promise; a
 * failed load is tried again by the next call).
 */
export function loadCommonPasswordCheck(): Promise<CommonPasswordCheck> {
  loading ??= import('@zxcvbn-ts/language-common/dist/passwords.json.mjs').then(
    (module: { default: readonly string[] }) => commonPasswordCheck(module.default),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
