/** The portal's owners (users and queues). Filled in by the owners work. */
export class OwnerStore {
  toJSON(): unknown {
    return {};
  }
  load(_state: unknown): void {}
}
