/**
 * The titles of Teams meetings, from the Bot Connector's meeting details API (`GET /v1/meetings/{id}`,
 * answered when the app has the `OnlineMeeting.ReadBasic.Chat` permission; see
 * learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/meeting-apps-apis#get-meeting-details-api).
 * A meeting chat's turns then cost one lookup per meeting, not one per message. Titles can name a
 * pupil ("Annual review - J.B."): they are kept in memory only, never logged.
 */
export class MeetingTitles {
  private readonly entries = new Map<string, { title: string | null; expires: number }>();

  constructor(
    private readonly ttlMs = 60 * 60_000,
    private readonly maxEntries = 2_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The title, or null when the meeting has none or the lookup failed (a failure is remembered briefly). */
  async titleOf(meetingId: string, lookup: (id: string) => Promise<{ details?: { title?: string | null } }>): Promise<string | null> {
    const hit = this.entries.get(meetingId);
    if (hit && hit.expires > this.clock()) return hit.title;
    let title: string | null = null;
    let ttl = this.ttlMs;
    try {
      title = (await lookup(meetingId)).details?.title?.trim() || null;
    } catch {
      // No permission, or the service is busy: read the message without the title, and ask again later.
      ttl = Math.min(this.ttlMs, 5 * 60_000);
    }
    this.entries.delete(meetingId);
    this.entries.set(meetingId, { title, expires: this.clock() + ttl });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return title;
  }
}
