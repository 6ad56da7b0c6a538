/**
 * The one place for send pacing and retry timing: a token bucket and the Retry-After parser shared
 * by the Bot Connector sender (reminders), the Graph mail sender (digest) and Graph `$batch` retries.
 *
 * Kept by hand rather than taken from bottleneck or p-retry: both sleep on real timers, and the
 * pacing tests prove the exact waits (5 sends at 20/s after a burst = 250 ms) on an injected clock
 * without ever waiting. This file is the whole of it.
 */

/** Time as pacing sees it: injected so tests run on a fake clock and never really wait. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** `rate` sends every `perMs` milliseconds on average, `burst` at once. */
export interface BucketRate {
  rate: number;
  perMs: number;
  burst: number;
}

/**
 * A token bucket: `take` resolves when a send may start. Sends are spaced out rather than refused,
 * so nothing is dropped. The rate is kept as a whole count per interval (20 per 60,000 ms rather
 * than 0.333… per second) so the waits come out exact.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly rate: number;
  private readonly perMs: number;
  private readonly burst: number;

  constructor(
    { rate, perMs, burst }: BucketRate,
    private readonly clock: Clock = systemClock,
  ) {
    if (!(rate > 0) || !(perMs > 0) || !(burst >= 1)) throw new RangeError('rate must be positive and burst at least 1');
    this.rate = rate;
    this.perMs = perMs;
    this.burst = burst;
    this.tokens = burst;
    this.last = clock.now();
  }

  async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / this.perMs);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) * this.perMs) / this.rate));
    }
  }
}

/** A `Retry-After` header (delta-seconds or an HTTP date, RFC 9110 §10.2.3) as milliseconds from `nowMs`; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | null {
  if (header === null || header === undefined || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : null;
}
