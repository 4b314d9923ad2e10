"use client";

import { SegmentedControl } from "@/components/ui/segmented-control";
import { ROLLING_WINDOWS, type RollingWindow } from "@/lib/url-state/runs-across-view-state";

const WINDOW_LABELS: Record<RollingWindow, string> = {
  "1h": "Last hour",
  "24h": "Last 24 h",
  "7d": "Last 7 days",
};

export function RollingWindowFilter({
  value,
  onChange,
}: {
  value: RollingWindow;
  onChange: (window: RollingWindow) => void;
}) {
  return (
    <SegmentedControl<RollingWindow>
      label="Time window"
      showLabel
      options={ROLLING_WINDOWS.map((window) => ({ value: window, label: WINDOW_LABELS[window] }))}
      value={value}
      onChange={onChange}
    />
  );
}
