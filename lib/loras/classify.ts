import { shippedCatalog, type ImageModel } from "@/lib/models/catalog";

/**
 * What a LoRA is for, from its safetensors header alone (docs/lora-links.md). Tensor names
 * give the key family (which trainer wrote it); shapes give the base: FLUX.1 is 3072 wide,
 * FLUX.2 [dev] 6144, SDXL cross-attends to 2048-wide text, SD 1.5 to 768. Metadata written by
 * trainers only supports what the shapes say. Pure.
 */

export type KeyFamily = "diffusers" | "peft" | "kohya" | "kohya-diffusers" | "bfl" | "xlabs" | "sd" | "sdxl" | "unknown";
export type LoraBase = "flux1" | "flux2" | "sd15" | "sdxl" | "unknown";

export interface TensorShapeInfo {
  dtype?: string;
  shape: number[];
  data_offsets?: [number, number];
}

export interface LoraClassification {
  keyFamily: KeyFamily;
  base: LoraBase;
  tensorCount: number;
  rank: number | null;
  hasTextEncoder: boolean;
  /** Short human reasons, strongest first. */
  evidence: string[];
}

export interface LoraVerdict {
  status: "compatible" | "incompatible" | "unknown";
  reason: string;
}

type FluxFamily = "diffusers" | "kohya" | "kohya-diffusers" | "bfl" | "xlabs";

/** Transformer-block key patterns, tested on the key without a PEFT `base_model.model.` prefix. */
const FLUX_FAMILIES: [FluxFamily, RegExp, string][] = [
  ["xlabs", /^(double_blocks|single_blocks)\.\d+\.processor\./, "XLabs names (double_blocks.N.processor.…)"],
  ["bfl", /^(diffusion_model\.)?(double_blocks|single_blocks)\.\d+\./, "BFL/ComfyUI names (diffusion_model.double_blocks.…)"],
  ["kohya", /^lora_unet_(double_blocks|single_blocks)_\d+_/, "kohya FLUX names (lora_unet_double_blocks_…)"],
  ["kohya-diffusers", /^lora_transformer_(transformer_blocks|single_transformer_blocks)_\d+_/, "kohya-diffusers names (lora_transformer_…)"],
  ["diffusers", /^(transformer\.)?(transformer_blocks|single_transformer_blocks)\.\d+\./, "diffusers FLUX names (transformer.transformer_blocks.…)"],
];
const SD_UNET = /^(lora_unet_(down_blocks|up_blocks|mid_block|input_blocks|output_blocks|middle_block)_|(unet\.)?(down_blocks\.\d|up_blocks\.\d|mid_block\.))/;
const TEXT_ENCODER = /^(lora_te\d?_|text_encoder(_2)?\.|te\d?\.|text_encoders\.)/;
const TEXT_ENCODER_2 = /^(lora_te2_|text_encoder_2\.)/;
const DOWN = /[._](lora_A|lora_down|lora\.down|down)(\.default)?\.weight$/;
/** Modules whose input is the hidden state: the width that tells FLUX.1 from FLUX.2. */
const ATTN_INPUT = /(to_q|to_k|to_v|add_[qkv]_proj|to_qkv_mlp_proj|attn[._]qkv|linear1|qkv_lora\d)[._](lora_A|lora_down|lora\.down|down)/;
const CROSS_ATTN_KV = /attn2[._]to_[kv][._](lora_A|lora_down|lora\.down)/;
const SDXL_DEPTH = /transformer_blocks[._][1-9]/;

const WIDTH_BASE: Record<number, "flux1" | "flux2"> = { 3072: "flux1", 6144: "flux2" };
const BASE_LABEL: Record<LoraBase, string> = { flux1: "FLUX.1", flux2: "FLUX.2", sd15: "SD 1.5", sdxl: "SDXL", unknown: "unknown" };

function mode(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, c] of counts) if (best === null || c > counts.get(best)! || (c === counts.get(best)! && v > best)) best = v;
  return best;
}

/** Base named by trainer metadata (kohya `ss_base_model_version`, `modelspec.architecture`). */
function metadataBase(metadata?: Record<string, string> | null): { base: LoraBase; text: string } | null {
  if (!metadata) return null;
  for (const key of ["modelspec.architecture", "ss_base_model_version"]) {
    const v = metadata[key]?.toLowerCase();
    if (!v) continue;
    const base: LoraBase = /flux[-_. ]?2/.test(v)
      ? "flux2"
      : /flux/.test(v)
        ? "flux1"
        : /sdxl|stable-diffusion-xl/.test(v)
          ? "sdxl"
          : /sd_v1|stable-diffusion-v1|sd1/.test(v)
            ? "sd15"
            : "unknown";
    if (base !== "unknown") return { base, text: `metadata ${key}=${metadata[key]}` };
  }
  return null;
}

export function classifyLoraHeader(header: Record<string, TensorShapeInfo>, metadata?: Record<string, string> | null): LoraClassification {
  const entries = Object.entries(header).filter(([k]) => k !== "__metadata__");
  const counts = new Map<FluxFamily | "sd", number>();
  let peft = 0;
  let textEncoder = 0;
  let textEncoder2 = false;
  const attnWidths: number[] = [];
  const crossWidths: number[] = [];
  const ranks: number[] = [];
  let sdDeep = false;

  for (const [rawKey, info] of entries) {
    const key = rawKey.startsWith("base_model.model.") ? rawKey.slice("base_model.model.".length) : rawKey;
    if (key !== rawKey) peft++;
    const down = DOWN.test(key) && info.shape.length >= 2;
    if (down) ranks.push(info.shape[0]);
    if (TEXT_ENCODER.test(key)) {
      textEncoder++;
      textEncoder2 ||= TEXT_ENCODER_2.test(key);
      continue;
    }
    const family = FLUX_FAMILIES.find(([, re]) => re.test(key))?.[0] ?? (SD_UNET.test(key) ? "sd" : undefined);
    if (!family) continue;
    counts.set(family, (counts.get(family) ?? 0) + 1);
    if (family === "sd") {
      sdDeep ||= SDXL_DEPTH.test(key);
      if (down && CROSS_ATTN_KV.test(key)) crossWidths.push(info.shape[1]);
    } else if (down && ATTN_INPUT.test(key)) {
      attnWidths.push(info.shape[1]);
    }
  }

  const evidence: string[] = [];
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const meta = metadataBase(metadata);
  let keyFamily: KeyFamily = "unknown";
  let base: LoraBase = "unknown";

  if (top && top[0] !== "sd") {
    const [family, n] = top;
    keyFamily = family === "diffusers" && peft > 0 ? "peft" : family;
    const label = FLUX_FAMILIES.find(([f]) => f === family)![2];
    evidence.push(`${n} of ${entries.length} tensors use ${keyFamily === "peft" ? "PEFT-prefixed " : ""}${label}`);
    const width = mode(attnWidths);
    if (width !== null && WIDTH_BASE[width]) {
      base = WIDTH_BASE[width];
      evidence.push(`attention input width ${width} → ${BASE_LABEL[base]}`);
    } else if (width !== null) {
      evidence.push(`attention input width ${width} matches neither FLUX.1 (3072) nor FLUX.2 (6144)`);
    } else if (meta && (meta.base === "flux1" || meta.base === "flux2")) {
      base = meta.base;
      evidence.push(`no attention tensors to measure; ${meta.text}`);
    }
  } else if (top) {
    const cross = mode(crossWidths);
    if (cross === 2048 || (cross === null && (textEncoder2 || sdDeep))) base = "sdxl";
    else if (cross === 768) base = "sd15";
    else if (cross === null && meta && (meta.base === "sd15" || meta.base === "sdxl")) base = meta.base;
    keyFamily = base === "sdxl" ? "sdxl" : "sd";
    evidence.push(`${top[1]} of ${entries.length} tensors use Stable Diffusion U-Net names (lora_unet_down_blocks_… / input_blocks_…), not FLUX`);
    if (cross === null && meta && meta.base === base) evidence.push(`no cross-attention tensors to measure; ${meta.text}`);
    if (cross !== null) evidence.push(`cross-attention width ${cross}${cross === 2048 ? " → SDXL" : cross === 768 ? " → SD 1.5" : cross === 1024 ? " → SD 2.x" : ""}`);
    if (textEncoder2) evidence.push("has a second text encoder (SDXL)");
  } else if (textEncoder > 0) {
    // Text-encoder-only LoRA: only the naming tells SD from SDXL.
    evidence.push(`only text-encoder tensors (${textEncoder})`);
    if (textEncoder2) [keyFamily, base] = ["sdxl", "sdxl"];
    else if (entries.some(([k]) => k.startsWith("lora_te_"))) keyFamily = "sd";
  } else if (entries.length > 0) {
    evidence.push("no tensor names of any known LoRA trainer");
  } else {
    evidence.push("the file holds no tensors");
  }

  if (meta && !evidence.some((e) => e.includes(meta.text))) {
    evidence.push(base === "unknown" ? `${meta.text}, but the tensors do not confirm it` : meta.base === base ? `${meta.text} agrees` : `${meta.text} disagrees; shapes win`);
  }

  const rank = mode(ranks);
  if (rank !== null) evidence.push(`rank ${rank}`);
  if (textEncoder > 0 && top) evidence.push(`includes ${textEncoder} text-encoder tensors`);

  return { keyFamily, base, tensorCount: entries.length, rank, hasTextEncoder: textEncoder > 0, evidence };
}

const FLUX_KEYS = new Set<KeyFamily>(["diffusers", "peft", "kohya", "kohya-diffusers", "bfl", "xlabs"]);

/** Whether a classified LoRA can run on `model`; `null` means the header could not be read. */
export function verdictFor(c: LoraClassification | null, model: ImageModel, models: readonly ImageModel[] = shippedCatalog.models): LoraVerdict {
  if (!c) return { status: "unknown", reason: "could not read the file" };
  if (c.tensorCount === 0) return { status: "unknown", reason: "the file holds no tensors — it is not a LoRA" };
  if (c.keyFamily === "sd" || c.keyFamily === "sdxl" || c.base === "sd15" || c.base === "sdxl") {
    const what = c.base === "sdxl" ? "an SDXL LoRA" : c.base === "sd15" ? "an SD 1.5 LoRA" : "a Stable Diffusion LoRA";
    return { status: "incompatible", reason: `${what}, not FLUX — FLUX models reject it` };
  }
  if (!FLUX_KEYS.has(c.keyFamily)) return { status: "unknown", reason: "unfamiliar tensor names — cannot tell what this LoRA is for" };
  if (c.base === "unknown") return { status: "unknown", reason: "a FLUX-style LoRA of an unexpected width — cannot tell which model it fits" };
  const label = BASE_LABEL[c.base];
  if (model.loraFamily === c.base) return { status: "compatible", reason: `a ${label} LoRA — fits ${model.label}` };
  const fit = models.find((m) => m.loraFamily === c.base && !m.deprecated) ?? models.find((m) => m.loraFamily === c.base);
  return {
    status: "incompatible",
    reason: fit ? `a ${label} LoRA — pick ${fit.label}` : `a ${label} LoRA — none of the models here takes it`,
  };
}
