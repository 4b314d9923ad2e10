/**
 * The frame of Runboard's small inline icons (no icon font, no extra request). Decorative by
 * default: the text next to an icon carries the meaning, so each is `aria-hidden`. One icon per
 * module: the bundler keeps whole modules, and a page's first load should carry only the icons it
 * draws. How they are drawn (stroke, width, joins) is one rule in `globals.css` rather than five
 * attributes on each of the sixty or so a runs page carries.
 */
import type { SVGProps } from "react";

export type IconProps = SVGProps<SVGSVGElement>;

export function Icon({ children, className = "size-4", ...props }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={`icon ${className}`} {...props}>
      {children}
    </svg>
  );
}
