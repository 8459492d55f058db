/**
 * Lists v3: named sets of records of one object type, with the time each record joined.
 * https://developers.hubspot.com/docs/api/crm/lists
 */

export type ProcessingType = 'MANUAL' | 'DYNAMIC' | 'SNAPSHOT';
export const PROCESSING_TYPES: readonly ProcessingType[] = ['MANUAL', 'DYNAMIC', 'SNAPSHOT'];

/** Deleted lists can be restored for 90 days. https://developers.hubspot.com/docs/api/crm/lists#restore-a-list */
export const LIST_RESTORE_WINDOW_MS = 90 * 24 * 3600 * 1000;

export interface StoredList {
  listId: string;
  name: string;
  objectTypeId: string;
  processingType: ProcessingType;
  listVersion: number;
  createdAt: number;
  updatedAt: number;
  deletedAt?: number;
  createdById: string;
  /** recordId → membershipTimestamp (epoch ms). */
  members: Map<string, number>;
}

interface ListJSON extends Omit<StoredList, 'members'> {
  members: Array<[string, number]>;
}

/** A record joined or left a list: what the webhooks journal reports as ADDED_TO_LIST / REMOVED_FROM_LIST. */
export interface MembershipChange {
  list: StoredList;
  recordId: string;
  added: boolean;
  at: number;
}

export class ListStore {
  private readonly lists = new Map<string, StoredList>();
  private nextId = 1;
  private readonly listeners: Array<(changes: MembershipChange[]) => void> = [];

  /** Called once per request that changed memberships, with every change it made. */
  onMembershipChange(listener: (changes: MembershipChange[]) => void): void {
    this.listeners.push(listener);
  }

  /** Adds the records not in the list yet (joined at `at`); answers those added. */
  addMembers(list: StoredList, ids: readonly string[], at: number): string[] {
    const added = ids.filter((id) => !list.members.has(id));
    for (const id of added) list.members.set(id, at);
    this.announce(list, added, true, at);
    return added;
  }

  /** Removes the records that are members; answers those removed. */
  removeMembers(list: StoredList, ids: readonly string[], at: number): string[] {
    const removed = ids.filter((id) => list.members.delete(id));
    this.announce(list, removed, false, at);
    return removed;
  }

  private announce(list: StoredList, ids: string[], added: boolean, at: number): void {
    if (ids.length === 0) return;
    const changes = ids.map((recordId) => ({ list, recordId, added, at }));
    for (const listener of this.listeners) listener(changes);
  }

  create(fields: Omit<StoredList, 'listId' | 'members' | 'listVersion'>): StoredList {
    const list: StoredList = { ...fields, listId: String(this.nextId++), listVersion: 1, members: new Map() };
    this.lists.set(list.listId, list);
    return list;
  }

  get(listId: string): StoredList | undefined {
    return this.lists.get(listId);
  }

  all(): StoredList[] {
    return [...this.lists.values()];
  }

  toJSON() {
    return {
      nextId: this.nextId,
      lists: this.all().map((l): ListJSON => ({ ...l, members: [...l.members] })),
    };
  }

  load(state: ReturnType<ListStore['toJSON']> | undefined): void {
    if (!state) return;
    this.nextId = Math.max(this.nextId, state.nextId);
    for (const l of state.lists) this.lists.set(l.listId, { ...l, members: new Map(l.members) });
  }
}
