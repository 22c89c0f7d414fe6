/**
 * At most `max` tasks at once, at most `maxWaiting` queued behind them (first come, first
 * served); past that `run` refuses at once with BusyError, so a burst cannot pile up work (and
 * memory) without end. Pure: no timers, no I/O.
 */
export class BusyError extends Error {
  constructor() {
    super("Too many requests are waiting for this; try again in a moment.");
    this.name = "BusyError";
  }
}

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createLimiter(max: number, maxWaiting: number): Limiter {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < max) active++;
      else if (queue.length >= maxWaiting) throw new BusyError();
      else await new Promise<void>((resolve) => queue.push(resolve)); // the finishing task hands over its slot
      try {
        return await task();
      } finally {
        const next = queue.shift();
        if (next) next();
        else active--;
      }
    },
  };
}
