import type { SandboxRecord } from '../model';

/** Why a record disappeared for good: merged into another, or deleted under GDPR. */
export type PurgeCause = 'merge' | 'gdpr';

export type RecordListener = (
  record: SandboxRecord,
  previous: SandboxRecord | undefined,
  purged?: PurgeCause,
) => void;

/** Two records merged into one (https://developers.hubspot.com/docs/api/crm/contacts#merge-contacts). */
export interface RecordMerge {
  objectTypeId: string;
  primaryId: string;
  mergedId: string;
  propertiesMoved: number;
}

/**
 * Every CRM record of the portal, per object type. Writers go through `put` so listeners (the search index) see
 * each change; validation and history are the write logic's job (sandbox/objects/).
 */
export class RecordStore {
  private readonly byType = new Map<string, Map<string, SandboxRecord>>();
  private readonly listeners: RecordListener[] = [];
  private readonly mergeListeners: Array<(merge: RecordMerge) => void> = [];

  table(objectTypeId: string): Map<string, SandboxRecord> {
    let table = this.byType.get(objectTypeId);
    if (!table) {
      table = new Map();
      this.byType.set(objectTypeId, table);
    }
    return table;
  }

  get(objectTypeId: string, id: string): SandboxRecord | undefined {
    return this.byType.get(objectTypeId)?.get(id);
  }

  /** Stores a record (new or changed) and tells the listeners. */
  put(record: SandboxRecord, previous?: SandboxRecord): void {
    this.table(record.objectTypeId).set(record.id, record);
    for (const listener of this.listeners) listener(record, previous);
  }

  /** Removes a record for good (merges, GDPR delete), not an archive. */
  purge(objectTypeId: string, id: string, cause: PurgeCause): void {
    const record = this.byType.get(objectTypeId)?.get(id);
    if (!record) return;
    this.byType.get(objectTypeId)!.delete(id);
    for (const listener of this.listeners) listener({ ...record, archived: true }, record, cause);
  }

  onChange(listener: RecordListener): void {
    this.listeners.push(listener);
  }

  /** Tells the merge listeners; the merge's writes themselves go through `put` and `purge`. */
  announceMerge(merge: RecordMerge): void {
    for (const listener of this.mergeListeners) listener(merge);
  }

  onMerge(listener: (merge: RecordMerge) => void): void {
    this.mergeListeners.push(listener);
  }

  types(): string[] {
    return [...this.byType.keys()];
  }

  toJSON(): SandboxRecord[] {
    return [...this.byType.values()].flatMap((t) => [...t.values()]);
  }

  load(records: SandboxRecord[]): void {
    for (const record of records) this.put(record);
  }
}
