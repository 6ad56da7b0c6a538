/** A recipient's weekly digest, claimed by one sender. `token` proves who holds the claim. */
export interface DigestClaim {
  recipientId: string;
  week: string;
  token: string;
}

/**
 * Records digest sends so each recipient gets one digest per ISO week, however many processes run
 * the task. The order is claim -> send -> markSent: a claim is taken before anything is sent, so a
 * second runner sees it and skips; a failed send is marked failed and claimed again next run.
 */
export interface DigestLog {
  /**
   * Takes the send for this recipient and week, or returns null when it was sent already or another
   * runner holds a live claim. A failed send, or a claim older than the lease (its runner died), can be taken.
   */
  claim(recipientId: string, week: string, now: Date): Promise<DigestClaim | null>;
  /** The mail was accepted. `reference` is a file name or request id, never content. */
  markSent(claim: DigestClaim, reference: string, now: Date): Promise<void>;
  /** The send failed; `reason` is an error id, never content. The next run claims it again. */
  markFailed(claim: DigestClaim, reason: string, now: Date): Promise<void>;
}
