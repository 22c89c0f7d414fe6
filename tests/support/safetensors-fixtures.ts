/**
 * Real safetensors headers for each LoRA key family (docs/lora-links.md, "Reading a LoRA file's header"), built in loops
 * with the module names and shapes real trainers write. Only the head (8-byte length +
 * JSON) is stored; `size` is the true file size and the file server serves the tensor
 * data as zeros, so a 100 MB LoRA costs a few hundred KB of memory.
 */

export type TensorSpec = [name: string, shape: number[]];

export interface SafetensorsFixture {
  /** 8-byte little-endian header length + header JSON (exact), plus any literal bytes. */
  head: Buffer;
  /** Full file size the server reports; bytes past `head` are zeros. */
  size: number;
  /** What classification should find, for families that are LoRAs. */
  expected?: { keyFamily: string; base: string; rank: number; hasTextEncoder: boolean };
  /** What reading should fail with, for broken files. */
  expectedError?: string;
}

const DTYPE_BYTES: Record<string, number> = { BF16: 2, F16: 2, F32: 4 };

/** The head of a safetensors file and the size of the data section that follows it. */
export function safetensorsHead(tensors: TensorSpec[], metadata?: Record<string, string>, dtype = "BF16") {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const [name, shape] of tensors) {
    const bytes = shape.reduce((a, b) => a * b, 1) * DTYPE_BYTES[dtype];
    header[name] = { dtype, shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (Buffer.byteLength(json) % 8)) % 8); // the reference writer pads to 8 bytes
  const body = Buffer.from(json, "utf8");
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(body.length));
  return { head: Buffer.concat([len, body]), dataBytes: offset };
}

function fixture(tensors: TensorSpec[], expected: SafetensorsFixture["expected"], metadata?: Record<string, string>): SafetensorsFixture {
  const { head, dataBytes } = safetensorsHead(tensors, metadata);
  return { head, size: head.length + dataBytes, expected };
}

/** [module, inFeatures, outFeatures] */
type Mod = [string, number, number];
type Style = "lora_AB" | "kohya" | "xlabs";

/** LoRA tensors for linear modules: down [rank, in], up [out, rank] (+ kohya's scalar alpha). */
export function loraTensors(mods: Mod[], rank: number, style: Style): TensorSpec[] {
  return mods.flatMap(([m, i, o]): TensorSpec[] => {
    if (style === "lora_AB") return [[`${m}.lora_A.weight`, [rank, i]], [`${m}.lora_B.weight`, [o, rank]]];
    if (style === "xlabs") return [[`${m}.down.weight`, [rank, i]], [`${m}.up.weight`, [o, rank]]];
    return [[`${m}.lora_down.weight`, [rank, i]], [`${m}.lora_up.weight`, [o, rank]], [`${m}.alpha`, []]];
  });
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// FLUX.1: hidden 3072, MLP 12288, 19 double + 38 single blocks. FLUX.2 [dev]: 6144, 18432, 8 + 48.
const F1 = { w: 3072, mlp: 12288, doubles: 19, singles: 38 };
const F2 = { w: 6144, mlp: 18432, doubles: 8, singles: 48 };

/** diffusers FluxTransformer2DModel module names (attention + feed-forward, as ai-toolkit trains). */
export function fluxDiffusersModules(prefix = "transformer.", f = F1, sep = "."): Mod[] {
  const { w, mlp } = f;
  const j = (s: string) => s.replaceAll(".", sep);
  const double = (b: string): Mod[] => [
    ...["to_q", "to_k", "to_v", "add_q_proj", "add_k_proj", "add_v_proj"].map((m): Mod => [j(`${b}.attn.${m}`), w, w]),
    [j(`${b}.attn.to_out.0`), w, w],
    [j(`${b}.attn.to_add_out`), w, w],
    [j(`${b}.ff.net.0.proj`), w, mlp],
    [j(`${b}.ff.net.2`), mlp, w],
    [j(`${b}.ff_context.net.0.proj`), w, mlp],
    [j(`${b}.ff_context.net.2`), mlp, w],
  ];
  const single = (b: string): Mod[] => [
    ...["to_q", "to_k", "to_v"].map((m): Mod => [j(`${b}.attn.${m}`), w, w]),
    [j(`${b}.proj_mlp`), w, mlp],
    [j(`${b}.proj_out`), w + mlp, w],
  ];
  return [
    ...range(f.doubles).flatMap((i) => double(`${prefix}transformer_blocks.${i}`)),
    ...range(f.singles).flatMap((i) => single(`${prefix}single_transformer_blocks.${i}`)),
  ];
}

/** Flux2Transformer2DModel names: fused single-block projection, 6144 wide. */
function flux2DiffusersModules(): Mod[] {
  const { w, mlp } = F2;
  return [
    ...range(F2.doubles).flatMap((i): Mod[] => [
      ...["to_q", "to_k", "to_v", "add_q_proj", "add_k_proj", "add_v_proj"].map((m): Mod => [`transformer.transformer_blocks.${i}.attn.${m}`, w, w]),
      [`transformer.transformer_blocks.${i}.attn.to_out.0`, w, w],
      [`transformer.transformer_blocks.${i}.attn.to_add_out`, w, w],
      [`transformer.transformer_blocks.${i}.ff.linear_in`, w, 2 * mlp],
      [`transformer.transformer_blocks.${i}.ff.linear_out`, mlp, w],
    ]),
    ...range(F2.singles).flatMap((i): Mod[] => [
      [`transformer.single_transformer_blocks.${i}.attn.to_qkv_mlp_proj`, w, 3 * w + 2 * mlp],
      [`transformer.single_transformer_blocks.${i}.attn.to_out`, w + mlp, w],
    ]),
  ];
}

/** BFL reference names (kohya writes them with `_` and a `lora_unet_` prefix). */
export function fluxBflModules(prefix = "diffusion_model.", sep = ".", f = F1): Mod[] {
  const { w, mlp } = f;
  const j = (s: string) => s.replaceAll(".", sep);
  const half = (b: string, s: "img" | "txt"): Mod[] => [
    [j(`${b}.${s}_attn.qkv`), w, 3 * w],
    [j(`${b}.${s}_attn.proj`), w, w],
    [j(`${b}.${s}_mlp.0`), w, mlp],
    [j(`${b}.${s}_mlp.2`), mlp, w],
    [j(`${b}.${s}_mod.lin`), w, 6 * w],
  ];
  return [
    ...range(f.doubles).flatMap((i) => [...half(`${prefix}double_blocks.${i}`, "img"), ...half(`${prefix}double_blocks.${i}`, "txt")]),
    ...range(f.singles).flatMap((i): Mod[] => [
      [j(`${prefix}single_blocks.${i}.linear1`), w, 3 * w + mlp],
      [j(`${prefix}single_blocks.${i}.linear2`), w + mlp, w],
      [j(`${prefix}single_blocks.${i}.modulation.lin`), w, 3 * w],
    ]),
  ];
}

/** CLIP text encoder modules as kohya names them (`lora_te_` for SD 1.5, `lora_te1_`/`lora_te2_` for SDXL and FLUX). */
export function clipModules(prefix: string, layers = 12, width = 768): Mod[] {
  return range(layers).flatMap((l): Mod[] => {
    const b = `${prefix}text_model_encoder_layers_${l}_`;
    return [
      ...["q_proj", "k_proj", "v_proj", "out_proj"].map((m): Mod => [`${b}self_attn_${m}`, width, width]),
      [`${b}mlp_fc1`, width, 4 * width],
      [`${b}mlp_fc2`, 4 * width, width],
    ];
  });
}

/** One SD U-Net transformer block, kohya-named; `ctx` is the cross-attention (text) width. */
function sdBlock(b: string, ch: number, ctx: number): Mod[] {
  return [
    ...["to_q", "to_k", "to_v", "to_out_0"].map((m): Mod => [`${b}_attn1_${m}`, ch, ch]),
    [`${b}_attn2_to_q`, ch, ch],
    [`${b}_attn2_to_k`, ctx, ch],
    [`${b}_attn2_to_v`, ctx, ch],
    [`${b}_attn2_to_out_0`, ch, ch],
    [`${b}_ff_net_0_proj`, ch, 8 * ch],
    [`${b}_ff_net_2`, 4 * ch, ch],
  ];
}

/** SD 1.5 U-Net, diffusers block names (kohya `lora_unet_down_blocks_…`). */
function sd15Modules(): Mod[] {
  const att = (b: string, ch: number): Mod[] => [[`${b}_proj_in`, ch, ch], ...sdBlock(`${b}_transformer_blocks_0`, ch, 768), [`${b}_proj_out`, ch, ch]];
  const chans = [320, 640, 1280];
  return [
    ...range(3).flatMap((d) => range(2).flatMap((a) => att(`lora_unet_down_blocks_${d}_attentions_${a}`, chans[d]))),
    ...att("lora_unet_mid_block_attentions_0", 1280),
    ...[1, 2, 3].flatMap((u) => range(3).flatMap((a) => att(`lora_unet_up_blocks_${u}_attentions_${a}`, chans[3 - u]))),
  ];
}

/** SDXL U-Net, LDM block names as sd-scripts writes them (`lora_unet_input_blocks_…`), depth 2 / 10. */
function sdxlModules(): Mod[] {
  const att = (b: string, ch: number, depth: number): Mod[] => [
    [`${b}_proj_in`, ch, ch],
    ...range(depth).flatMap((t) => sdBlock(`${b}_transformer_blocks_${t}`, ch, 2048)),
    [`${b}_proj_out`, ch, ch],
  ];
  return [
    ...[4, 5].flatMap((i) => att(`lora_unet_input_blocks_${i}_1`, 640, 2)),
    ...[7, 8].flatMap((i) => att(`lora_unet_input_blocks_${i}_1`, 1280, 10)),
    ...att("lora_unet_middle_block_1", 1280, 10),
    ...[0, 1, 2].flatMap((i) => att(`lora_unet_output_blocks_${i}_1`, 1280, 10)),
    ...[3, 4, 5].flatMap((i) => att(`lora_unet_output_blocks_${i}_1`, 640, 2)),
  ];
}

function xlabsModules(): Mod[] {
  const { w } = F1;
  return range(F1.doubles).flatMap((i): Mod[] => [
    [`double_blocks.${i}.processor.qkv_lora1`, w, 3 * w],
    [`double_blocks.${i}.processor.proj_lora1`, w, w],
    [`double_blocks.${i}.processor.qkv_lora2`, w, 3 * w],
    [`double_blocks.${i}.processor.proj_lora2`, w, w],
  ]);
}

function raw(bytes: Buffer, size = bytes.length, expectedError?: string): SafetensorsFixture {
  return { head: bytes, size, expectedError };
}

function lengthPrefixed(n: bigint, rest: string): Buffer {
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(n);
  return Buffer.concat([len, Buffer.from(rest, "utf8")]);
}

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const HTML = Buffer.from(
  `<!DOCTYPE html><html><head><title>anime_lora.safetensors · XLabs-AI/flux-lora-collection</title></head><body>${"<p>model card</p>".repeat(4000)}</body></html>`,
);

function build() {
  const corruptJson = '{"transformer.transformer_blocks.0.attn.to_q.lora_A.weight": {"dtype": "BF16", "shape": [16, 3072], "data_offsets": [0,';
  return {
    "flux1-diffusers": fixture(loraTensors(fluxDiffusersModules(), 16, "lora_AB"), { keyFamily: "diffusers", base: "flux1", rank: 16, hasTextEncoder: false }, {
      format: "pt",
      software: '{"name": "ai-toolkit"}',
    }),
    "flux1-peft": fixture(loraTensors(fluxDiffusersModules("base_model.model."), 32, "lora_AB"), { keyFamily: "peft", base: "flux1", rank: 32, hasTextEncoder: false }),
    "flux1-kohya": fixture(
      [...loraTensors(fluxBflModules("lora_unet_", "_"), 16, "kohya"), ...loraTensors(clipModules("lora_te1_"), 16, "kohya")],
      { keyFamily: "kohya", base: "flux1", rank: 16, hasTextEncoder: true },
      { ss_base_model_version: "flux1", ss_network_module: "networks.lora_flux", ss_network_dim: "16", ss_network_alpha: "16" },
    ),
    "flux1-bfl": fixture(loraTensors(fluxBflModules(), 8, "lora_AB"), { keyFamily: "bfl", base: "flux1", rank: 8, hasTextEncoder: false }),
    "flux1-xlabs": fixture(loraTensors(xlabsModules(), 16, "xlabs"), { keyFamily: "xlabs", base: "flux1", rank: 16, hasTextEncoder: false }),
    "flux1-kohya-diffusers": fixture(loraTensors(fluxDiffusersModules("lora_transformer_", F1, "_"), 4, "kohya"), {
      keyFamily: "kohya-diffusers",
      base: "flux1",
      rank: 4,
      hasTextEncoder: false,
    }),
    "flux2-diffusers": fixture(loraTensors(flux2DiffusersModules(), 16, "lora_AB"), { keyFamily: "diffusers", base: "flux2", rank: 16, hasTextEncoder: false }),
    sdxl: fixture(
      [...loraTensors(sdxlModules(), 32, "kohya"), ...loraTensors(clipModules("lora_te1_"), 32, "kohya"), ...loraTensors(clipModules("lora_te2_", 32, 1280), 32, "kohya")],
      { keyFamily: "sdxl", base: "sdxl", rank: 32, hasTextEncoder: true },
      { ss_base_model_version: "sdxl_base_v1-0", "modelspec.architecture": "stable-diffusion-xl-v1-base/lora" },
    ),
    sd15: fixture([...loraTensors(sd15Modules(), 8, "kohya"), ...loraTensors(clipModules("lora_te_"), 8, "kohya")], {
      keyFamily: "sd",
      base: "sd15",
      rank: 8,
      hasTextEncoder: true,
    }),
    /** A small but valid FLUX.1 LoRA: small enough to read whole when a server ignores Range. */
    "flux1-tiny": fixture(loraTensors(fluxBflModules().slice(0, 4), 1, "lora_AB"), { keyFamily: "bfl", base: "flux1", rank: 1, hasTextEncoder: false }),
    corrupt: raw(lengthPrefixed(BigInt(corruptJson.length), corruptJson), 4096, "corrupt_header"),
    "claims-2gb": raw(lengthPrefixed(2n ** 31n, '{"a":'), 4096, "header_too_large"),
    png: raw(PNG, PNG.length, "not_safetensors"),
    html: raw(HTML, HTML.length, "not_safetensors"),
  } satisfies Record<string, SafetensorsFixture>;
}

export type FixtureName = keyof ReturnType<typeof build>;

let cache: ReturnType<typeof build> | undefined;

/** All fixtures, built once per process. */
export function safetensorsFixtures(): ReturnType<typeof build> {
  cache ??= build();
  return cache;
}
