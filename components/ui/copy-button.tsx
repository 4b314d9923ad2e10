"use client";

import { useEffect, useState } from "react";
import { buttonVariants, type ButtonVariantProps } from "./button";
import { cn } from "./class-names";
import { CheckIcon } from "./icons/check-icon";
import { CopyIcon } from "./icons/copy-icon";
import { LinkIcon } from "./icons/link-icon";

export interface CopyButtonProps extends ButtonVariantProps {
  /**
   * What to copy; a function is read at the moment of the click (e.g. the current address), and
   * may first load the code that writes it (its promise is awaited).
   */
  value: string | (() => string | Promise<string>);
  /** What is copied: the button's accessible name, and its tooltip when it shows only an icon. */
  label: string;
  /** Show `label` as the button's text, and `copiedLabel` in its place once copied. */
  showLabel?: boolean;
  copiedLabel?: string;
  icon?: "copy" | "link";
  className?: string;
}

const CONFIRMATION_MS = 1_500;

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies a value and says so, visibly and to screen readers; a refused clipboard is reported. The
 * announcement is a live region beside the button, not inside it: inside, it would become part of
 * the button's name, and an icon-only button needs its name to stay what it copies.
 */
export function CopyButton({
  value,
  label,
  showLabel = false,
  copiedLabel = "Copied",
  icon = "copy",
  variant = "ghost",
  size = "xs",
  className,
}: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(typeof value === "function" ? await value() : value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  const stateText = state === "copied" ? copiedLabel : state === "failed" ? "Copy failed" : "";
  const Icon = state === "copied" ? CheckIcon : icon === "link" ? LinkIcon : CopyIcon;
  return (
    <>
      <button
        type="button"
        onClick={(event) => {
          // Copy buttons sit inside clickable table rows; this click is not a row click.
          event.stopPropagation();
          void copy();
        }}
        title={showLabel ? undefined : label}
        aria-label={showLabel ? undefined : label}
        className={cn(buttonVariants({ variant, size }), className)}
      >
        <Icon className={size === "xs" || size === "sm" ? "size-3.5" : "size-4"} />
        {showLabel ? stateText || label : stateText}
      </button>
      <span role="status" className="sr-only">
        {stateText}
      </span>
    </>
  );
}
