/**
 * A software WebAuthn authenticator for tests (browser and Node): WebCrypto P-256 keys (ES256),
 * discoverable credentials, attestation `none`. It answers the options the backend sends with
 * the JSON a browser's `PublicKeyCredential.toJSON()` gives, and can misbehave on request (a
 * wrong origin, no user verification, a chosen signature counter, another user's handle, a
 * broken signature) so the engine's refusals can be proven.
 *
 * The CBOR (attestation object, COSE key) is written with the maintained encoder that
 * `@simplewebauthn/server` ships (`isoCBOR`, over `@levischuck/tiny-cbor`); nothing is parsed
 * here. The one hand-made structure is the DER wrapping of an ECDSA signature (WebCrypto gives
 * `r‖s`; WebAuthn carries `SEQUENCE { INTEGER r, INTEGER s }`).
 */
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { toBase64Url } from '../../src/core/hash.js';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '../../src/adapter/types.js';

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

/** One credential the authenticator holds. */
export interface SoftCredential {
  /** base64url. */
  id: string;
  rpId: string;
  /** The user handle the RP gave at creation (base64url). */
  userHandle: string;
  /** Signature counter: the next assertion signs `counter + 1` (0 stays 0 when `counting` is off). */
  counter: number;
  keys: CryptoKeyPair;
}

export interface SoftAuthenticatorOptions {
  /** The origin clientDataJSON names (the page's). */
  origin: string;
  /** Keep a signature counter (default true); false: always 0, like many passkey providers. */
  counting?: boolean;
}

/** Ways to make one response wrong (or, with no option, right). */
export interface Tweaks {
  origin?: string;
  /** Sign the user-verified flag (default true). */
  userVerified?: boolean;
  /** Sign this counter instead of the next one. */
  counter?: number;
  /** Answer with this user handle instead of the credential's. */
  userHandle?: string;
  /** Answer with this challenge instead of the one in the options. */
  challenge?: string;
  /** Hash this RP ID into the authenticator data instead of the credential's. */
  rpId?: string;
  /** Flip a bit of the signature. */
  badSignature?: boolean;
  /** Use this credential (by id) instead of the first one for the RP. */
  credentialId?: string;
}

const encoder = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
}

function uint32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0);
  return b;
}

/** A DER INTEGER of an unsigned big-endian value. */
function derInteger(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  let v = bytes.subarray(i);
  if (v[0]! & 0x80) v = concat(new Uint8Array([0]), v);
  return concat(new Uint8Array([0x02, v.length]), v);
}

/** WebCrypto's `r‖s` (64 bytes) as the DER `SEQUENCE { r, s }` WebAuthn carries. */
function derSignature(raw: Uint8Array): Uint8Array {
  const body = concat(derInteger(raw.subarray(0, 32)), derInteger(raw.subarray(32)));
  return concat(new Uint8Array([0x30, body.length]), body);
}

function clientData(type: string, challenge: string, origin: string): Uint8Array {
  return encoder.encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

export class SoftAuthenticator {
  readonly origin: string;
  readonly counting: boolean;
  /** Every credential created, oldest first. */
  readonly credentials: SoftCredential[] = [];

  constructor(options: SoftAuthenticatorOptions) {
    this.origin = options.origin;
    this.counting = options.counting ?? true;
  }

  /** Answer `navigator.credentials.create()` options. */
  async create(
    options: PublicKeyCredentialCreationOptionsJSON,
    tweaks: Tweaks = {},
  ): Promise<RegistrationResponseJSON> {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const id = crypto.getRandomValues(new Uint8Array(32));
    const credential: SoftCredential = {
      id: toBase64Url(id),
      rpId,
      userHandle: options.user.id,
      counter: 0,
      keys,
    };
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
    const coseKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, raw.slice(1, 33)], // x
        [-3, raw.slice(33, 65)], // y
      ]),
    );
    const flags = FLAG_UP | FLAG_AT | (tweaks.userVerified === false ? 0 : FLAG_UV);
    const authData = concat(
      await sha256(encoder.encode(tweaks.rpId ?? rpId)),
      new Uint8Array([flags]),
      uint32(tweaks.counter ?? 0),
      new Uint8Array(16), // AAGUID: none
      new Uint8Array([0, id.length]),
      id,
      coseKey,
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, never>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, never>()],
        ['authData', authData],
      ]),
    );
    const data = clientData(
      'webauthn.create',
      tweaks.challenge ?? options.challenge,
      tweaks.origin ?? this.origin,
    );
    // Like a real authenticator: a new credential for the same RP and user replaces the old one.
    const same = this.credentials.findIndex(
      (c) => c.rpId === rpId && c.userHandle === credential.userHandle,
    );
    if (same >= 0) this.credentials.splice(same, 1);
    this.credentials.push(credential);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: toBase64Url(data),
        attestationObject: toBase64Url(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /** Answer `navigator.credentials.get()` options with a discoverable credential of the RP. */
  async get(
    options: PublicKeyCredentialRequestOptionsJSON,
    tweaks: Tweaks = {},
  ): Promise<AuthenticationResponseJSON> {
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    const credential = tweaks.credentialId
      ? this.credentials.find((c) => c.id === tweaks.credentialId)
      : this.credentials.find((c) => c.rpId === rpId);
    if (!credential) throw new Error(`no credential for ${rpId}`);
    if (tweaks.counter === undefined && this.counting) credential.counter += 1;
    const counter = tweaks.counter ?? (this.counting ? credential.counter : 0);
    const flags = FLAG_UP | (tweaks.userVerified === false ? 0 : FLAG_UV);
    const authData = concat(
      await sha256(encoder.encode(tweaks.rpId ?? credential.rpId)),
      new Uint8Array([flags]),
      uint32(counter),
    );
    const data = clientData(
      'webauthn.get',
      tweaks.challenge ?? options.challenge,
      tweaks.origin ?? this.origin,
    );
    const signed = concat(authData, await sha256(data));
    const raw = new Uint8Array(
      await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        credential.keys.privateKey,
        new Uint8Array(signed),
      ),
    );
    const signature = derSignature(raw);
    if (tweaks.badSignature) signature[signature.length - 1]! ^= 0x01;
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: toBase64Url(data),
        authenticatorData: toBase64Url(authData),
        signature: toBase64Url(signature),
        userHandle: tweaks.userHandle ?? credential.userHandle,
      },
    };
  }
}
