import type { Delivery, SubscriptionRequest } from '../../relay/contract';
import type {
  InputFieldDef,
  ObjectTypeRef,
  OperationContext,
  OperationDef,
  OperationResult,
  OutputFieldDef,
} from '../types';

/**
 * An instant trigger: a subscription to the events relay (`relay/contract.ts`) instead of a poll. The relay pushes
 * signed deliveries of HubSpot events; each platform verifies them its own way and hands the delivery here, which
 * turns it into one item per event. Kept apart from `OperationDef` because it has no `perform` of its own: Zapier
 * renders it as a hook trigger, Make as a webhook and an instant trigger module.
 */
export interface InstantTriggerDef {
  key: string;
  noun: string;
  label: string;
  description: string;
  inputFields: readonly InputFieldDef[];
  outputFields: readonly OutputFieldDef[];
  outputProperties: ObjectTypeRef;
  sample: OperationResult;
  /** The polling trigger whose records serve as samples while a Zap is set up (Zapier's `performList`). */
  polling: OperationDef;
  /** The relay event this trigger listens for. */
  event: SubscriptionRequest['event'];
  /** The object type, fixed or chosen in the step. */
  objectType: ObjectTypeRef;
  /** What to ask the relay for, from the step's input (everything but the hook URL). */
  subscription(input: Record<string, unknown>): Omit<SubscriptionRequest, 'targetUrl'>;
  /** One verified delivery → items, newest last (the relay's order), with at most one HubSpot batch read. */
  items(ctx: OperationContext, delivery: Delivery): Promise<OperationResult[]>;
  calls: { endpoints: readonly string[]; perRun: string };
}
