/** A recipient's weekly digest, claimed by one sender. `token` proves who holds the claim. */
export interface DigestClaim {
  recipientId: string;
  week: string;
  token: string;
}

/** A claimed digest whose mail was accepted, and the sender's reference for it (never content). */
export interface SentDigest {
  claim: DigestClaim;
  reference: string;
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
  /**
   * `claim` for several recipients at once, with the same rules for each (the SharePoint store sends
   * the claims as `$batch`es of 20). Returns the claims this caller won, in input order; a recipient
   * listed twice is claimed once.
   */
  claimMany(recipientIds: readonly string[], week: string, now: Date): Promise<DigestClaim[]>;
  /** The mail was accepted. `reference` is a file name or request id, never content. */
  markSent(claim: DigestClaim, reference: string, now: Date): Promise<void>;
  /** `markSent` for several claims at once; a claim taken over since is left alone, as in `markSent`. */
  markSentMany(sent: readonly SentDigest[], now: Date): Promise<void>;
  /** The send failed; `reason` is an error id, never content. The next run claims it again. */
  markFailed(claim: DigestClaim, reason: string, now: Date): Promise<void>;
}
