// Kustomer's rate limit: one budget for the whole org per fixed window (300 requests per 60 s on
// the smallest plan), reported on every response as x-ratelimit-limit, x-ratelimit-remaining and
// x-ratelimit-reset (developer.kustomer.com/docs/concepts/rate-limits). Kustomer does not say
// what unit reset is in; the sandbox sends the window's end in epoch seconds (rounded up, so it is
// never early), or in epoch milliseconds when asked to (a compressed window of a few seconds).
//
// A window opens with the first request after the previous one ended (not on clock boundaries),
// so a test that sends a few requests never straddles two windows by accident.

export type RateLimitHeaders = {
  "x-ratelimit-limit": string;
  "x-ratelimit-remaining": string;
  "x-ratelimit-reset": string;
};

export class FixedWindowLimiter {
  private windowEnd = 0;
  private used = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly resetUnit: "s" | "ms" = "s",
  ) {}

  /** Counts one request; false when the window's budget is already spent. */
  take(now: number): boolean {
    this.roll(now);
    if (this.used >= this.limit) {
      return false;
    }
    this.used++;
    return true;
  }

  headers(now: number): RateLimitHeaders {
    this.roll(now);
    return {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(Math.max(0, this.limit - this.used)),
      "x-ratelimit-reset": String(
        this.resetUnit === "ms" ? this.windowEnd : Math.ceil(this.windowEnd / 1000),
      ),
    };
  }

  private roll(now: number): void {
    if (now >= this.windowEnd) {
      this.windowEnd = now + this.windowMs;
      this.used = 0;
    }
  }
}
