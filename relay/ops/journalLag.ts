/**
 * How far behind each portal's journal reading is: the time since this instance last read it to its newest entry.
 * A portal read to the end is 0 s behind; one whose reads fail (HubSpot down, token refused) or that has more
 * entries than a turn reads falls behind by the clock. HubSpot keeps a journal 3 days
 * (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/journal-entries/guide), so a lag
 * nearing that loses events; the alert fires long before.
 */
export class JournalLag {
  private readonly caughtUpAt = new Map<number, number>();

  constructor(private readonly now: () => number) {}

  /** A turn of reading `portalId` ended; `caughtUp` when it reached the newest entry. */
  record(portalId: number, caughtUp: boolean): void {
    if (caughtUp || !this.caughtUpAt.has(portalId)) this.caughtUpAt.set(portalId, this.now());
  }

  /** A portal whose reads fail: counted from now if it was never read, so its lag grows from here. */
  seen(portalId: number): void {
    if (!this.caughtUpAt.has(portalId)) this.caughtUpAt.set(portalId, this.now());
  }

  /** Seconds behind, per portal this instance reads. */
  lagSeconds(): Map<number, number> {
    const now = this.now();
    return new Map([...this.caughtUpAt].map(([portal, at]) => [portal, Math.max(0, (now - at) / 1000)]));
  }

  maxSeconds(): number {
    return Math.max(0, ...this.lagSeconds().values());
  }
}
