import type { SandboxRecord } from '../model';
import type { Portal } from '../portal';
import type { MembershipChange } from '../state/lists';
import { associationChange, mergeChange, type PortalChange, recordChanges } from '../webhooks/events';
import { journalEvents, listMembershipEvents, type UnnumberedEvent } from './events';

/**
 * Appends to the apps' journals what happens in the portal. It listens to the same record, association and merge
 * notifications as the push dispatcher and runs the same change detection (`../webhooks/events.ts`), so a journal
 * and a webhook delivery report the same changes. One write gives at most one entry per app.
 */
export class JournalRecorder {
  constructor(private readonly portal: Portal) {
    const now = () => portal.now();
    portal.records.onChange((record, previous, purged) => {
      if (portal.journal.listening()) this.record(recordChanges(record, previous, now(), purged), record);
    });
    portal.associations.onChange((change) => {
      if (portal.journal.listening()) this.record([associationChange(portal.associations, change, now())]);
    });
    portal.records.onMerge((merge) => {
      if (portal.journal.listening()) this.record([mergeChange(merge, now())]);
    });
    portal.lists.onMembershipChange((changes) => {
      if (portal.journal.listening()) this.recordMemberships(changes);
    });
  }

  /** One entry per app for one membership request: every record added to (or removed from) a subscribed list. */
  private recordMemberships(changes: MembershipChange[]): void {
    const { journal, info } = this.portal;
    for (const appId of journal.subscribedApps()) {
      const subscriptions = journal.subscriptionsOf(appId).filter((s) => s.portalId === info.portalId);
      const events = subscriptions.flatMap((s) => listMembershipEvents(s, changes));
      if (events.length > 0) journal.append(appId, info.portalId, events, this.portal.now());
    }
  }

  private record(changes: PortalChange[], record?: SandboxRecord): void {
    if (changes.length === 0) return;
    const { journal, info } = this.portal;
    const byApp = new Map<number, UnnumberedEvent[]>();
    for (const appId of journal.subscribedApps()) {
      const subscriptions = journal.subscriptionsOf(appId).filter((s) => s.portalId === info.portalId);
      const events = subscriptions.flatMap((s) => journalEvents(s, changes, record));
      if (events.length > 0) byApp.set(appId, events);
    }
    for (const [appId, events] of byApp) journal.append(appId, info.portalId, events, this.portal.now());
  }
}
