/** Time as the throttle sees it; tests inject a fake one so waiting a minute takes no time. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A token bucket: up to `capacity` requests at once, then one every `60 000 / perMinute` ms.
 * `take()` waits for a token rather than refusing, so nothing is dropped.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perMinute: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.tokens = capacity;
    this.last = clock.now();
  }

  async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.perMinute) / 60_000);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute));
    }
  }
}

/**
 * Exchange Online allows 30 messages a minute per mailbox. A bucket lets through at most
 * `capacity + perMinute` in any 60 s, so 10 at once then 20 a minute stays within 30 in every window
 * (a bucket of 30 refilling at 30/min could let 60 through in one minute).
 */
export const EXCHANGE_SAFE_BUCKET = { capacity: 10, perMinute: 20 } as const;
