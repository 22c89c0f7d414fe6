import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Class names for a component: clsx joins the conditional parts, tailwind-merge lets a later
 * class win over an earlier one of the same utility (`px-3` then `px-5` gives `px-5`), so an
 * override passed in `className` works whatever order Tailwind emitted the CSS in.
 */
export function cn(...parts: ClassValue[]): string {
  return twMerge(clsx(parts));
}
