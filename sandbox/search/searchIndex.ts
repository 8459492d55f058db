import type { SandboxRecord } from '../model';
import type { Portal } from '../portal';
import { HashIndex, type IndexedDoc } from './hashIndex';
import { compareCreation } from './read';
import type { ValueKind } from './values';

/**
 * What CRM search sees: per object type, the last *indexed* version of every live record, in creation order.
 *
 * HubSpot indexes writes "after a few moments" (https://developers.hubspot.com/docs/api/crm/search): a new record is
 * invisible until then, and an updated one is still found by its old values. The sandbox follows each write through
 * `portal.records.onChange`; a write whose `searchableAt` is still ahead waits in `pending` and replaces the indexed
 * version once `portal.now()` reaches it. Archiving and purging take effect at once: archived records never appear.
 */
export type { IndexedDoc } from './hashIndex';

interface PendingVersion {
  version: SandboxRecord;
  due: number;
  seq: number;
}

export class TypeIndex {
  /** In insertion order; a removed record leaves a hole until the next compaction. */
  private docs: Array<IndexedDoc | undefined> = [];
  private readonly byId = new Map<string, IndexedDoc>();
  private readonly hashes = new Map<string, HashIndex>();
  private pending: PendingVersion[] = [];
  private holes = 0;
  private last: SandboxRecord | undefined;
  /** True while insertion order is creation order (createdAt, then id), so the default sort costs nothing. */
  inCreationOrder = true;

  /** Live indexed records in insertion order. */
  *all(): Iterable<IndexedDoc> {
    for (const doc of this.docs) if (doc) yield doc;
  }

  get(id: string): IndexedDoc | undefined {
    return this.byId.get(id);
  }

  /** The hash index of one property, built on first use and kept up to date from then on. */
  hash(property: string, kind: ValueKind): HashIndex {
    let hash = this.hashes.get(property);
    if (!hash || hash.kind !== kind) {
      hash = new HashIndex(property, kind);
      for (const doc of this.all()) hash.add(doc);
      this.hashes.set(property, hash);
    }
    return hash;
  }

  /** Makes `version` the one search sees, unless a newer one already is. */
  promote(version: SandboxRecord, seq: number): void {
    const doc = this.byId.get(version.id);
    if (doc) {
      if (doc.seq > seq) return;
      for (const hash of this.hashes.values()) hash.remove(doc);
      doc.record = version;
      doc.seq = seq;
      for (const hash of this.hashes.values()) hash.add(doc);
      return;
    }
    const added: IndexedDoc = { ordinal: this.docs.length, record: version, seq };
    if (this.last && compareCreation(this.last, version) > 0) this.inCreationOrder = false;
    this.last = version;
    this.docs.push(added);
    this.byId.set(version.id, added);
    for (const hash of this.hashes.values()) hash.add(added);
  }

  /** A writer that changed the stored object in place handed us `previous`: keep indexing the old values. */
  keepPreviousVersion(record: SandboxRecord, previous: SandboxRecord | undefined): void {
    const doc = this.byId.get(record.id);
    if (doc && doc.record === record && previous && previous !== record) doc.record = previous;
  }

  defer(version: SandboxRecord, seq: number): void {
    // A copy, so a writer that mutates the stored record cannot change what becomes searchable later.
    this.pending.push({
      version: { ...version, properties: { ...version.properties } },
      due: version.searchableAt,
      seq,
    });
  }

  remove(id: string): void {
    if (this.pending.length > 0) this.pending = this.pending.filter((p) => p.version.id !== id);
    const doc = this.byId.get(id);
    if (!doc) return;
    for (const hash of this.hashes.values()) hash.remove(doc);
    this.byId.delete(id);
    this.docs[doc.ordinal] = undefined;
    this.holes++;
    if (this.holes > 1_000 && this.holes * 2 > this.docs.length) this.compact();
  }

  /** Indexes every pending version whose time has come, oldest write first. */
  flush(now: number): void {
    if (this.pending.length === 0) return;
    const waiting: PendingVersion[] = [];
    for (const p of this.pending) {
      if (p.due <= now) this.promote(p.version, p.seq);
      else waiting.push(p);
    }
    this.pending = waiting;
  }

  private compact(): void {
    const live = this.docs.filter((d): d is IndexedDoc => d !== undefined);
    live.forEach((doc, ordinal) => {
      doc.ordinal = ordinal;
    });
    this.docs = live;
    this.holes = 0;
  }
}

/** The search index of one portal; one listener on the record store feeds every object type. */
export class SearchIndex {
  private readonly types = new Map<string, TypeIndex>();
  private seq = 0;

  constructor(private readonly portal: Portal) {
    portal.records.onChange((record, previous) => this.onChange(record, previous));
  }

  /** The index of one object type, with every write that is due by now. Built from the store on first use. */
  forType(objectTypeId: string): TypeIndex {
    const index = this.types.get(objectTypeId) ?? this.build(objectTypeId);
    index.flush(this.portal.now());
    return index;
  }

  private build(objectTypeId: string): TypeIndex {
    const index = new TypeIndex();
    this.types.set(objectTypeId, index);
    const now = this.portal.now();
    for (const record of this.portal.records.table(objectTypeId).values()) {
      if (!record.archived) this.write(index, record, now);
    }
    return index;
  }

  private onChange(record: SandboxRecord, previous: SandboxRecord | undefined): void {
    const index = this.types.get(record.objectTypeId);
    if (!index) {
      // From now on this type is followed write by write, so later updates keep their previous version.
      this.build(record.objectTypeId);
      return;
    }
    const stored = this.portal.records.get(record.objectTypeId, record.id);
    if (record.archived || stored === undefined || stored.archived) {
      index.remove(record.id);
      return;
    }
    index.keepPreviousVersion(record, previous);
    this.write(index, record, this.portal.now());
  }

  private write(index: TypeIndex, record: SandboxRecord, now: number): void {
    const seq = ++this.seq;
    if (record.searchableAt <= now) index.promote(record, seq);
    else index.defer(record, seq);
  }
}

const indexes = new WeakMap<Portal, SearchIndex>();

/** The portal's search index, created (and subscribed to record changes) on first use. */
export function searchIndexFor(portal: Portal): SearchIndex {
  let index = indexes.get(portal);
  if (!index) {
    index = new SearchIndex(portal);
    indexes.set(portal, index);
  }
  return index;
}
