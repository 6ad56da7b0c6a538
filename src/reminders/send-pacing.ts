/** Time as the pacing sees it: injected so tests run on a fake clock and never really wait. */
export interface PacingClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: PacingClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Default proactive send rate: under Teams' ~30 requests/s per bot per tenant, with room for the bot's replies. */
export const DEFAULT_SENDS_PER_SECOND = 20;

/**
 * A token bucket: `take` resolves when a send may start, at most `ratePerSecond` on average and
 * `burst` at once. Sends are spaced out rather than refused, so a trust-wide run of ~1,500 cards takes
 * about 75 s at the default rate instead of being throttled by Teams.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: PacingClock,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('rate must be positive and burst at least 1');
    this.tokens = burst;
    this.last = clock.now();
  }

  async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond));
    }
  }
}

/** A `Retry-After` header (seconds, or an HTTP date) as milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}
