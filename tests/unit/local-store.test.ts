import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { imageKey, sha256Hex } from "@/lib/storage/keys";
import { createLocalImageStore } from "@/lib/storage/local";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-store-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("local image store", () => {
  const store = createLocalImageStore(root);
  const bytes = Buffer.from("not really a jpeg");
  const key = imageKey(sha256Hex(bytes), "image/jpeg");

  it("keys are content-addressed with fan-out folders", () => {
    expect(key).toMatch(/^images\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
    expect(() => imageKey("abc", "image/jpeg")).toThrow();
  });

  it("writes, reads back and deletes", async () => {
    await store.put(key, bytes, "image/jpeg");
    expect(await store.get(key)).toEqual(bytes);
    expect(fs.readdirSync(path.dirname(path.join(root, key)))).toEqual([path.basename(key)]);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it("refuses keys that escape the store", async () => {
    await expect(store.get("../../etc/passwd")).rejects.toThrow(/escapes/);
  });
});
