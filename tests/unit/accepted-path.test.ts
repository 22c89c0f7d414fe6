import { describe, expect, it } from "vitest";
import { checkLoraPath } from "@/lib/loras/accepted-path";

const VERSION = "d0d48e298e5d2f8b4b5f2c3b5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f";

describe("checkLoraPath accepts the forms in platform.md §2", () => {
  it.each([
    ["https://huggingface.co/multimodalart/flux-tarot-v1", "huggingface-repo"],
    ["https://huggingface.co/strangerzonehf/Flux-Midjourney-Mix2-LoRA", "huggingface-repo"],
    ["https://huggingface.co/multimodalart/flux-tarot-v1/", "huggingface-repo"],
    ["https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", "huggingface-file"],
    ["https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors?download=true", "huggingface-file"],
    ["https://huggingface.co/owner/repo/resolve/3f2a9c1/sub/dir/lora.safetensors", "huggingface-file"],
    ["https://civitai.com/api/download/models/913438?type=Model&format=SafeTensor", "civitai"],
    ["https://civitai.com/api/download/models/913438", "civitai"],
    ["https://replicate.com/fofr/flux-black-light", "replicate-model"],
    [`https://replicate.com/fofr/flux-black-light/versions/${VERSION}`, "replicate-version"],
    ["https://mybucket.s3.amazonaws.com/my_special_lora.safetensors", "direct-file"],
    ["https://cdn.example.com/loras/My%20Style.SAFETENSORS?X-Amz-Signature=abc", "direct-file"],
  ])("%s → %s", (path, source) => {
    expect(checkLoraPath(path)).toEqual({ ok: true, source });
  });
});

describe("checkLoraPath rejects what Together cannot load", () => {
  it.each([
    ["https://huggingface.co/XLabs-AI/flux-lora-collection/blob/main/anime_lora.safetensors", /\/resolve\//],
    ["http://huggingface.co/multimodalart/flux-tarot-v1", /https/],
    ["http://mybucket.s3.amazonaws.com/my_special_lora.safetensors", /https/],
    ["ftp://example.com/lora.safetensors", /https/],
    ["https://example.com/lora.ckpt", /pickled.*safetensors/],
    ["https://example.com/lora.pt", /pickled/],
    ["https://example.com/pytorch_lora_weights.bin", /pickled/],
    ["https://huggingface.co/owner/repo/resolve/main/pytorch_lora_weights.bin", /pickled/],
    ["https://huggingface.co/owner/repo/resolve/main/README.md", /\.safetensors/],
    ["https://huggingface.co/owner/repo/resolve/main", /revision and a file/],
    ["https://huggingface.co/owner/repo/tree/main", /\/resolve\//],
    ["https://huggingface.co/owner/repo/raw/main/lora.safetensors", /\/resolve\//],
    ["https://huggingface.co/multimodalart", /owner and a repo/],
    ["https://huggingface.co/datasets/owner/repo", /not a model repo/],
    ["https://huggingface.co/spaces/owner/app", /not a model repo/],
    ["https://huggingface.co/owner/repo?library=diffusers", /query/],
    ["https://civitai.com/models/640459?modelVersionId=913438", /page link.*api\/download\/models/],
    ["https://civitai.com/api/download/models/abc", /download link/],
    ["https://replicate.com/fofr", /must name a model/],
    ["https://replicate.com/explore", /must name a model/],
    ["https://replicate.com/fofr/flux-black-light/versions/", /versions/],
    ["https://replicate.com/fofr/flux-black-light/versions/not-hex!", /versions/],
    ["https://example.com/lora", /not one of the forms/],
    ["https://example.com/lora.safetensors.zip", /not one of the forms/],
    ["https://localhost/lora.safetensors", /cannot reach localhost/],
    ["https://192.168.1.5/lora.safetensors", /cannot reach/],
    ["https://[::1]/lora.safetensors", /cannot reach/],
    ["https://user:pw@example.com/lora.safetensors", /password/],
    ["https://example.com/lora.safetensors#frag", /fragment/],
    [" https://huggingface.co/multimodalart/flux-tarot-v1", /spaces/],
    ["huggingface.co/multimodalart/flux-tarot-v1", /Not a URL/],
    ["multimodalart/flux-tarot-v1", /Not a URL/],
    ["", /empty/],
  ])("%j is rejected", (path, reason) => {
    const result = checkLoraPath(path);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
