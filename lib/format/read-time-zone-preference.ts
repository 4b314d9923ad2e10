import "server-only";
import { cookies } from "next/headers";
import {
  DEFAULT_TIME_ZONE_PREFERENCE,
  parseTimeZonePreference,
  TIME_ZONE_COOKIE,
  type TimeZonePreference,
} from "./time-zone-preference";

export async function readTimeZonePreference(): Promise<{
  preference: TimeZonePreference;
  /** False on a first visit: the browser will detect its zone and switch once. */
  known: boolean;
}> {
  const parsed = parseTimeZonePreference((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  return { preference: parsed ?? DEFAULT_TIME_ZONE_PREFERENCE, known: parsed !== null };
}
