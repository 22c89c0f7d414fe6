import type { ComponentPropsWithoutRef, ElementType } from "react";
import { cn } from "@/lib/cn";

/** The app's raised surface: one place for its border, fill, radius and shadow, light and dark. */
export const CARD = "rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900";

type CardProps<T extends ElementType> = { as?: T; className?: string } & Omit<ComponentPropsWithoutRef<T>, "as" | "className">;

/**
 * A card, rendered as the element its content needs (`as="section"`, `"li"`, `"figure"`, a Link…);
 * `className` adds layout and may override the surface (`p-0`, `shadow-2xl`).
 */
export function Card<T extends ElementType = "div">({ as, className, ...rest }: CardProps<T>) {
  const Tag: ElementType = as ?? "div";
  return <Tag className={cn(CARD, className)} {...rest} />;
}
