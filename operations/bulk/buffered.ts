import type { OperationContext, OperationDef, OperationResult } from '../types';

/**
 * A create that the platform may buffer: many runs of a Zap become one `performBuffer` call (Zapier's `buffer` +
 * `performBuffer`), which answers a result or an error for every item, keyed by the item's id. `perform` still runs
 * one item, for platforms without buffering (Make).
 */
export interface BufferedItem {
  /** The platform's id for the run (Zapier: `bundle.buffer[i].meta.id`). */
  id: string;
  input: Record<string, unknown>;
}

export type BufferedResults = Record<string, { outputData: OperationResult } | { error: string }>;

export interface BufferedOperationDef extends OperationDef {
  kind: 'create';
  buffer: {
    /** Runs are buffered together only when these (required) fields hold the same values. */
    groupedBy: readonly string[];
    limit: number;
    performBuffer(ctx: OperationContext, items: readonly BufferedItem[]): Promise<BufferedResults>;
  };
}
