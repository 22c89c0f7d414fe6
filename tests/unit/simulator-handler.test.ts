import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createSimulatorHandler, type SimulatorOptions } from "@/lib/together/simulator/handler";
import { createSimulatorFetch } from "@/lib/together/simulator/fetch";
import { validateErrorBody, validateImageResponse } from "@/lib/together/contract/validate";

const URL_BASE = "https://sim.test/v1";
const body = {
  model: "black-forest-labs/FLUX.2-dev",
  prompt: "a lighthouse in a storm",
  width: 512,
  height: 512,
  n: 2,
  seed: 7,
  response_format: "base64",
  image_loras: [{ path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 1 }],
};

function post(payload: unknown, headers: Record<string, string> = { authorization: "Bearer k" }): Request {
  return new Request(`${URL_BASE}/images/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
}

/** Every answer must be in Together's contract: success bodies as ImageResponse, others as ErrorData. */
async function call(request: Request, options?: SimulatorOptions) {
  const response = await createSimulatorHandler(options)(request);
  const json = await response.json();
  expect(response.headers.get("x-simulator")).toBe("true");
  expect(response.ok ? validateImageResponse(json) : validateErrorBody(json)).toEqual({ valid: true });
  return { status: response.status, json };
}

describe("createSimulatorHandler", () => {
  it("answers base64 images in Together's response shape", async () => {
    const { status, json } = await call(post(body));
    expect(status).toBe(200);
    expect(json).toMatchObject({ model: body.model, object: "list" });
    expect(json.id).toMatch(/^sim-/);
    expect(json.data.map((d: { index: number; type: string }) => [d.index, d.type])).toEqual([[0, "b64_json"], [1, "b64_json"]]);
    const meta = await sharp(Buffer.from(json.data[0].b64_json, "base64")).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 512, height: 512 });
    expect(json.data[0].b64_json).not.toBe(json.data[1].b64_json);
  });

  it("works under any base path", async () => {
    const request = new Request("http://localhost:9/some/prefix/images/generations", { method: "POST", headers: { authorization: "Bearer k" }, body: JSON.stringify(body) });
    expect((await call(request)).status).toBe(200);
  });

  it.each<Record<string, string>>([{}, { authorization: "Bearer " }, { authorization: "Basic abc" }])("answers 401 without a bearer key (%j)", async (headers) => {
    const { status, json } = await call(post(body, headers));
    expect(status).toBe(401);
    expect(json.error.message).toMatch(/Invalid API key/);
  });

  it("answers 400 on malformed JSON and on invalid requests, 404 on an unknown model", async () => {
    expect((await call(post('{"model": '))).status).toBe(400);
    expect((await call(post({ ...body, width: 100 }))).json.error.param).toBe("width");
    expect((await call(post({ ...body, model: "acme/none" }))).status).toBe(404);
  });

  it("answers 400 on a non-FLUX LoRA with `has unused keys`", async () => {
    const { status, json } = await call(post({ ...body, image_loras: [{ path: "https://huggingface.co/a/pixel-art-sdxl", scale: 1 }] }));
    expect(status).toBe(400);
    expect(json.error.message).toContain("has unused keys lora_unet_down_blocks_0_attentions_0_proj_in.alpha");
  });

  it("needs base64 when it has no public URL", async () => {
    const { status, json } = await call(post({ ...body, response_format: "url" }));
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ param: "response_format", message: expect.stringContaining("base64") });
  });

  it("serves url results from a bounded in-memory store", async () => {
    const handler = createSimulatorHandler({ publicBaseUrl: `${URL_BASE}/`, maxStoredImages: 2 });
    const response = await handler(post({ ...body, n: 1, response_format: "url", output_format: "png" }));
    const json = await response.json();
    expect(validateImageResponse(json)).toEqual({ valid: true });
    const url: string = json.data[0].url;
    expect(url).toMatch(new RegExp(`^${URL_BASE}/simulator/files/[A-Za-z0-9_-]+$`));

    const file = await handler(new Request(url));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).width).toBe(512);

    await handler(post({ ...body, n: 2, response_format: "url" })); // pushes the first image out
    const gone = await handler(new Request(url));
    expect(gone.status).toBe(404);
    expect(validateErrorBody(await gone.json())).toEqual({ valid: true });
  });

  it("rejects other methods and paths in Together's error shape", async () => {
    expect((await call(new Request(`${URL_BASE}/images/generations`))).status).toBe(405);
    expect((await call(new Request(`${URL_BASE}/chat/completions`, { method: "POST" }))).status).toBe(404);
  });
});

describe("createSimulatorFetch", () => {
  it("routes fetch calls to the simulator in-process", async () => {
    const fetch = createSimulatorFetch();
    const response = await fetch(`${URL_BASE}/images/generations`, { method: "POST", headers: { authorization: "Bearer k" }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    expect(validateImageResponse(await response.json())).toEqual({ valid: true });
  });

  it("rejects with an AbortError when the signal aborts, like fetch", async () => {
    const fetch = createSimulatorFetch({ latencyMs: 5_000 });
    const controller = new AbortController();
    const pending = fetch(`${URL_BASE}/images/generations`, { method: "POST", headers: { authorization: "Bearer k" }, body: JSON.stringify(body), signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
