import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { toCurl, toPython, toTypeScript } from "@/lib/generation/code-export";
import type { ImageRequest } from "@/lib/together/types";

const request: ImageRequest = {
  model: "black-forest-labs/FLUX.1-dev-lora",
  prompt: `in the style of TOK a trtcrd tarot style, a cat's "moon" \\ dream`,
  width: 1024,
  height: 768,
  steps: 28,
  n: 2,
  seed: 7,
  response_format: "base64",
  output_format: "jpeg",
  image_loras: [{ path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8 }],
};

describe("copy as code", () => {
  it("cURL sends byte-for-byte the same JSON body (checked by a real shell)", () => {
    // Replace curl with a printer of its last argument and run the snippet in bash.
    const script = `curl() { printf '%s' "\${@: -1}"; }\n${toCurl(request)}`;
    const sent = execFileSync("bash", ["-c", script], { encoding: "utf8", env: { ...process.env, TOGETHER_API_KEY: "k" } });
    expect(JSON.parse(sent)).toEqual(request);
    expect(toCurl(request)).toContain("Authorization: Bearer $TOGETHER_API_KEY");
  });

  it("TypeScript is valid JS that passes the same arguments to images.generate", () => {
    const ts = toTypeScript(request);
    expect(ts).toContain(`import Together from "together-ai";`);
    const call = ts.slice(ts.indexOf("together.images.generate(") + "together.images.generate(".length, ts.lastIndexOf(");"));
    expect(new Function(`return (${call});`)()).toEqual(request);
  });

  it("Python uses the together SDK with the same values", () => {
    const py = toPython(request);
    expect(py).toContain("from together import Together");
    expect(py).toContain(`    prompt="in the style of TOK a trtcrd tarot style, a cat's \\"moon\\" \\\\ dream",`);
    expect(py).toContain(`"scale": 0.8`);
    expect(py).toContain("    n=2,");
  });

  it("Python is valid Python when python3 is available", () => {
    let python = true;
    try {
      execFileSync("python3", ["--version"]);
    } catch {
      python = false;
    }
    if (!python) return;
    // Stub the SDK and echo the kwargs back as JSON.
    const stub = `import json, sys, types\nm = types.ModuleType("together")\nclass _I:\n    def generate(self, **kw):\n        print(json.dumps(kw)); sys.exit(0)\nclass Together:\n    def __init__(self): self.images = _I()\nm.Together = Together\nsys.modules["together"] = m\n`;
    const out = execFileSync("python3", ["-c", stub + toPython(request)], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual(request);
  });
});
