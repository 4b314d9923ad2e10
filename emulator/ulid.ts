import { randomFillSync } from "node:crypto";

// ULIDs (https://github.com/ulid/spec): 10 characters of millisecond time, then 16 of randomness,
// in Crockford base32. The alphabet is in ASCII order, so string order equals numeric order; run
// ids rely on that for the `id` tie-break.

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TIME_CHARS = 10;
export const ULID_RANDOM_BYTES = 10;

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function encodeUlidTime(ms: number): string {
  let remaining = Math.floor(ms);
  let out = "";
  for (let i = 0; i < TIME_CHARS; i++) {
    out = CROCKFORD.charAt(remaining % 32) + out;
    remaining = Math.floor(remaining / 32);
  }
  return out;
}

/** 10 bytes = 80 bits = exactly 16 base32 characters, most significant first. */
export function encodeUlidRandom(bytes: Uint8Array): string {
  if (bytes.length !== ULID_RANDOM_BYTES) throw new RangeError("ULID randomness is 10 bytes");
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD.charAt((buffer >>> bits) & 31);
    }
  }
  return out;
}

export function encodeUlid(ms: number, randomBytes: Uint8Array): string {
  return encodeUlidTime(ms) + encodeUlidRandom(randomBytes);
}

export function newRequestId(nowMs: number): string {
  return "req_" + encodeUlid(nowMs, randomFillSync(new Uint8Array(ULID_RANDOM_BYTES)));
}
