import { beforeAll, describe, expect, it } from "vitest";
import { gridKeyNote } from "@/lib/grid/key-note";

// Which key pays for a grid: scopes an instance may claim, the sealed keys a grid carries,
// and the sentence the builder shows before anything is spent.

beforeAll(() => {
  // Read once per process by lib/env.ts: set before the modules below first ask.
  process.env.APP_SECRET = "unit-test-secret";
  process.env.TOGETHER_API_KEY = "deployment-key";
});

describe("key scopes", () => {
  it("an own key's scope names neither key nor secret, and only instances with the same endpoint and secret serve it", async () => {
    const { canServe, isOwnKeyScope, keyScopeFor, servableKeyScopes } = await import("@/lib/providers/key-scope");
    const own = keyScopeFor("together", "tgp_v1_secret_key_9999");
    expect(own).toMatch(/^together:own:[0-9a-f]{16}:[0-9a-f]{16}$/);
    expect(own).not.toContain("9999");
    expect(isOwnKeyScope(own)).toBe(true);
    const deployment = keyScopeFor("together", null);
    expect(isOwnKeyScope(deployment)).toBe(false);
    const here = servableKeyScopes();
    expect(canServe(own, here)).toBe(true);
    expect(canServe(keyScopeFor("together", "another_key"), here)).toBe(true);
    expect(canServe(deployment, here)).toBe(true);
    // Another deployment's key, or an own key sealed elsewhere (another instance tag), is not ours.
    expect(canServe("together:deployment:0000000000000000", here)).toBe(false);
    expect(canServe(own.replace(/own:[0-9a-f]{16}/, "own:0000000000000000"), here)).toBe(false);
    // fal's own keys are matched on fal's prefix only.
    expect(canServe(keyScopeFor("fal", "fal-key"), { exact: [], prefixes: here.prefixes.filter((p) => p.startsWith("together")) })).toBe(false);
  });
});

describe("a grid's sealed keys", () => {
  it("keep only the providers the grid uses, read back exactly, and lose one provider on request", async () => {
    const { sealGridKeys, unsealGridKeys, withoutProvider } = await import("@/lib/grid/keys");
    const own = { together: "tgp_v1_mine", fal: "fal_mine" };
    const sealed = sealGridKeys(own, ["together"]);
    expect(sealed).not.toContain("tgp_v1_mine");
    expect(unsealGridKeys(sealed)).toEqual({ together: "tgp_v1_mine", fal: null });
    expect(sealGridKeys({ together: null, fal: null }, ["together", "fal"])).toBeNull();
    const both = sealGridKeys(own, ["together", "fal"]);
    expect(unsealGridKeys(withoutProvider(both, "together"))).toEqual({ together: null, fal: "fal_mine" });
    expect(withoutProvider(sealed, "together")).toBeNull();
    // Tampered or foreign values are no keys at all.
    expect(unsealGridKeys(`${sealed!.slice(0, -2)}xx`)).toEqual({ together: null, fal: null });
    expect(unsealGridKeys("not-sealed")).toEqual({ together: null, fal: null });
  });
});

describe("the builder's key note", () => {
  const none = { set: false, hint: null };
  it("names the person's own key, the server's key, or the simulator, per provider used", () => {
    expect(gridKeyNote(["together"], { together: { set: true, hint: "…0001" }, fal: none }, { together: "live" })).toBe("Paid with your Together AI key …0001. It keeps running after you close this tab.");
    expect(gridKeyNote(["together", "fal"], { together: none, fal: { set: true, hint: "…abcd" } }, { together: "live", fal: "live" })).toBe(
      "Paid with this server's Together AI key and your fal.ai key …abcd. It keeps running after you close this tab.",
    );
    expect(gridKeyNote(["together"], { together: none, fal: none }, { together: "simulated" })).toBe("Images are simulated, nothing is paid. It keeps running after you close this tab.");
    expect(gridKeyNote(["together", "fal"], { together: { set: true, hint: "…0001" }, fal: none }, { together: "live", fal: "simulated" })).toBe(
      "Paid with your Together AI key …0001; fal.ai images are simulated, nothing is paid. It keeps running after you close this tab.",
    );
    expect(gridKeyNote([], { together: none, fal: none }, {})).toBe("");
  });
});
