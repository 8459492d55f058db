import type { Clock } from '../../../sandbox/clock';

/**
 * Real time plus a jump the test chooses: shared by the sandbox (HubSpot's clock) and the relay, so two days can
 * pass in a test while deliveries, signatures and token lifetimes still agree on what "now" is.
 */
export class OffsetClock implements Clock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}
