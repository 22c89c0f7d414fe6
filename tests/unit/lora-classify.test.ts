import { describe, expect, it } from "vitest";
import { classifyLoraHeader, verdictFor, type TensorShapeInfo } from "@/lib/loras/classify";
import { getModel } from "@/lib/models/registry";
import { clipModules, fluxBflModules, fluxDiffusersModules, loraTensors, safetensorsFixtures, type TensorSpec } from "../support/safetensors-fixtures";

const flux1 = getModel("black-forest-labs/FLUX.1-dev-lora");
const flux2 = getModel("black-forest-labs/FLUX.2-dev");

function header(tensors: TensorSpec[]): Record<string, TensorShapeInfo> {
  return Object.fromEntries(tensors.map(([name, shape]) => [name, { dtype: "BF16", shape, data_offsets: [0, 0] as [number, number] }]));
}

/** The header JSON exactly as stored in a fixture file. */
function fixtureHeader(head: Buffer) {
  const n = Number(head.readBigUInt64LE(0));
  const { __metadata__, ...tensors } = JSON.parse(head.subarray(8, 8 + n).toString("utf8"));
  return { tensors: tensors as Record<string, TensorShapeInfo>, metadata: (__metadata__ ?? null) as Record<string, string> | null };
}

describe("classifyLoraHeader on realistic files of each family", () => {
  const cases = Object.entries(safetensorsFixtures()).filter(([, f]) => "expected" in f && f.expected);
  it.each(cases)("%s", (_name, f) => {
    const { tensors, metadata } = fixtureHeader(f.head);
    const c = classifyLoraHeader(tensors, metadata);
    expect({ keyFamily: c.keyFamily, base: c.base, rank: c.rank, hasTextEncoder: c.hasTextEncoder }).toEqual(f.expected);
    expect(c.tensorCount).toBe(Object.keys(tensors).length);
    expect(c.evidence.length).toBeGreaterThan(1);
  });

  it("has hundreds of keys for a FLUX.1 LoRA, as real ones do", () => {
    const { tensors } = fixtureHeader(safetensorsFixtures()["flux1-kohya"].head);
    expect(Object.keys(tensors).length).toBeGreaterThan(500);
    expect(tensors["lora_unet_double_blocks_0_img_attn_qkv.lora_down.weight"].shape).toEqual([16, 3072]);
    expect(tensors["lora_unet_single_blocks_37_linear1.alpha"].shape).toEqual([]);
  });
});

describe("classifyLoraHeader on smaller variations", () => {
  it("reads PEFT keys that keep the transformer. prefix", () => {
    const c = classifyLoraHeader(header(loraTensors(fluxDiffusersModules("base_model.model.transformer.").slice(0, 20), 8, "lora_AB")));
    expect([c.keyFamily, c.base, c.rank]).toEqual(["peft", "flux1", 8]);
  });

  it("reads old diffusers .lora.down.weight names", () => {
    const c = classifyLoraHeader(
      header([
        ["transformer.transformer_blocks.0.attn.to_q.lora.down.weight", [4, 3072]],
        ["transformer.transformer_blocks.0.attn.to_q.lora.up.weight", [3072, 4]],
      ]),
    );
    expect([c.keyFamily, c.base, c.rank]).toEqual(["diffusers", "flux1", 4]);
  });

  it("tells a FLUX.2 LoRA in BFL names by its 6144 width", () => {
    const c = classifyLoraHeader(header(loraTensors(fluxBflModules("diffusion_model.", ".", { w: 6144, mlp: 18432, doubles: 8, singles: 48 }), 32, "lora_AB")));
    expect([c.keyFamily, c.base, c.rank]).toEqual(["bfl", "flux2", 32]);
    expect(c.evidence).toContain("attention input width 6144 → FLUX.2");
  });

  it("ignores a __metadata__ entry left in the header", () => {
    const h = { ...header(loraTensors(fluxBflModules().slice(0, 5), 16, "lora_AB")), __metadata__: { shape: [] } as unknown as TensorShapeInfo };
    expect(classifyLoraHeader(h).tensorCount).toBe(10);
  });

  it("reads SDXL in diffusers names by the 2048-wide cross-attention", () => {
    const c = classifyLoraHeader(
      header([
        ["unet.down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.lora_A.weight", [16, 2048]],
        ["unet.down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.lora_B.weight", [640, 16]],
        ["unet.mid_block.attentions.0.transformer_blocks.0.attn1.to_q.lora_A.weight", [16, 1280]],
      ]),
    );
    expect([c.keyFamily, c.base]).toEqual(["sdxl", "sdxl"]);
  });

  it("reads SD 1.5 in LDM names by the 768-wide cross-attention", () => {
    const c = classifyLoraHeader(
      header(loraTensors([["lora_unet_input_blocks_1_1_transformer_blocks_0_attn2_to_k", 768, 320], ["lora_unet_input_blocks_1_1_proj_in", 320, 320]], 8, "kohya")),
    );
    expect([c.keyFamily, c.base, c.rank]).toEqual(["sd", "sd15", 8]);
  });

  it("calls a U-Net LoRA with only self-attention SDXL when it has a second text encoder", () => {
    const c = classifyLoraHeader(
      header(loraTensors([["lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q", 640, 640], ...clipModules("lora_te2_", 1, 1280)], 8, "kohya")),
    );
    expect([c.keyFamily, c.base, c.hasTextEncoder]).toEqual(["sdxl", "sdxl", true]);
  });

  it("leaves SD 2.x (1024 cross-attention) without a base but still not FLUX", () => {
    const c = classifyLoraHeader(header(loraTensors([["lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn2_to_k", 1024, 320]], 4, "kohya")));
    expect([c.keyFamily, c.base]).toEqual(["sd", "unknown"]);
    expect(verdictFor(c, flux1).status).toBe("incompatible");
  });

  it("lets shapes win over metadata that disagrees", () => {
    const c = classifyLoraHeader(header(loraTensors(fluxBflModules("lora_unet_", "_").slice(0, 10), 16, "kohya")), { ss_base_model_version: "sdxl_base_v1-0" });
    expect(c.base).toBe("flux1");
    expect(c.evidence.some((e) => e.includes("disagrees"))).toBe(true);
  });

  it("falls back to metadata when no attention tensor can be measured", () => {
    const c = classifyLoraHeader(header(loraTensors([["lora_unet_double_blocks_0_img_mlp_0", 3072, 12288]], 16, "kohya")), { "modelspec.architecture": "flux-1-dev/lora" });
    expect([c.keyFamily, c.base]).toEqual(["kohya", "flux1"]);
  });

  it("does not guess a base for an unexpected width", () => {
    const c = classifyLoraHeader(header(loraTensors([["transformer.transformer_blocks.0.attn.to_q", 4096, 4096]], 16, "lora_AB")));
    expect([c.keyFamily, c.base]).toEqual(["diffusers", "unknown"]);
    expect(verdictFor(c, flux1)).toEqual({ status: "unknown", reason: "a FLUX-style LoRA of an unexpected width — cannot tell which model it fits" });
  });

  it("reports unknown names and empty files as unknown", () => {
    const odd = classifyLoraHeader(header([["model.layers.0.self_attn.q_proj.lora_A.weight", [8, 4096]]]));
    expect([odd.keyFamily, odd.base, odd.rank]).toEqual(["unknown", "unknown", 8]);
    expect(verdictFor(odd, flux2).status).toBe("unknown");
    const empty = classifyLoraHeader({});
    expect([empty.keyFamily, empty.tensorCount, empty.rank]).toEqual(["unknown", 0, null]);
    expect(verdictFor(empty, flux1).status).toBe("unknown");
  });
});

describe("verdictFor", () => {
  const classify = (name: keyof ReturnType<typeof safetensorsFixtures>) => {
    const { tensors, metadata } = fixtureHeader(safetensorsFixtures()[name].head);
    return classifyLoraHeader(tensors, metadata);
  };

  it("matches FLUX.1 LoRAs to FLUX.1 and points FLUX.2 users at the right model", () => {
    const c = classify("flux1-kohya");
    expect(verdictFor(c, flux1)).toEqual({ status: "compatible", reason: "a FLUX.1 LoRA — fits FLUX.1 [dev] + LoRA" });
    expect(verdictFor(c, flux2)).toEqual({ status: "incompatible", reason: "a FLUX.1 LoRA — pick FLUX.1 [dev] + LoRA" });
  });

  it("matches FLUX.2 LoRAs the other way round", () => {
    const c = classify("flux2-diffusers");
    expect(verdictFor(c, flux2).status).toBe("compatible");
    expect(verdictFor(c, flux1)).toEqual({ status: "incompatible", reason: "a FLUX.2 LoRA — pick FLUX.2 [dev]" });
  });

  it("rejects SD LoRAs for every model", () => {
    for (const model of [flux1, flux2]) {
      expect(verdictFor(classify("sdxl"), model)).toEqual({ status: "incompatible", reason: "an SDXL LoRA, not FLUX — FLUX models reject it" });
      expect(verdictFor(classify("sd15"), model)).toEqual({ status: "incompatible", reason: "an SD 1.5 LoRA, not FLUX — FLUX models reject it" });
    }
  });

  it("says so when the file could not be read", () => {
    expect(verdictFor(null, flux1)).toEqual({ status: "unknown", reason: "could not read the file" });
  });

  it("says when no model in the list takes the LoRA", () => {
    expect(verdictFor(classify("flux2-diffusers"), flux1, [flux1]).reason).toBe("a FLUX.2 LoRA — none of the models here takes it");
  });
});
