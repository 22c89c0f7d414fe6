import { describe, expect, it } from "vitest";
import { pickOwner } from "@/lib/db/turn-order";

describe("whose grid cell runs next", () => {
  const t = (s: number) => new Date(Date.UTC(2026, 11, 3, 12, 0, s));
  it("the owner with the fewest cells running goes first", () => {
    expect(pickOwner([{ ownerId: "a", running: 2, lastStartedAt: t(1) }, { ownerId: "b", running: 1, lastStartedAt: t(9) }])).toBe("b");
  });
  it("then the one served longest ago, and someone never served before anyone", () => {
    expect(pickOwner([{ ownerId: "a", running: 0, lastStartedAt: t(5) }, { ownerId: "b", running: 0, lastStartedAt: t(2) }])).toBe("b");
    expect(pickOwner([{ ownerId: "a", running: 0, lastStartedAt: t(1) }, { ownerId: "new", running: 0, lastStartedAt: null }])).toBe("new");
  });
  it("nobody waiting: no one", () => {
    expect(pickOwner([])).toBeNull();
  });
});
