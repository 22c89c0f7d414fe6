import { describe, expect, it } from "vitest";
import { newOwnerId, signOwnerToken, verifyOwnerToken } from "@/lib/owner/token";

describe("owner tokens", () => {
  const secret = "s3cret-for-tests";

  it("round-trips a signed owner id", () => {
    const id = newOwnerId();
    expect(verifyOwnerToken(signOwnerToken(id, secret), secret)).toBe(id);
  });

  it("owner ids carry 128 random bits", () => {
    const ids = new Set(Array.from({ length: 1000 }, newOwnerId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(Buffer.from(id, "base64url")).toHaveLength(16);
  });

  it("rejects tampered, foreign-secret, malformed and missing tokens", () => {
    const id = newOwnerId();
    const token = signOwnerToken(id, secret);
    const other = newOwnerId();
    expect(verifyOwnerToken(`${other}${token.slice(id.length)}`, secret)).toBeNull();
    expect(verifyOwnerToken(signOwnerToken(id, "another-secret"), secret)).toBeNull();
    expect(verifyOwnerToken(`${id}.`, secret)).toBeNull();
    expect(verifyOwnerToken("garbage", secret)).toBeNull();
    expect(verifyOwnerToken(undefined, secret)).toBeNull();
  });
});
