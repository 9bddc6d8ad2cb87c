/** Thrown at once when the queue is full: the caller answers "busy" rather than wait without bound. */
export class QueueFullError extends Error {}

/**
 * At most `limit` tasks run at a time; up to `queueLimit` more wait their turn in order;
 * beyond that, run() refuses at once with QueueFullError. With `restMs`, a finished task's
 * slot stays taken that long more (its caller has its result at once): under a flood the
 * tasks then take at most a share of the time, not all of it.
 */
export function createLimiter({ limit, queueLimit, restMs = 0 }: { limit: number; queueLimit: number; restMs?: number }) {
  let running = 0;
  const waiting: (() => void)[] = [];

  function release() {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running < limit) {
        running += 1;
      } else {
        if (waiting.length >= queueLimit) throw new QueueFullError();
        // The slot passes straight from the finishing task to this one (running stays the same).
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await task();
      } finally {
        if (restMs > 0) setTimeout(release, restMs);
        else release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
