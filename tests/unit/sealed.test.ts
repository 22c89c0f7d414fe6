import { describe, expect, it } from "vitest";
import { seal, unseal } from "@/lib/owner/sealed";

describe("sealed cookie values", () => {
  const secret = "app-secret-for-tests";
  it("round-trip, and the sealed form does not contain the key", () => {
    const sealed = seal("tgp_v1_abcdef123456", secret, "together-api-key");
    expect(sealed).not.toContain("abcdef");
    expect(unseal(sealed, secret, "together-api-key")).toBe("tgp_v1_abcdef123456");
  });
  it("differ each time (random IV)", () => {
    expect(seal("k", secret, "p")).not.toBe(seal("k", secret, "p"));
  });
  it("refuse tampering, another secret, another purpose and garbage", () => {
    const sealed = seal("tgp_v1_abcdef123456", secret, "together-api-key");
    const [iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    expect(unseal([iv, tag, flipped.toString("base64url")].join("."), secret, "together-api-key")).toBeNull();
    expect(unseal(sealed, "other-secret", "together-api-key")).toBeNull();
    expect(unseal(sealed, secret, "owner")).toBeNull();
    expect(unseal("a.b", secret, "p")).toBeNull();
    expect(unseal(undefined, secret, "p")).toBeNull();
  });
});
