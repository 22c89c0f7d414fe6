import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SweepGrid } from "@/components/sharing/collection-grid";
import type { SweepAxes } from "@/lib/sharing/view";
import { sharedItem as result } from "../support/shared-item";

// The server-rendered table: a "No LoRA" column for the baseline, dashed tiles for missing
// cells, the cellExtras slot under each thumbnail and the actions slot above the table.

const axes: SweepAxes = { x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9] }, y: { name: "LoRA 2 scale", values: [0.5, 1] } };


const count = (html: string, needle: string | RegExp) => html.split(needle).length - 1;

describe("SweepGrid", () => {
  it("puts the baseline in a leading 'No LoRA' column spanning the rows", () => {
    const items = [result("base", { baseline: true }), result("a", { x: 0, y: 0 }), result("b", { x: 2, y: 1 })];
    const html = renderToStaticMarkup(
      <SweepGrid collection={{ axes, items }} cellExtras={(item) => <button type="button">Compare {item.key}</button>} actions={<a href="/sheet">Download contact sheet</a>} />,
    );
    expect(html).toMatch(/<caption[^>]*>Columns: LoRA 1 scale; rows: LoRA 2 scale; the first column is the same image with no LoRA<\/caption>/);
    expect(html).toMatch(/<th scope="col"[^>]*><span[^>]*>No LoRA<\/span><\/th>/);
    // The baseline's cell spans both rows; it comes before the x-value columns.
    expect(html).toMatch(/<td rowSpan="2"[^>]*>.*?src="\/img\/base\?size=thumb"/);
    expect(html.indexOf("No LoRA")).toBeLessThan(html.indexOf(">0.3<"));
    // 3 × 2 cells, two filled: four dashed "No result" tiles.
    expect(count(html, 'aria-label="No result"')).toBe(4);
    // Extras under every result, baseline included; not in the "Other results" list (there is none).
    expect(["base", "a", "b"].map((k) => html.includes(`Compare ${k}`))).toEqual([true, true, true]);
    expect(html).not.toContain("Other results");
    expect(html.indexOf("Download contact sheet")).toBeLessThan(html.indexOf("<table"));
  });

  it("has no baseline column without a baseline, and lists what does not fit under the grid", () => {
    const html = renderToStaticMarkup(<SweepGrid collection={{ axes, items: [result("a", { x: 0, y: 0 }), result("out", { x: 5, y: 0 })] }} />);
    expect(html).not.toContain("No LoRA");
    expect(html).not.toContain("rowSpan");
    expect(html).toContain("Other results");
    expect(count(html, 'aria-label="No result"')).toBe(5);
  });
});
