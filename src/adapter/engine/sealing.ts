/**
 * Sealing of stored secrets that cannot be hashed because the engine must read them back: typing
 * templates (a matcher needs the template to compare with) and queued messages (they hold codes
 * and links until sent). AES-256-GCM over WebCrypto (browser and Node 20+), with a random 96-bit
 * IV per value and associated data that binds a sealed value to its place (`typing:<account id>`,
 * `outbox:<item id>`): a value copied to another account or row does not open.
 *
 * ## Keys and rotation
 * A {@link Keyring} holds one current key (it seals) and any number of older keys (they still
 * open); each key has an id (`kid`) that every sealed value names. On a single instance, rotate
 * by adding a new key in front (`TYPING_KEYS=new:<key>,old:<key>` on the reference server) and
 * restarting. With several instances, rotate in two steps, so that no instance ever meets a
 * value sealed with a key it does not hold: first add the new key AFTER the current one on every
 * instance (`old:<key>,new:<key>`: all can open it, none seals with it yet); once every instance
 * runs with it, move it to the front (`new:<key>,old:<key>`) on every instance. Values sealed
 * with the old key still open and are sealed again with the new one on their next write
 * (`needsReseal`); once none is left (or after `npm run admin -- reseal`), drop the old key.
 * A value whose key id the keyring does not hold rejects with {@link UnknownKeyError} (kept: its
 * key may come back); one whose key is held but that does not open is damaged (or moved).
 */
import { fromBase64Url, randomBytes, toBase64Url } from '../../core/hash.js';

/** A sealed value as stored (plain JSON). */
export interface SealedValue {
  /** Format version. */
  v: 1;
  /** Id of the key that sealed it. */
  kid: string;
  /** 96-bit IV, base64url. */
  iv: string;
  /** AES-256-GCM ciphertext with its 128-bit tag, base64url. */
  ct: string;
}

/** What the engine needs: seal JSON values, open them again. */
export interface Sealer {
  /** Seal `value` (any JSON value) for the place `aad` names. */
  seal(value: unknown, aad: string): Promise<SealedValue>;
  /**
   * Open a value sealed for `aad`; rejects {@link UnknownKeyError} when its key id is not held,
   * and another error when the value or place differ (damaged).
   */
  open<T = unknown>(sealed: SealedValue, aad: string): Promise<T>;
  /** True when `sealed` was sealed with a key other than the current one (seal it again). */
  needsReseal(sealed: SealedValue): boolean;
}

/** A key as configured: an id and 32 random bytes as base64url. */
export interface KeySpec {
  kid: string;
  key: string;
}

/**
 * {@link Sealer.open}'s rejection when the value names a key id the keyring does not hold (for
 * example during a rolling key change, or after a key was dropped too early). Any other
 * rejection means the value is damaged or belongs to another place.
 */
export class UnknownKeyError extends Error {
  override readonly name = 'UnknownKeyError';

  constructor(readonly kid: string) {
    super(`Keyring: no key "${kid}" to open this value`);
  }
}

/** True when `error` is an {@link UnknownKeyError} (the value's key is not held, not damage). */
export function isUnknownKeyError(error: unknown): error is UnknownKeyError {
  return error instanceof UnknownKeyError;
}

const KID_SHAPE = /^[A-Za-z0-9_.-]{1,32}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function isSealedValue(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['v'] === 1 &&
    typeof v['kid'] === 'string' &&
    typeof v['iv'] === 'string' &&
    typeof v['ct'] === 'string'
  );
}

/** AES-256-GCM keys: the first seals, all open. */
export class Keyring implements Sealer {
  private constructor(
    private readonly current: string,
    private readonly keys: ReadonlyMap<string, CryptoKey>,
  ) {}

  /** A fresh random key spec (the demo's, or `npm run admin -- new-key`). */
  static newKeySpec(kid = `k${Date.now().toString(36)}`): KeySpec {
    return { kid, key: toBase64Url(randomBytes(32)) };
  }

  /**
   * Import keys (the first is current). Rejects an empty list, a duplicate or malformed id, or a
   * key that is not 32 bytes.
   */
  static async fromSpecs(specs: readonly KeySpec[]): Promise<Keyring> {
    if (specs.length === 0) throw new Error('Keyring: at least one key is required');
    const keys = new Map<string, CryptoKey>();
    for (const { kid, key } of specs) {
      if (!KID_SHAPE.test(kid))
        throw new Error(`Keyring: key id "${kid}" is not 1-32 of [A-Za-z0-9_.-]`);
      if (keys.has(kid)) throw new Error(`Keyring: key id "${kid}" appears twice`);
      let raw: Uint8Array;
      try {
        raw = fromBase64Url(key);
      } catch {
        throw new Error(`Keyring: key "${kid}" is not base64url`);
      }
      if (raw.length !== 32) throw new Error(`Keyring: key "${kid}" must be 32 bytes (AES-256)`);
      keys.set(
        kid,
        await crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, [
          'encrypt',
          'decrypt',
        ]),
      );
    }
    return new Keyring(specs[0]!.kid, keys);
  }

  /** `kid:key,kid:key` (the reference server's `TYPING_KEYS`) → key specs. */
  static parseSpecs(text: string): KeySpec[] {
    return text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => {
        const colon = part.indexOf(':');
        if (colon <= 0) throw new Error('keys must be written kid:base64urlkey, comma-separated');
        return { kid: part.slice(0, colon), key: part.slice(colon + 1) };
      });
  }

  get currentKid(): string {
    return this.current;
  }

  async seal(value: unknown, aad: string): Promise<SealedValue> {
    const iv = randomBytes(12);
    const ct = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(aad) },
      this.keys.get(this.current)!,
      encoder.encode(JSON.stringify(value)),
    );
    return { v: 1, kid: this.current, iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
  }

  async open<T = unknown>(sealed: SealedValue, aad: string): Promise<T> {
    const key = this.keys.get(sealed.kid);
    if (!key) throw new UnknownKeyError(sealed.kid);
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64Url(sealed.iv) as BufferSource,
        additionalData: encoder.encode(aad),
      },
      key,
      fromBase64Url(sealed.ct) as BufferSource,
    );
    return JSON.parse(decoder.decode(plain)) as T;
  }

  needsReseal(sealed: SealedValue): boolean {
    return sealed.kid !== this.current;
  }
}
