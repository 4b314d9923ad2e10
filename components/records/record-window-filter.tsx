"use client";

import { SegmentedControl } from "@/components/ui/segmented-control";
import { RECORD_WINDOWS, type RecordWindow } from "@/lib/url-state/record-view-state";

const WINDOW_LABELS: Record<RecordWindow, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
};

export function RecordWindowFilter({
  value,
  onChange,
}: {
  value: RecordWindow;
  onChange: (window: RecordWindow) => void;
}) {
  return (
    <SegmentedControl<RecordWindow>
      label="Time window"
      showLabel
      options={RECORD_WINDOWS.map((window) => ({ value: window, label: WINDOW_LABELS[window] }))}
      value={value}
      onChange={onChange}
    />
  );
}
