/**
 * The exact shape of the seals this server writes (iron-session 8 over iron-webcrypto's defaults):
 * `Fe26.2*<password id>*<salt>*<iv>*<ciphertext>*<expiry ms>*<hmac salt>*<hmac>~2`.
 *
 * iron-session reads looser text than it writes: it takes `~2junk` as version 2, ignores a second
 * `~`, and throws (instead of answering "no session") on a wrong prefix or a non-numeric expiry,
 * which turned one bad cookie into a 500 on every page. Anything that is not exactly this shape is
 * therefore refused before iron-session sees it. A seal with no expiry would never expire, so the
 * expiry is required, although iron would accept one without.
 */
const WELL_FORMED_SEAL = new RegExp(
  [
    "^Fe26\\.2",
    "[0-9]{1,6}", // password id (iron-session numbers its passwords)
    "[0-9a-f]{64}", // 256-bit salt, hex
    "[A-Za-z0-9_-]{22}", // 128-bit IV, base64url
    "[A-Za-z0-9_-]{22,3800}", // AES-CBC ciphertext, base64url; the whole cookie stays under 4 KB
    "[1-9]\\d{12,15}", // expiry, ms since the epoch
    "[0-9a-f]{64}", // 256-bit HMAC salt, hex
    "[A-Za-z0-9_-]{43}~2$", // SHA-256 HMAC, base64url; then the seal format version
  ].join("\\*"),
);

export function isWellFormedSeal(value: string): boolean {
  return WELL_FORMED_SEAL.test(value);
}
