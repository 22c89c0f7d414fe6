import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { toFalCurl, toFalPython, toFalTypeScript } from "@/lib/fal/code-export";
import { falInput } from "@/lib/fal/request";

const endpoint = "fal-ai/flux-2/lora";
const input = falInput({
  model: endpoint,
  prompt: `trtcrd, a cat's "moon" \\ dream`,
  width: 1024,
  height: 768,
  steps: 28,
  n: 2,
  seed: 7,
  guidance: 2.5,
  loras: [
    { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8 },
    { path: "https://civitai.com/api/download/models/123456", scale: 1.1 },
  ],
});

function hasPython(): boolean {
  try {
    execFileSync("python3", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

describe("fal request as code", () => {
  it("cURL submits byte-for-byte the same JSON to the queue, then polls and fetches under the app path (run by a real bash)", () => {
    // Stand-ins: curl prints its arguments (unit-separated, one call per record), jq yields a request id.
    const script = [
      `curl() { for a in "$@"; do printf '%s\\037' "$a"; done; printf '\\036'; }`,
      `jq() { cat >&2; echo req-123; }`,
      toFalCurl(endpoint, input),
    ].join("\n");
    const all = execFileSync("bash", ["-c", `{ ${script}\n} 2>&1`], { encoding: "utf8", env: { ...process.env, FAL_KEY: "id:secret" } });
    const calls = all.split("\x1e").filter(Boolean).map((c) => c.split("\x1f").filter(Boolean));
    expect(calls).toHaveLength(3);
    expect(calls[0].slice(0, 4)).toEqual(["-s", "-X", "POST", "https://queue.fal.run/fal-ai/flux-2/lora"]);
    const submit = calls[0];
    expect(submit).toContain("Authorization: Key id:secret");
    expect(JSON.parse(submit[submit.indexOf("-d") + 1])).toEqual(input);
    expect(calls[1]).toEqual(["-s", "https://queue.fal.run/fal-ai/flux-2/requests/req-123/status", "-H", "Authorization: Key id:secret"]);
    expect(calls[2]).toEqual(["-s", "https://queue.fal.run/fal-ai/flux-2/requests/req-123", "-H", "Authorization: Key id:secret"]);
  });

  it("TypeScript calls fal.subscribe with the endpoint and exactly the input", async () => {
    const ts = toFalTypeScript(endpoint, input);
    expect(ts).toContain(`import { fal } from "@fal-ai/client";`);
    // Run it as JS with a stub client that records the call.
    const seen: unknown[] = [];
    const fal = { subscribe: async (id: string, options: unknown) => (seen.push(id, options), { data: { images: [{ url: "u" }] } }) };
    const body = ts.replace(/^import .*$/m, "").replace("console.log(", "log(");
    await new Function("fal", "log", `return (async () => {${body}})();`)(fal, () => undefined);
    expect(seen).toEqual([endpoint, { input }]);
  });

  it.runIf(hasPython())("Python calls fal_client.subscribe with the endpoint and exactly the arguments", () => {
    const stub = [
      "import json, sys, types",
      `m = types.ModuleType("fal_client")`,
      "def subscribe(endpoint, arguments):",
      "    print(json.dumps([endpoint, arguments])); sys.exit(0)",
      "m.subscribe = subscribe",
      `sys.modules["fal_client"] = m`,
      "",
    ].join("\n");
    const out = execFileSync("python3", ["-c", stub + toFalPython(endpoint, input)], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual([endpoint, input]);
    expect(toFalPython(endpoint, input)).toContain(`"enable_safety_checker": True`);
  });
});
