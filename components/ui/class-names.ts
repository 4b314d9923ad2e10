import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names, dropping falsy ones. Not tailwind-merge: it cost ~9 KB gzip of first-load JS
 * on the runs page (measured), a quarter of its budget. So a caller's `className` adds classes and
 * must not restate a property the primitive already sets; variants carry those differences instead.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
