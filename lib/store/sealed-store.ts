import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Store, WindowCount } from "./store";

/**
 * Per-API-key storage on top of any engine, sealed so that a reader of the store (or a session
 * holding another key) learns nothing:
 *
 * - **Where:** every key of one API key lives under the namespace `k<HMAC-SHA256(SESSION_SECRET,
 *   API key)>`; entry names are HMACs too, so the store shows neither keys nor which workflows
 *   or pages were asked for.
 * - **What:** values are AES-256-GCM under a key derived from the API key with HKDF-SHA256 (salt:
 *   SESSION_SECRET). The store key is the associated data, so an entry moved to another key (or
 *   another API key's namespace) fails authentication instead of being read.
 * - **Bad entries:** anything that does not open (truncated, altered, sealed for another key or
 *   an older format) is deleted and reported as missing, so the caller fetches it again.
 *
 * Leases and window counters hold no user data (random tokens, counts) and are stored as is,
 * under the same namespace so sign-out's purge removes them too.
 */

export interface KeyScope {
  /** `k` + 32 base64url characters; never contains `:`. */
  readonly namespace: string;
  readonly sealingKey: Buffer;
}

export interface SealedStore {
  readonly engine: Store["engine"];
  scopeFor(apiKey: string): KeyScope;
  get(scope: KeyScope, kind: string, name: string): Promise<Buffer | null>;
  set(scope: KeyScope, kind: string, name: string, value: Buffer, ttlMs: number): Promise<void>;
  delete(scope: KeyScope, kind: string, name: string): Promise<void>;
  /** Everything stored for this API key: answers, ledger, leases, counters. */
  purge(scope: KeyScope): Promise<void>;
  /**
   * Notes that this key was purged at `atMs`, for `ttlMs` (longer than any call in flight): a call
   * that began before it must not keep its answer. Kept outside the key's namespace, so the purge
   * it announces does not remove it.
   */
  markPurged(scope: KeyScope, atMs: number, ttlMs: number): Promise<void>;
  /** When this key was last purged, while the mark lasts; null otherwise. */
  purgedAt(scope: KeyScope): Promise<number | null>;
  acquireLease(scope: KeyScope, name: string, ttlMs: number): Promise<string | null>;
  renewLease(scope: KeyScope, name: string, token: string, ttlMs: number): Promise<boolean>;
  releaseLease(scope: KeyScope, name: string, token: string): Promise<boolean>;
  addToWindow(
    scope: KeyScope,
    name: string,
    amount: number,
    windowMs: number,
  ): Promise<WindowCount>;
}

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export function createSealedStore(store: Store, secret: string): SealedStore {
  // Deriving is cheap (~10 µs) but runs on every request; the scopes of recent keys are kept.
  const scopes = new LRUCache<string, KeyScope>({ max: 1_000, ttl: 10 * 60_000 });

  const storeKey = (scope: KeyScope, kind: string, name: string) =>
    `${scope.namespace}:${kind}:${createHmac("sha256", secret)
      .update(`${scope.namespace}\0${kind}\0${name}`)
      .digest("base64url")
      .slice(0, 32)}`;

  return {
    engine: store.engine,

    scopeFor(apiKey) {
      let scope = scopes.get(apiKey);
      if (!scope) {
        scope = {
          namespace: `k${createHmac("sha256", secret)
            .update(`runboard namespace\0${apiKey}`)
            .digest("base64url")
            .slice(0, 32)}`,
          sealingKey: Buffer.from(
            hkdfSync("sha256", apiKey, secret, "runboard store aes-256-gcm v1", 32),
          ),
        };
        scopes.set(apiKey, scope);
      }
      return scope;
    },

    async get(scope, kind, name) {
      const key = storeKey(scope, kind, name);
      const sealed = await store.get(key);
      if (sealed === null) return null;
      const opened = open(sealed, scope.sealingKey, key);
      if (opened === null) await store.delete(key);
      return opened;
    },

    set: (scope, kind, name, value, ttlMs) => {
      const key = storeKey(scope, kind, name);
      return store.set(key, seal(value, scope.sealingKey, key), ttlMs);
    },

    delete: (scope, kind, name) => store.delete(storeKey(scope, kind, name)),
    purge: (scope) => store.purgeNamespace(scope.namespace),
    markPurged: (scope, atMs, ttlMs) =>
      store.set(purgeMarkKey(scope), Buffer.from(String(atMs), "utf8"), ttlMs),
    async purgedAt(scope) {
      const mark = await store.get(purgeMarkKey(scope));
      const atMs = mark === null ? NaN : Number(mark.toString("utf8"));
      return Number.isFinite(atMs) ? atMs : null;
    },
    acquireLease: (scope, name, ttlMs) => store.acquireLease(storeKey(scope, "lease", name), ttlMs),
    renewLease: (scope, name, token, ttlMs) =>
      store.renewLease(storeKey(scope, "lease", name), token, ttlMs),
    releaseLease: (scope, name, token) => store.releaseLease(storeKey(scope, "lease", name), token),
    addToWindow: (scope, name, amount, windowMs) =>
      store.addToWindow(storeKey(scope, "window", name), amount, windowMs),
  };
}

/**
 * `p<namespace digest>:purged`: a namespace of its own (an API key's is `k…`), holding only a
 * time, so it says nothing about the key or what it asked.
 */
function purgeMarkKey(scope: KeyScope): string {
  return `p${scope.namespace.slice(1)}:purged`;
}

export function seal(plain: Buffer, key: Buffer, storeKey: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(storeKey, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), body]);
}

/** The plaintext, or null when the bytes were not sealed by `seal` with this key for this place. */
export function open(sealed: Buffer, key: Buffer, storeKey: string): Buffer | null {
  if (sealed.length < HEADER_BYTES || sealed[0] !== FORMAT_VERSION) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(1, 1 + IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(storeKey, "utf8"));
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, HEADER_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
