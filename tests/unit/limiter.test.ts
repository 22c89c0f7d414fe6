import { describe, expect, it } from "vitest";
import { BusyError, createLimiter } from "@/lib/async/limiter";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("createLimiter", () => {
  it("runs at most `max` tasks at once, in arrival order, and hands slots over", async () => {
    const limiter = createLimiter(2, 10);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      order.push(i);
      await tick();
      active--;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => limiter.run(task(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(limiter.active).toBe(0);
    expect(limiter.waiting).toBe(0);
  });

  it("refuses at once beyond `maxWaiting`, and a failing task frees its slot", async () => {
    const limiter = createLimiter(1, 1);
    const first = limiter.run(async () => {
      await tick();
      throw new Error("boom");
    });
    const second = limiter.run(async () => "second");
    await expect(limiter.run(async () => "third")).rejects.toBeInstanceOf(BusyError);
    await expect(first).rejects.toThrow("boom");
    expect(await second).toBe("second");
    expect(await limiter.run(async () => "later")).toBe("later");
  });
});
