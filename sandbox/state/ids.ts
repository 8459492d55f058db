/** Record ids are digit strings, unique across the portal, growing like HubSpot's. */
export class IdSequence {
  constructor(private next = 1001) {}
  take(): string {
    return String(this.next++);
  }
  peek(): number {
    return this.next;
  }
  toJSON(): number {
    return this.next;
  }
  load(next: number): void {
    this.next = Math.max(this.next, next);
  }
}
