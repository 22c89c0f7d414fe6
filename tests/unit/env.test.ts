import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("runs on the simulator with embedded defaults when nothing is set", () => {
    const e = parseEnv({});
    expect(e.providerMode).toBe("simulator");
    expect(e.dataDir).toBe(path.resolve("data"));
    expect(e.allowPrivateFetch).toBe(false);
    expect(e.hfEndpoint).toBe("https://huggingface.co");
    expect(e.civitaiBaseUrl).toBe("https://civitai.com/api/v1");
    expect(e.togetherMaxRetries).toBe(2);
  });

  it("switches to Together when a key is set, unless the simulator is forced", () => {
    expect(parseEnv({ TOGETHER_API_KEY: "k" }).providerMode).toBe("together");
    expect(parseEnv({ TOGETHER_API_KEY: "k", LORASCOPE_SIMULATOR: "true" }).providerMode).toBe("simulator");
    expect(parseEnv({ TOGETHER_API_KEY: "" }).providerMode).toBe("simulator");
  });

  it("reads ALLOW_PRIVATE_FETCH only as an explicit opt-in", () => {
    expect(parseEnv({ ALLOW_PRIVATE_FETCH: "true" }).allowPrivateFetch).toBe(true);
    expect(parseEnv({ ALLOW_PRIVATE_FETCH: "1" }).allowPrivateFetch).toBe(true);
    expect(parseEnv({ ALLOW_PRIVATE_FETCH: "false" }).allowPrivateFetch).toBe(false);
    expect(() => parseEnv({ ALLOW_PRIVATE_FETCH: "yes please" })).toThrow();
  });

  it("rejects a TOGETHER_BASE_URL that is not a URL", () => {
    expect(() => parseEnv({ TOGETHER_BASE_URL: "not a url" })).toThrow();
    expect(parseEnv({ TOGETHER_BASE_URL: "http://127.0.0.1:4010/v1" }).togetherBaseUrl).toBe("http://127.0.0.1:4010/v1");
  });

  it("takes the public origin from APP_URL, PUBLIC_BASE_URL as its older alias; TRUST_PROXY is off unless set", () => {
    expect(parseEnv({}).publicBaseUrl).toBeNull();
    expect(parseEnv({ APP_URL: "https://a.example" }).publicBaseUrl).toBe("https://a.example");
    expect(parseEnv({ PUBLIC_BASE_URL: "https://b.example" }).publicBaseUrl).toBe("https://b.example");
    expect(parseEnv({ APP_URL: "https://a.example", PUBLIC_BASE_URL: "https://b.example" }).publicBaseUrl).toBe("https://a.example");
    expect(() => parseEnv({ APP_URL: "ftp://a.example" })).toThrow();
    expect(parseEnv({}).trustProxy).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
  });
});
