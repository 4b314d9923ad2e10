import { cn } from "./class-names";

export interface SkeletonBarProps {
  /** Its size (and any spacing); the shape comes from `pill`. */
  className: string;
  /** Fully rounded, for a placeholder of a chip. */
  pill?: boolean;
}

/** One grey placeholder of a loading skeleton. */
export function SkeletonBar({ className, pill = false }: SkeletonBarProps) {
  return (
    <div
      className={cn(pill ? "rounded-full" : "rounded", "bg-slate-200 dark:bg-slate-800", className)}
    />
  );
}
