/** Associations v4 between records, and label definitions. Filled in by the associations work. */
export class AssociationStore {
  toJSON(): unknown {
    return {};
  }
  load(_state: unknown): void {}
}
