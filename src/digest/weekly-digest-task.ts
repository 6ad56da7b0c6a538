import { buildDigest, digestRecipients, type DigestContent } from './build-digest';
import type { Person } from '@/kernel/action';
import { DEFAULT_CHECK_IN_POLICY, type CheckInPolicy } from '@/kernel/check-in';
import { londonDate } from '@/kernel/dates';
import { composeDigestEmail } from './compose-digest-email';
import type { DeepLinks } from './deep-links';
import type { MailSender } from '@/kernel/ports/mail-sender';
import { AppError } from '@/kernel/errors';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { DigestLog, SentDigest } from '@/kernel/ports/digest-log';
import { isoWeek } from '@/kernel/dates';

export interface WeeklyDigestDeps {
  repo: ActionRepository;
  log: DigestLog;
  sender: MailSender;
  links: DeepLinks;
  /** The SEND lead, who gets the whole-school picture every week. */
  lead: Person;
  schoolName: string;
  logger: Logger;
  policy?: CheckInPolicy;
}

/** What one run did, by recipient id (staff ids only: no pupil data, no content). */
export interface DigestRunResult {
  week: string;
  sent: string[];
  /** Already sent this week, or being sent by another runner right now. */
  skipped: string[];
  failed: string[];
}

/**
 * Recipients claimed together, sent to, then marked sent together. 20 fills one Graph `$batch`; a small
 * group keeps each claim young while its mail goes out (well inside the lease, so no runner takes it
 * over as stale) and leaves at most this many sent-but-unmarked digests if the runner dies mid-group.
 */
const CLAIM_GROUP = 20;

/**
 * The weekly digest: every owner with something to report gets their list, the SEND lead gets the
 * whole-school picture. Idempotent per recipient per ISO week and safe on several instances at
 * once: each send is claimed in the DigestLog before it is sent and marked after (claims and marks go
 * 20 at a time), and a failed send is left for the next run rather than lost.
 */
export class WeeklyDigestTask {
  constructor(private readonly deps: WeeklyDigestDeps) {}

  /** Everyone's digest content for the week containing `now` (used by the preview page too). */
  async contents(now: Date): Promise<DigestContent[]> {
    const actions = await this.deps.repo.query({ includeArchived: true });
    const digest = buildDigest(actions, londonDate(now), this.deps.policy ?? DEFAULT_CHECK_IN_POLICY);
    return digestRecipients(digest, this.deps.lead);
  }

  async run(now: Date): Promise<DigestRunResult> {
    const { log, sender, links, schoolName, logger } = this.deps;
    const week = isoWeek(londonDate(now));
    const result: DigestRunResult = { week, sent: [], skipped: [], failed: [] };
    const contents = await this.contents(now);
    for (let start = 0; start < contents.length; start += CLAIM_GROUP) {
      const group = contents.slice(start, start + CLAIM_GROUP);
      const claims = new Map(
        (
          await log.claimMany(
            group.map((c) => c.recipient.id),
            week,
            now,
          )
        ).map((c) => [c.recipientId, c]),
      );
      const sent: SentDigest[] = [];
      for (const content of group) {
        const recipientId = content.recipient.id;
        const claim = claims.get(recipientId);
        claims.delete(recipientId); // a recipient listed twice is sent one digest
        if (!claim) {
          result.skipped.push(recipientId);
          continue;
        }
        try {
          const receipt = await sender.send(composeDigestEmail(content, links, schoolName));
          sent.push({ claim, reference: receipt.reference });
          result.sent.push(recipientId);
        } catch (error) {
          const reason = error instanceof AppError ? error.id : 'unexpected_error';
          await log.markFailed(claim, reason, now);
          result.failed.push(recipientId);
          logger.warn({ recipientId, week, reason }, 'weekly digest not sent; will retry next run');
        }
      }
      await log.markSentMany(sent, now);
    }
    logger.info({ week, sent: result.sent.length, skipped: result.skipped.length, failed: result.failed.length }, 'weekly digest run');
    return result;
  }
}
