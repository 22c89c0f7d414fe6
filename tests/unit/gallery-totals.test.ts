import { describe, expect, it } from "vitest";
import { EMPTY_GALLERY_PARAMS } from "@/lib/gallery/filters";
import { filterSummary, spendNote, totalsLine } from "@/lib/gallery/totals";

const t = (spendMicroUsd: number, images: number, deletedGenerations = 0) => ({ generations: images, images, spendMicroUsd, deletedGenerations });

describe("gallery totals in words", () => {
  it("a line per window, saying deleted results still count", () => {
    expect(totalsLine(t(385_000, 11))).toBe("$0.385 · 11 images");
    expect(totalsLine(t(0, 0))).toBe("$0.000 · 0 images");
    expect(spendNote(t(385_000, 11, 2))).toBe("11 images · 2 deleted, still counted");
    expect(spendNote(t(35_000, 1))).toBe("1 image");
  });

  it("names the filters the filtered total covers, and nothing without filters", () => {
    expect(filterSummary(EMPTY_GALLERY_PARAMS)).toBeNull();
    expect(filterSummary({ ...EMPTY_GALLERY_PARAMS, sort: "cost" })).toBeNull();
    expect(
      filterSummary(
        { ...EMPTY_GALLERY_PARAMS, q: "fox", lora: "https://huggingface.co/multimodalart/flux-tarot-v1", model: "black-forest-labs/FLUX.2-dev", provider: "simulator", from: "2026-12-01", to: "2026-12-03" },
        { "black-forest-labs/FLUX.2-dev": "FLUX.2 [dev]" },
      ),
    ).toBe("“fox” · LoRA multimodalart/flux-tarot-v1 · FLUX.2 [dev] · simulated · 2026-12-01 to 2026-12-03");
  });
});
