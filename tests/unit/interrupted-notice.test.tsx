import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InterruptedNotice } from "@/components/gallery/interrupted-notice";
import { interruptedMessage } from "@/lib/generation/charge";

// The gallery's notice for generations the server lost mid-request: they have no images, so
// the grid would not show them, but they may have cost money.

describe("InterruptedNotice", () => {
  it("names each interrupted generation with its sentence and a link to it", () => {
    const html = renderToStaticMarkup(
      <InterruptedNotice items={[{ id: "g1", userPrompt: "a lighthouse", errorMessage: interruptedMessage({ attempted: true, provider: "together" }) }]} />,
    );
    expect(html).toContain("One generation was interrupted");
    expect(html).toContain('href="/gallery/g1"');
    expect(html).toContain("may have been charged");
    expect(html).not.toMatch(/nothing was charged/i);
  });
  it("shows nothing when there is nothing to say", () => {
    expect(renderToStaticMarkup(<InterruptedNotice items={[]} />)).toBe("");
  });
});
