"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { detectLocalTimeZone } from "@/lib/format/date-time";
import {
  displayTimeZone,
  timeZoneCookieString,
  type TimeZoneMode,
  type TimeZonePreference,
} from "@/lib/format/time-zone-preference";

interface TimeContextValue {
  /** The zone every date on screen is shown in. */
  timeZone: string;
  mode: TimeZoneMode;
  localTimeZone: string;
  setMode: (mode: TimeZoneMode) => void;
  /** "Now" for relative times: the server's render time at first, so hydration matches. */
  now: string;
}

const TimeContext = createContext<TimeContextValue | null>(null);

const NOW_TICK_MS = 30_000;

interface TimeProviderProps {
  preference: TimeZonePreference;
  preferenceKnown: boolean;
  renderedAt: string;
  children: ReactNode;
}

export function TimeProvider({
  preference,
  preferenceKnown,
  renderedAt,
  children,
}: TimeProviderProps) {
  const [mode, setModeState] = useState(preference.mode);
  const [now, setNow] = useState(renderedAt);
  // The server renders with the zone remembered in the cookie; after hydration React switches to
  // the browser's own zone if it differs (first visit, or the machine moved zones).
  const localTimeZone = useSyncExternalStore(
    subscribeToNothing,
    detectLocalTimeZone,
    () => preference.localTimeZone,
  );

  useEffect(() => {
    if (!preferenceKnown || localTimeZone !== preference.localTimeZone) {
      document.cookie = timeZoneCookieString({ mode, localTimeZone });
    }
  }, [localTimeZone, mode, preference.localTimeZone, preferenceKnown]);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), NOW_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const setMode = useCallback(
    (next: TimeZoneMode) => {
      setModeState(next);
      document.cookie = timeZoneCookieString({ mode: next, localTimeZone });
    },
    [localTimeZone],
  );

  const value = useMemo<TimeContextValue>(
    () => ({
      timeZone: displayTimeZone({ mode, localTimeZone }),
      mode,
      localTimeZone,
      setMode,
      now,
    }),
    [mode, localTimeZone, setMode, now],
  );

  return <TimeContext value={value}>{children}</TimeContext>;
}

/** The browser's zone has no change event worth following; it is read once per render. */
function subscribeToNothing(): () => void {
  return () => {};
}

export function useTime(): TimeContextValue {
  const value = useContext(TimeContext);
  if (!value) throw new Error("useTime must be used inside <TimeProvider>");
  return value;
}
