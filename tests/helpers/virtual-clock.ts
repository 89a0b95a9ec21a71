// A virtual clock for tests of code that waits (pacing, polling, settling): sleep() resolves when
// the clock is advanced past it, and run() advances the clock from one pending sleep to the next,
// letting everything else (stubbed fetches, promise chains) settle in between. A test of minutes of
// waiting then takes milliseconds, and timings can be asserted exactly.

export type VirtualClock = {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Runs `work` to completion, advancing virtual time whenever everything else is waiting. */
  run<T>(work: Promise<T>): Promise<T>;
  /** Every sleep requested so far, in ms, in order. */
  sleeps: number[];
};

export function virtualClock(start = Date.UTC(2026, 0, 1)): VirtualClock {
  let now = start;
  let order = 0;
  const timers: { at: number; order: number; wake: () => void }[] = [];
  const sleeps: number[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    sleeps,
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        sleeps.push(ms);
        timers.push({ at: now + Math.max(0, ms), order: order++, wake });
      }),
    async run<T>(work: Promise<T>): Promise<T> {
      let finished = false;
      const watched = work.finally(() => {
        finished = true;
      });
      watched.catch(() => {});
      while (!finished) {
        // A few turns of the event loop let stubbed requests and promise chains move on.
        for (let turn = 0; turn < 3 && !finished; turn++) {
          await settle();
        }
        if (finished || timers.length === 0) {
          continue;
        }
        timers.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = timers.shift();
        if (next) {
          now = Math.max(now, next.at);
          next.wake();
        }
      }
      return watched;
    },
  };
}
