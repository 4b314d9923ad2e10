/**
 * The viewer's choice between their own time zone and UTC, remembered in a plain cookie (not secret,
 * read by the server so the first render already uses it). Local mode stores the zone's name, since
 * the server cannot ask the browser which zone it is in.
 */
import { isValidTimeZone, UTC } from "./date-time";

export const TIME_ZONE_COOKIE = "runboard_tz";
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export type TimeZoneMode = "local" | "utc";

export interface TimeZonePreference {
  mode: TimeZoneMode;
  /** The zone for local mode; UTC until the browser has told us its zone. */
  localTimeZone: string;
}

export const DEFAULT_TIME_ZONE_PREFERENCE: TimeZonePreference = {
  mode: "local",
  localTimeZone: UTC,
};

export function parseTimeZonePreference(value: string | undefined): TimeZonePreference | null {
  if (!value) return null;
  const decoded = safeDecode(value);
  if (decoded === "utc") return { mode: "utc", localTimeZone: UTC };
  if (decoded?.startsWith("local:")) {
    const zone = decoded.slice("local:".length);
    if (isValidTimeZone(zone)) return { mode: "local", localTimeZone: zone };
  }
  return null;
}

export function serializeTimeZonePreference(preference: TimeZonePreference): string {
  return preference.mode === "utc" ? "utc" : `local:${preference.localTimeZone}`;
}

export function displayTimeZone(preference: TimeZonePreference): string {
  return preference.mode === "utc" ? UTC : preference.localTimeZone;
}

/** For `document.cookie`; the server never needs to set it. */
export function timeZoneCookieString(preference: TimeZonePreference): string {
  const value = encodeURIComponent(serializeTimeZonePreference(preference));
  return `${TIME_ZONE_COOKIE}=${value}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
