import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seal } from "@/lib/owner/sealed";

// The own-key cookie as the server reads it (next/headers mocked): a value whose AES-GCM tag
// was cut to 4, 8 or 12 bytes must not be accepted; GCM itself verifies shortened tags.

const jar = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "lorascope_together_key" && jar.value ? { name, value: jar.value } : undefined),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers({ host: "lorascope.test" }),
}));

const APP_SECRET = "own-key-cookie-test-secret-0123456789";
const KEY = "tgp_v1_own_key_for_tests_abcd";
const saved = { ...process.env };

describe("own-key cookie", () => {
  let getOwnApiKey: () => Promise<string | null>;
  beforeAll(async () => {
    process.env = { ...saved, APP_SECRET };
    vi.resetModules();
    ({ getOwnApiKey } = await import("@/lib/owner/own-key"));
  });
  afterAll(() => {
    process.env = saved;
  });

  const sealed = () => seal(KEY, APP_SECRET, "together-api-key");

  it("reads a cookie sealed with the full 16-byte tag", async () => {
    jar.value = sealed();
    expect(await getOwnApiKey()).toBe(KEY);
  });

  it.each([4, 8, 12, 15])("refuses the same cookie with its tag cut to %i bytes", async (bytes) => {
    const [iv, tag, data] = sealed().split(".");
    const short = Buffer.from(tag, "base64url").subarray(0, bytes);
    jar.value = [iv, short.toString("base64url"), data].join(".");
    expect(await getOwnApiKey()).toBeNull();
  });

  it("refuses a tag longer than 16 bytes", async () => {
    const [iv, tag, data] = sealed().split(".");
    jar.value = [iv, Buffer.concat([Buffer.from(tag, "base64url"), Buffer.from([0])]).toString("base64url"), data].join(".");
    expect(await getOwnApiKey()).toBeNull();
  });
});
