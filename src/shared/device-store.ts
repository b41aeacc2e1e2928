/**
 * Where `<pep-login>`, `<pep-verify-account>` and `<pep-typing-pattern>` keep the "remember this
 * device" token. The host can replace it (set the `deviceStore` property) to keep tokens
 * elsewhere, e.g. in a cookie or a native app's secure storage. Unset, the elements use
 * `defaultDeviceStore`, which their later chunks bring (it is used only around the adapter calls
 * that wait for them): `localStorage`, one key per username under the `pep-device:` prefix,
 * nothing else stored.
 */

export interface StoredDevice {
  token: string;
  /** Epoch ms after which the token is no longer offered. */
  expiresAt: number;
}

export interface DeviceStore {
  /** The stored token for `username`, or null (also null once expired). */
  get(username: string): StoredDevice | null;
  set(username: string, token: string, expiresAt: number): void;
  delete(username: string): void;
}

export const DEVICE_KEY_PREFIX = 'pep-device:';

/** Usernames are case-insensitive: one key per account. */
function keyFor(username: string): string {
  return DEVICE_KEY_PREFIX + username.trim().toLowerCase();
}

function isStoredDevice(value: unknown): value is StoredDevice {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['token'] === 'string' && typeof v['expiresAt'] === 'number';
}

/** A {@link DeviceStore} over a Web Storage object (default `localStorage`). */
export class StorageDeviceStore implements DeviceStore {
  constructor(
    private readonly storage: Pick<
      Storage,
      'getItem' | 'setItem' | 'removeItem'
    > | null = safeLocalStorage(),
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(username: string): StoredDevice | null {
    if (!this.storage || !username.trim()) return null;
    let parsed: unknown;
    try {
      const raw = this.storage.getItem(keyFor(username));
      if (raw === null) return null;
      parsed = JSON.parse(raw);
    } catch {
      return null;
    }
    if (!isStoredDevice(parsed)) {
      this.delete(username);
      return null;
    }
    if (parsed.expiresAt <= this.now()) {
      this.delete(username);
      return null;
    }
    return { token: parsed.token, expiresAt: parsed.expiresAt };
  }

  set(username: string, token: string, expiresAt: number): void {
    if (!this.storage || !username.trim()) return;
    try {
      this.storage.setItem(keyFor(username), JSON.stringify({ token, expiresAt }));
    } catch {
      // Storage full or blocked (private mode): the device is simply not remembered.
    }
  }

  delete(username: string): void {
    if (!this.storage) return;
    try {
      this.storage.removeItem(keyFor(username));
    } catch {
      // Blocked storage: nothing was stored either.
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The store used when the host sets none. */
export const defaultDeviceStore: DeviceStore = new StorageDeviceStore();
