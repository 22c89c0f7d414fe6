import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SavedGrid } from "@/components/sharing/saved-grid";
import { layoutGrid } from "@/lib/grid/layout";
import { sharedItem as result } from "../support/shared-item";

// The saved grid as the owner's and the shared page render it on the server: real axis names,
// Z values as a tablist with every panel sent (only the first shown), the caption, and empty
// places saying why.


const plan = JSON.stringify({
  axes: {
    x: { kind: "lora1", name: "LoRA 1", labels: ["Tarot", "Anime (XLabs collection)"] },
    y: { kind: "prompt-set", name: "Prompt set: Starter set", labels: ["portrait", "animal"] },
    z: { kind: "seed", name: "Seed", labels: ["7", "8"] },
  },
  separateBaseline: true,
});

describe("SavedGrid", () => {
  it("draws labelled axes, Z tabs with one panel each, the baseline column and what empty places became", () => {
    const layout = layoutGrid(
      plan,
      [
        { item: result("a"), cell: '{"z":0,"x":0,"y":0}' },
        { item: result("b"), cell: '{"z":1,"x":1,"y":1}' },
        { item: result("base"), cell: '{"z":0,"baseline":true}' },
      ],
      [
        { z: 0, x: 1, y: 0, status: "failed" },
        { z: 0, x: 0, y: 1, status: "queued" },
      ],
    )!;
    const html = renderToStaticMarkup(
      <SavedGrid
        grid={layout}
        caption={{ prompt: "a lighthouse", seed: "various", model: "FLUX.1 [dev] + LoRA", provider: "Together AI (simulated)" }}
        cellExtras={(item, label) => <button type="button">Compare {label}</button>}
        actions={<a href="/sheet">Download contact sheet</a>}
      />,
    );
    // Z: a tablist named by the axis, the first tab selected, two panels with the second hidden.
    expect(html).toMatch(/<span id="([^"]+)-name"[^>]*>Seed<\/span><div role="tablist" aria-labelledby="\1-name"/);
    expect(html.match(/role="tab"/g)).toHaveLength(2);
    expect(html).toMatch(/role="tab"[^>]*aria-selected="true"[^>]*tabindex="0"[^>]*>7<\/button>/i);
    expect(html).toMatch(/role="tab"[^>]*aria-selected="false"[^>]*tabindex="-1"[^>]*>8<\/button>/i);
    expect(html.match(/role="tabpanel"/g)).toHaveLength(2);
    expect(html.match(/role="tabpanel"[^>]*hidden=""/g)).toHaveLength(1);
    // Real names on the edges of each table.
    expect(html).toContain("Columns: LoRA 1; rows: Prompt set: Starter set; the first column is the same image with no LoRA");
    for (const label of [">Tarot<", ">Anime (XLabs collection)<", ">portrait<", ">animal<"]) expect(html).toContain(label);
    expect(html).toContain('aria-label="Seed: 7"');
    // Cells are named by their place (compare and open-in-studio too); empty ones say why.
    expect(html).toContain("Compare LoRA 1 Tarot, Prompt set: Starter set portrait, Seed 7");
    expect(html).toContain("Compare No LoRA, Seed 7");
    expect(html).toContain("Open LoRA 1 Anime (XLabs collection), Prompt set: Starter set animal, Seed 8 in studio");
    expect(html).toContain('<span>Failed</span><span class="sr-only">: LoRA 1 Anime (XLabs collection), Prompt set: Starter set portrait, Seed 7</span>');
    expect(html).not.toContain('data-testid="cell-reason"');
    expect(html).toContain("Not run yet");
    expect(html).toContain("No result");
    // The caption, and the actions above the grid.
    expect(html).toContain("“a lighthouse”");
    expect(html).toContain("varies with Seed");
    expect(html).toContain("Together AI (simulated)");
    expect(html.indexOf("Download contact sheet")).toBeLessThan(html.indexOf("<table"));
  });

  it("on the owner's page a failed place also says why", () => {
    const layout = layoutGrid(plan, [{ item: result("a"), cell: '{"z":0,"x":0,"y":0}' }], [{ z: 0, x: 1, y: 0, status: "failed", errorMessage: "Together refused the LoRA & its keys." }])!;
    const html = renderToStaticMarkup(<SavedGrid grid={layout} caption={{ prompt: "a lighthouse", seed: "7", model: "FLUX.1 [dev] + LoRA", provider: "Together AI" }} />);
    expect(html).toMatch(/<span>Failed<\/span><span class="sr-only">: [^<]*<\/span><span data-testid="cell-reason" title="Together refused the LoRA &amp; its keys\."[^>]*>Together refused the LoRA &amp; its keys\.<\/span>/);
  });

  it("without Z there are no tabs", () => {
    const flat = JSON.stringify({ axes: { x: { kind: "seed", name: "Seed", labels: ["1", "2"] } }, separateBaseline: false });
    const html = renderToStaticMarkup(<SavedGrid grid={layoutGrid(flat, [{ item: result("a"), cell: '{"z":0,"x":1,"y":null}' }])!} caption={null} />);
    expect(html).not.toContain("tablist");
    expect(html.match(/<table/g)).toHaveLength(1);
    expect(html).toContain("Columns: Seed");
    expect(html).toContain('alt="Seed 2"');
  });
});
