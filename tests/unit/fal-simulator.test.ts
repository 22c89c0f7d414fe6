import { describe, expect, it } from "vitest";
import { FAL_SIMULATOR_ORIGIN, createFalSimulatorHandler, type FalSimulatorOptions } from "@/lib/fal/simulator/handler";

const origin = FAL_SIMULATOR_ORIGIN;
const key = { authorization: "Key id:secret" };
const input = { prompt: "a fox", image_size: { width: 512, height: 512 }, num_images: 1, seed: 1, output_format: "jpeg", sync_mode: false };

function setup(options: FalSimulatorOptions = {}) {
  const handler = createFalSimulatorHandler(options);
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = key) => {
    const response = await handler(new Request(url, { method, headers: { ...headers, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }));
    const type = response.headers.get("content-type") ?? "";
    return { status: response.status, headers: response.headers, body: type.includes("json") ? await response.json() : Buffer.from(await response.arrayBuffer()) };
  };
  const submit = (endpoint = "fal-ai/flux-2/lora", body: unknown = input) => call("POST", `${origin}/${endpoint}`, body);
  return { call, submit };
}

describe("fal simulator: queue protocol", () => {
  it("submit answers IN_QUEUE with URLs under the endpoint's app path (subpath dropped)", async () => {
    const { submit } = setup();
    const { status, body } = await submit();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "IN_QUEUE", queue_position: 0, request_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const root = `${origin}/fal-ai/flux-2/requests/${body.request_id}`;
    expect(body).toMatchObject({ response_url: root, status_url: `${root}/status`, cancel_url: `${root}/cancel` });
  });

  it("status goes IN_QUEUE → IN_PROGRESS → COMPLETED after the configured polls, then the result and its files", async () => {
    const { submit, call } = setup({ pollsBeforeCompleted: 2 });
    const { body: q } = await submit();
    expect((await call("GET", q.status_url)).body.status).toBe("IN_QUEUE");
    expect((await call("GET", `${q.status_url}?logs=1`)).body).toMatchObject({ status: "IN_PROGRESS", logs: [] });
    expect((await call("GET", q.response_url)).status).toBe(400); // not finished yet
    expect((await call("GET", q.status_url)).body.status).toBe("COMPLETED");
    const result = await call("GET", q.response_url);
    expect(result.status).toBe(200);
    expect(result.headers.get("x-fal-request-id")).toBe(q.request_id);
    expect(result.body.images[0]).toMatchObject({ url: expect.stringMatching(`^${origin}/simulator/files/`), width: 512, height: 512, content_type: "image/jpeg" });
    const file = await call("GET", result.body.images[0].url, undefined, {});
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    expect((file.body as Buffer).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it("polling under the full endpoint path is not found: fal drops the subpath", async () => {
    const { submit, call } = setup();
    const { body: q } = await submit();
    expect((await call("GET", `${origin}/fal-ai/flux-2/lora/requests/${q.request_id}/status`)).status).toBe(404);
    expect((await call("GET", `${origin}/fal-ai/flux-lora/requests/${q.request_id}/status`)).status).toBe(404);
  });

  it("cancel: 202 CANCELLATION_REQUESTED while queued, 400 ALREADY_COMPLETED after", async () => {
    const { submit, call } = setup({ pollsBeforeCompleted: 0 });
    const { body: a } = await submit();
    expect(await call("PUT", a.cancel_url)).toMatchObject({ status: 202, body: { status: "CANCELLATION_REQUESTED" } });
    expect((await call("GET", a.status_url)).body.status).toBe("COMPLETED");
    expect(await call("GET", a.response_url)).toMatchObject({ status: 499, body: { error_type: "client_cancelled" } });
    const { body: b } = await submit();
    await call("GET", b.status_url);
    expect(await call("PUT", b.cancel_url)).toMatchObject({ status: 400, body: { status: "ALREADY_COMPLETED" } });
    expect((await call("GET", b.cancel_url)).status).toBe(405);
  });

  it("latency holds completion back however often it is polled", async () => {
    const { submit, call } = setup({ pollsBeforeCompleted: 0, latencyMs: 150 });
    const { body: q } = await submit();
    expect((await call("GET", q.status_url)).body.status).not.toBe("COMPLETED");
    await new Promise((r) => setTimeout(r, 160));
    expect((await call("GET", q.status_url)).body.status).toBe("COMPLETED");
  });

  it("sync_mode answers data URIs and the output format is honoured", async () => {
    const { submit, call } = setup({ pollsBeforeCompleted: 0 });
    const { body: q } = await submit("fal-ai/flux-2/lora", { prompt: "p", image_size: { width: 512, height: 512 }, sync_mode: true, output_format: "webp" });
    await call("GET", q.status_url);
    const { body } = await call("GET", q.response_url);
    expect(body.images[0].url).toMatch(/^data:image\/webp;base64,UklGR/);
  });

  it("a path under publicBaseUrl is served (a gateway with a path)", async () => {
    const handler = createFalSimulatorHandler({ publicBaseUrl: "http://127.0.0.1:9/gw" });
    const res = await handler(new Request("http://127.0.0.1:9/gw/fal-ai/flux-lora", { method: "POST", headers: key, body: JSON.stringify(input) }));
    expect(await res.json()).toMatchObject({ status_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:9\/gw\/fal-ai\/flux-lora\/requests\/.+\/status$/) });
  });
});

describe("fal simulator: errors in fal's shapes", () => {
  it("401 without a well-formed Key header, on every queue call", async () => {
    const { call, submit } = setup();
    for (const headers of [{} as Record<string, string>, { authorization: "Bearer x" }, { authorization: "Key nocolon" }]) {
      expect(await call("POST", `${origin}/fal-ai/flux-lora`, input, headers)).toMatchObject({ status: 401, body: { detail: expect.stringMatching(/Expected '<key_id>:<key_secret>'/) } });
    }
    const { body: q } = await submit();
    expect((await call("GET", q.status_url, undefined, {})).status).toBe(401);
  });

  it("an unknown endpoint is 404", async () => {
    const { submit } = setup();
    expect(await submit("fal-ai/flux-pro")).toMatchObject({ status: 404, body: { detail: "Application 'fal-ai/flux-pro' not found" } });
  });

  it("422 with pydantic-style detail items for schema and limit problems", async () => {
    const { submit } = setup();
    expect(await submit("fal-ai/flux-2/lora", { ...input, image_size: { width: 4000, height: 256 }, num_images: 9 })).toMatchObject({
      status: 422,
      body: {
        detail: expect.arrayContaining([
          { loc: ["body", "image_size", "width"], msg: "Input should be less than or equal to 2048", type: "less_than_equal" },
          { loc: ["body", "image_size", "height"], msg: "Input should be greater than or equal to 512", type: "greater_than_equal" },
          { loc: ["body", "num_images"], msg: "Input should be less than or equal to 4", type: "less_than_equal" },
        ]),
      },
    });
    const fourLoras = { ...input, image_size: "square_hd", loras: Array.from({ length: 4 }, () => ({ path: "a/b", scale: 1 })) };
    expect(await submit("fal-ai/flux-2/lora", fourLoras)).toMatchObject({ status: 422, body: { detail: [{ loc: ["body", "loras"], type: "too_long" }] } });
    expect(await submit("fal-ai/flux-lora", { ...input, image_size: "huge" })).toMatchObject({ status: 422, body: { detail: [{ loc: ["body", "image_size"], type: "literal_error" }] } });
    expect(await submit("fal-ai/flux-lora", { image_size: "square" })).toMatchObject({ status: 422, body: { detail: [{ loc: ["body", "prompt"], msg: "Field required", type: "missing" }] } });
    expect(await submit("fal-ai/flux-lora", { ...input, loras: [{ path: "not a path", scale: 1 }] })).toMatchObject({ status: 422, body: { detail: [{ loc: ["body", "loras", 0, "path"] }] } });
  });
});
