"use client";

import { useEffect, useState } from "react";
import { CheckIcon, CopyIcon } from "./icons";

interface CopyButtonProps {
  value: string;
  /** What is copied, for screen readers and the tooltip: "Copy run id". */
  label: string;
  className?: string;
  children?: React.ReactNode;
}

const CONFIRMATION_MS = 1_500;

/** Copies `value` and says so, visibly and to screen readers; a refused clipboard is reported. */
export function CopyButton({ value, label, className = "", children }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <button
      type="button"
      onClick={(event) => {
        event.stopPropagation();
        void copy();
      }}
      title={label}
      aria-label={children ? undefined : label}
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100 ${className}`}
    >
      {state === "copied" ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
      {children}
      <span role="status" className={state === "idle" ? "sr-only" : "text-xs"}>
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : ""}
      </span>
    </button>
  );
}
