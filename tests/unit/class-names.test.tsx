import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "@/components/ui/button";
import { Card, CARD } from "@/components/ui/card";
import { cn } from "@/lib/cn";

// Class names are merged, not concatenated: an override passed in `className` must win without
// relying on which of two conflicting utilities Tailwind happened to emit later in the CSS.

const classesOf = (html: string) => (html.match(/class="([^"]*)"/)?.[1] ?? "").split(" ");

describe("cn", () => {
  it("drops falsy parts and lets a later utility replace an earlier one of the same kind", () => {
    expect(cn("px-3 py-2", false && "hidden", null, "px-5")).toBe("py-2 px-5");
    expect(cn("text-sm text-white", "text-xs")).toBe("text-white text-xs");
    expect(cn("dark:bg-zinc-900", "dark:bg-zinc-900/60")).toBe("dark:bg-zinc-900/60");
  });
});

describe("Button", () => {
  it("lets className override its size and shape", () => {
    const classes = classesOf(renderToStaticMarkup(<Button size="md" className="rounded-full px-5">Go</Button>));
    expect(classes).toContain("px-5");
    expect(classes).toContain("rounded-full");
    expect(classes).not.toContain("px-3");
    expect(classes).not.toContain("rounded-lg");
  });
});

describe("Card", () => {
  it("renders the element asked for with the card surface and the caller's layout", () => {
    const html = renderToStaticMarkup(<Card as="section" aria-label="Cost" className="p-4">x</Card>);
    expect(html).toMatch(/^<section [^>]*aria-label="Cost"/);
    expect(classesOf(html)).toEqual([...CARD.split(" "), "p-4"]);
  });
  it("lets the caller override the surface, light and dark", () => {
    const classes = classesOf(renderToStaticMarkup(<Card className="shadow-2xl dark:bg-zinc-900/60">x</Card>));
    expect(classes).toContain("shadow-2xl");
    expect(classes).not.toContain("shadow-sm");
    expect(classes).toContain("dark:bg-zinc-900/60");
    expect(classes).not.toContain("dark:bg-zinc-900");
  });
});
