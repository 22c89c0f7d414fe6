import { describe, expect, it } from "vitest";
import { classifyLoraHeader } from "@/lib/loras/classify";
import { cardVerdicts } from "@/lib/loras/verdicts";

const FLUX1 = "black-forest-labs/FLUX.1-dev-lora";
const FLUX2 = "black-forest-labs/FLUX.2-dev";

describe("cardVerdicts", () => {
  it("trusts the header over the stated base", () => {
    const header = {
      "transformer.transformer_blocks.0.attn.to_q.lora_A.weight": { dtype: "BF16", shape: [16, 3072], data_offsets: [0, 1] as [number, number] },
      "transformer.transformer_blocks.0.attn.to_q.lora_B.weight": { dtype: "BF16", shape: [3072, 16], data_offsets: [1, 2] as [number, number] },
    };
    const v = cardVerdicts(classifyLoraHeader(header), "sdxl");
    expect(v[FLUX1].status).toBe("compatible");
    expect(v[FLUX2]).toMatchObject({ status: "incompatible" });
  });

  it("uses the stated base when the file was not read", () => {
    expect(cardVerdicts(null, "flux1")[FLUX1]).toMatchObject({ status: "compatible", reason: expect.stringContaining("not inspected") });
    expect(cardVerdicts(null, "flux1")[FLUX2]).toMatchObject({ status: "incompatible", reason: expect.stringContaining("FLUX.1 [dev] + LoRA") });
    expect(cardVerdicts(null, "sdxl")[FLUX1]).toMatchObject({ status: "incompatible", reason: expect.stringContaining("FLUX models reject it") });
    expect(cardVerdicts(null, "unknown")[FLUX1].status).toBe("unknown");
  });
});
