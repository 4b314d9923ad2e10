/**
 * What a LeadLex workspace key looks like (`wbk_` + letters, digits, `_` or `-`). Checked before a
 * key is ever sent upstream, so obvious typos get an instant, specific message. Browser-safe.
 */
const KEY_PREFIX = "wbk_";
const KEY_BODY = /^[A-Za-z0-9_-]+$/;
export const MAX_API_KEY_LENGTH = 200;
const MIN_API_KEY_LENGTH = 12;

export type ApiKeyCheck = { ok: true; key: string } | { ok: false; message: string };

export function checkApiKeyFormat(raw: unknown): ApiKeyCheck {
  if (typeof raw !== "string") return { ok: false, message: "Paste your LeadLex API key." };
  // Keys are often copied with a trailing newline or spaces; those are not part of the key.
  const key = raw.trim();
  if (key === "") return { ok: false, message: "Paste your LeadLex API key." };
  if (key.length > MAX_API_KEY_LENGTH) {
    return {
      ok: false,
      message: `That is too long for a LeadLex key (at most ${MAX_API_KEY_LENGTH} characters).`,
    };
  }
  if (!key.startsWith(KEY_PREFIX)) {
    return {
      ok: false,
      message: "LeadLex workspace keys start with “wbk_”. Check that you copied the whole key.",
    };
  }
  const body = key.slice(KEY_PREFIX.length);
  if (!KEY_BODY.test(body)) {
    return {
      ok: false,
      message:
        "The key contains characters LeadLex keys never have (only letters, digits, “_” and “-”). Check for spaces or a partial copy.",
    };
  }
  if (key.length < MIN_API_KEY_LENGTH) {
    return { ok: false, message: "That key is too short. Check that you copied the whole key." };
  }
  return { ok: true, key };
}
