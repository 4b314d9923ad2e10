/**
 * Every way a session cookie can be malformed, derived from one genuine seal: fields missing,
 * doubled, emptied or garbled one at a time; the expiry in every non-numeric spelling; quotes,
 * spaces and junk around the whole; the version suffix wrong; truncation at every field boundary;
 * each field tampered with; and seeded random text in the seal's own alphabet. Pure strings, shared
 * by the unit tests (the whole set) and the browser tests (the part a Cookie header can carry).
 * None of them may unseal, and none may make the server throw.
 */
import { mulberry32 } from "../../emulator/prng";

export interface MalformedSeal {
  label: string;
  value: string;
}

const FIELD_NAMES = [
  "prefix",
  "password id",
  "salt",
  "iv",
  "ciphertext",
  "expiry",
  "hmac salt",
  "hmac",
];

const GARBLED_FIELDS: Array<[string, (field: string) => string]> = [
  ["emptied", () => ""],
  ["with a character outside its alphabet", (field) => `${field.slice(0, -1)}!`],
  ["with a space inside", (field) => `${field.slice(0, 2)} ${field.slice(2)}`],
  ["quoted", (field) => `"${field}"`],
  ["upper-cased", (field) => field.toUpperCase()],
  ["doubled in length", (field) => field.repeat(2)],
  ["5,000 characters long", (field) => (field || "a").repeat(5_000).slice(0, 5_000)],
  ["percent-encoded", (field) => [...field].map((c) => `%${hex(c)}`).join("")],
  ["non-ASCII", (field) => `${field}é`],
];

const BAD_EXPIRIES = [
  "abc",
  "-1",
  "0",
  "1.5",
  "1e13",
  "0x1A2B3C",
  "Infinity",
  "NaN",
  " 1796719790638",
  "1796719790638 ",
  "99999999999999999999999",
  "1", // long past
];

const BAD_VERSIONS = ["", "~", "~1", "~3", "~02", "~2.0", "~ 2", "~-2", "~2~2", "~22", "~2x"];

export function malformedSeals(genuine: string): MalformedSeal[] {
  const [body, version] = genuine.split("~");
  if (!body || version !== "2") throw new Error("expected a genuine iron seal ending in ~2");
  const fields = body.split("*");
  if (fields.length !== 8) throw new Error("expected a genuine iron seal of 8 fields");
  const seal = (parts: string[], suffix = "~2") => `${parts.join("*")}${suffix}`;
  const cases: MalformedSeal[] = [];
  const add = (label: string, value: string) => cases.push({ label, value });

  add("quoted", `"${genuine}"`);
  add("single-quoted", `'${genuine}'`);
  add("with junk appended", `${genuine}junk`);
  add("with a second seal appended", `${genuine}${genuine}`);
  add("with a trailing *", `${genuine}*`);
  add("with a trailing =", `${genuine}=`);
  add("with a leading space inside quotes", `" ${genuine}"`);
  add("base64-encoded", Buffer.from(genuine).toString("base64"));
  add("reversed", [...genuine].reverse().join(""));
  add("upper-cased", genuine.toUpperCase());
  add("percent-encoded whole", [...genuine].map((c) => `%${hex(c)}`).join(""));
  add("JSON", JSON.stringify({ seal: genuine }));
  add("a lone ~2", "~2");
  add("only stars", "*******~2");
  for (const suffix of BAD_VERSIONS)
    add(`version suffix ${JSON.stringify(suffix)}`, seal(fields, suffix));
  for (const prefix of ["Fe26.1", "fe26.2", "Fe26.2x", "", "Fe27.2", "Fe26"]) {
    add(`prefix ${JSON.stringify(prefix)}`, seal([prefix, ...fields.slice(1)]));
  }
  for (let kept = 0; kept < 8; kept++) {
    add(`only the first ${kept} fields`, seal(fields.slice(0, kept)));
    add(`only the first ${kept} fields, no version`, fields.slice(0, kept).join("*"));
  }
  for (const [index, name] of FIELD_NAMES.entries()) {
    if (index > 0) {
      add(`the ${name} missing`, seal(fields.filter((_, at) => at !== index)));
      add(`the ${name} doubled`, seal(fields.flatMap((f, at) => (at === index ? [f, f] : [f]))));
      add(`the ${name} tampered with`, seal(fields.map((f, at) => (at === index ? flip(f) : f))));
    }
    for (const [how, garble] of GARBLED_FIELDS) {
      add(`the ${name} ${how}`, seal(fields.map((f, at) => (at === index ? garble(f) : f))));
    }
  }
  for (const expiry of BAD_EXPIRIES) {
    add(`expiry ${JSON.stringify(expiry)}`, seal(fields.map((f, at) => (at === 5 ? expiry : f))));
  }
  for (let cut = 7; cut < genuine.length; cut += Math.ceil(genuine.length / 24)) {
    add(`cut after ${cut} characters`, genuine.slice(0, cut));
  }
  // Seeded: the same cases on every run, so a failure can be replayed.
  const random = mulberry32(0x5eed);
  for (let sample = 0; sample < 40; sample++) {
    const lengths = fields.map((f) => f.length);
    const parts = lengths.map((length, at) =>
      at === 0 ? "Fe26.2" : at === 5 ? (fields[5] ?? "") : randomText(random, length),
    );
    add(`random fields #${sample + 1} in the seal's alphabet`, seal(parts));
  }
  for (let sample = 0; sample < 20; sample++) {
    add(`random text #${sample + 1}`, randomText(random, 1 + Math.floor(random() * 400), true));
  }
  // Some garblings leave a field as it was (digits upper-cased): those are not malformed.
  return cases.filter(({ value }) => value !== genuine);
}

/** The cases a `Cookie` header can carry as they are: printable ASCII without `;`. */
export function cookieSafe(cases: readonly MalformedSeal[]): MalformedSeal[] {
  return cases.filter(
    ({ value }) => /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value) && !value.includes(";"),
  );
}

function hex(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, "0");
}

/** One character changed, within the same alphabet, so only the cryptography can tell. */
function flip(field: string): string {
  if (field.length === 0) return "0";
  const middle = Math.floor(field.length / 2);
  const replacement = field[middle] === "a" ? "b" : "a";
  return `${field.slice(0, middle)}${replacement}${field.slice(middle + 1)}`;
}

const SEAL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
const WIDE_ALPHABET = `${SEAL_ALPHABET}*~."' %=\\/{}[]:,é€\u0000\u001b\u202e`;

function randomText(random: () => number, length: number, wide = false): string {
  const alphabet = wide ? WIDE_ALPHABET : SEAL_ALPHABET;
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}
