import type { ButtonHTMLAttributes } from "react";
import { cn } from "./class-names";

/**
 * The one look of a button, whichever element carries it: `<Button>` for actions, and
 * `buttonVariants()` for a `<Link>` that should look like one ("Reconnect", "Back to all workflows").
 * Two plain lookups rather than `cva`: with no compound variants it added ~0.5 KB gzip to the runs
 * page's first load (the copy button in its header ships there) and nothing a lookup cannot do.
 */
const base =
  "inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md text-sm whitespace-nowrap transition-colors disabled:pointer-events-none disabled:opacity-40";

const variants = {
  primary:
    "bg-sky-700 font-medium text-white hover:bg-sky-800 dark:bg-sky-400 dark:text-slate-950 dark:hover:bg-sky-300",
  secondary:
    "border border-slate-300 bg-white font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
  ghost: "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
} as const;

const sizes = {
  md: "h-9 px-3",
  /** Square at least, for one-symbol buttons such as the pager's « and ». */
  compact: "h-9 min-w-9 px-2",
  sm: "h-7 px-2 text-xs",
  xs: "h-6 px-1.5 text-xs",
  icon: "size-9",
  "icon-sm": "size-7",
} as const;

export interface ButtonVariantProps {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
}

export function buttonVariants({
  variant = "secondary",
  size = "md",
  className,
}: ButtonVariantProps & { className?: string } = {}): string {
  return cn(base, variants[variant], sizes[size], className);
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, ButtonVariantProps {}

export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonVariants({ variant, size, className })} {...props} />;
}
