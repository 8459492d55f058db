import { readValue } from './read';
import { type ValueKind, valueKeys } from './values';

/** One record as the search index holds it: the version search sees, and its place in creation order. */
export interface IndexedDoc {
  ordinal: number;
  record: import('../model').SandboxRecord;
  /** Write sequence of `record`, so an older pending version never replaces a newer one. */
  seq: number;
}

/**
 * Normalised value → records, for one property of one object type; EQ and IN look up here instead of scanning.
 * A key with one record stores the record itself, not an array: most keys (emails, ids) are unique, and 100,000
 * one-element arrays would cost more memory than the index.
 */
export class HashIndex {
  private readonly map = new Map<string, IndexedDoc | IndexedDoc[]>();

  constructor(
    readonly property: string,
    readonly kind: ValueKind,
  ) {}

  add(doc: IndexedDoc): void {
    for (const key of valueKeys(this.kind, readValue(doc.record, this.property))) {
      const found = this.map.get(key);
      if (found === undefined) this.map.set(key, doc);
      else if (Array.isArray(found)) found.push(doc);
      else this.map.set(key, [found, doc]);
    }
  }

  /** Removes `doc` as it is indexed now; call before `doc.record` changes. */
  remove(doc: IndexedDoc): void {
    for (const key of valueKeys(this.kind, readValue(doc.record, this.property))) {
      const found = this.map.get(key);
      if (found === doc) this.map.delete(key);
      else if (Array.isArray(found)) {
        const at = found.indexOf(doc);
        if (at >= 0) found.splice(at, 1);
        if (found.length === 1) this.map.set(key, found[0]!);
      }
    }
  }

  lookup(key: string): readonly IndexedDoc[] {
    const found = this.map.get(key);
    if (found === undefined) return [];
    return Array.isArray(found) ? found : [found];
  }
}
