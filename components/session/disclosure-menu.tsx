import type { ReactNode } from "react";
import { cn } from "@/components/ui/class-names";

interface DisclosureMenuProps {
  /** What the closed menu shows: its accessible name too. */
  summary: ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * A header menu on `<details>`: it opens and closes without JavaScript, so its forms work before
 * hydration (and with scripts off), and it costs the pages' first load nothing.
 */
export function DisclosureMenu({ summary, children, className }: DisclosureMenuProps) {
  return (
    <details className={cn("group relative", className)}>
      <summary className="flex h-7 cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 px-2 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
        {summary}
        <span aria-hidden="true" className="text-slate-500 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-30 mt-1 w-72 space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        {children}
      </div>
    </details>
  );
}
