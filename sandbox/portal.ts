import type { Clock } from './clock';
import type { PortalTier } from './facts/limits';
import { AssociationStore } from './state/associations';
import { AuthStore } from './state/auth';
import { FileStore } from './state/files';
import { FormStore } from './state/forms';
import { IdSequence } from './state/ids';
import { JournalStore } from './state/journal';
import { ListStore } from './state/lists';
import { ObjectTypeRegistry } from './state/objectTypes';
import { OwnerStore } from './state/owners';
import { PipelineStore } from './state/pipelines';
import { PropertyStore } from './state/properties';
import { RateLimiter } from './state/rateLimits';
import { RecordStore } from './state/records';
import { WebhookStore } from './state/webhooks';

export interface PortalInfo {
  portalId: number;
  domain: string;
  timeZone: string;
  currency: string;
  tier: PortalTier;
}

export interface PortalOptions extends Partial<PortalInfo> {
  clock: Clock;
  /** Milliseconds before a write becomes visible to search (HubSpot's index lag). */
  searchIndexLagMs?: number;
}

/** One HubSpot account's whole state. Handlers receive it; each area keeps its part in its own store. */
export class Portal {
  readonly info: PortalInfo;
  readonly clock: Clock;
  searchIndexLagMs: number;

  readonly ids = new IdSequence();
  readonly objectTypes = new ObjectTypeRegistry();
  readonly properties: PropertyStore;
  readonly records = new RecordStore();
  readonly associations = new AssociationStore();
  readonly pipelines = new PipelineStore();
  readonly owners = new OwnerStore();
  readonly lists = new ListStore();
  readonly files = new FileStore();
  readonly forms = new FormStore();
  readonly webhooks = new WebhookStore();
  readonly journal = new JournalStore();
  readonly auth: AuthStore;
  readonly limits: RateLimiter;

  constructor(options: PortalOptions) {
    this.clock = options.clock;
    this.info = {
      portalId: options.portalId ?? 62515,
      domain: options.domain ?? 'sandbox-62515.hubspot-sandbox.test',
      timeZone: options.timeZone ?? 'Europe/Paris',
      currency: options.currency ?? 'EUR',
      tier: options.tier ?? 'free',
    };
    this.searchIndexLagMs = options.searchIndexLagMs ?? 0;
    this.properties = new PropertyStore(() => this.clock.now());
    this.auth = new AuthStore(this.clock);
    this.limits = new RateLimiter(this.clock, this.info.tier, this.info.portalId, this.info.timeZone);
  }

  now(): number {
    return this.clock.now();
  }

  toJSON() {
    return {
      format: 'hubspot-bridge-sandbox/1',
      info: this.info,
      ids: this.ids.toJSON(),
      objectTypes: this.objectTypes.toJSON(),
      properties: this.properties.toJSON(),
      records: this.records.toJSON(),
      associations: this.associations.toJSON(),
      pipelines: this.pipelines.toJSON(),
      owners: this.owners.toJSON(),
      lists: this.lists.toJSON(),
      files: this.files.toJSON(),
      forms: this.forms.toJSON(),
      auth: this.auth.toJSON(),
      limits: this.limits.toJSON(),
      webhooks: this.webhooks.toJSON(),
      journal: this.journal.toJSON(),
    };
  }

  load(state: ReturnType<Portal['toJSON']>): void {
    this.ids.load(state.ids);
    this.objectTypes.load(state.objectTypes);
    this.properties.load(state.properties);
    this.records.load(state.records);
    this.associations.load(state.associations);
    this.pipelines.load(state.pipelines);
    this.owners.load(state.owners);
    // Absent in state saved before lists, files and forms existed.
    this.lists.load(state.lists);
    this.files.load(state.files);
    this.forms.load(state.forms);
    this.auth.load(state.auth);
    this.limits.load(state.limits);
    // Last, so that loading the records above announces no webhook events nor journal entries.
    this.webhooks.load(state.webhooks);
    this.journal.load(state.journal);
  }
}
