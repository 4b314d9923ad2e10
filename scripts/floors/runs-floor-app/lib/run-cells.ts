import type { FloorRun } from "./floor-runs";

const triggeredFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export function formatTriggered(iso: string): string {
  return triggeredFormat.format(new Date(iso));
}

export function formatDuration(ms: number | null): string {
  return ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`;
}

export function reasonOf(run: FloorRun): string {
  return run.error?.code ?? run.skipReason ?? "—";
}

export const FLOOR_COLUMNS = ["Triggered", "Status", "Entity", "Error or skip reason", "Duration"];
