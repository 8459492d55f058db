/**
 * Custom behavioral event definitions and the occurrences sent to them, and the app's timeline event templates and
 * the timeline events created from them.
 * https://developers.hubspot.com/docs/api-reference/legacy/events/send-event-data/guide,
 * https://developers.hubspot.com/docs/api/crm/timeline
 */

export interface EventDefinition {
  /** `pe{portalId}_{name}`: what `eventName` must be when sending. */
  fullyQualifiedName: string;
  name: string;
  label: string;
  primaryObject: 'CONTACT';
  /** Custom properties the event may carry (besides HubSpot's default `hs_` ones). */
  properties: string[];
  archived: boolean;
  createdAt: number;
}

export interface EventOccurrence {
  eventName: string;
  objectId: string;
  occurredAt: number;
  properties: Record<string, unknown>;
}

export interface TimelineToken {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'enumeration';
  options?: Array<{ value: string; label: string }>;
}

export interface TimelineTemplate {
  id: string;
  appId: number;
  name: string;
  objectType: 'contacts' | 'companies' | 'deals' | 'tickets';
  headerTemplate: string;
  tokens: TimelineToken[];
  createdAt: number;
}

export interface TimelineEvent {
  id: string;
  eventTemplateId: string;
  objectType: string;
  objectId: string;
  tokens: Record<string, string>;
  extraData?: unknown;
  timestamp: number;
}

const SEEDED_AT = Date.UTC(2024, 0, 2, 9, 0, 0);

export function seededEventDefinitions(portalId: number): EventDefinition[] {
  const def = (name: string, label: string, properties: string[]): EventDefinition => ({
    fullyQualifiedName: `pe${portalId}_${name}`,
    name,
    label,
    primaryObject: 'CONTACT',
    properties,
    archived: false,
    createdAt: SEEDED_AT,
  });
  return [
    def('app_login', 'App login', ['plan', 'device']),
    def('cart_abandoned', 'Cart abandoned', ['cart_value', 'items']),
  ];
}

/** Every app starts with one template, created the first time it is looked at; its id derives from the app's. */
export function seededTimelineTemplates(appId: number): TimelineTemplate[] {
  return [
    {
      id: `${appId}001`,
      appId,
      name: 'Webinar attended',
      objectType: 'contacts',
      headerTemplate: 'Attended {{webinarName}}',
      tokens: [
        { name: 'webinarName', label: 'Webinar name', type: 'string' },
        { name: 'minutes', label: 'Minutes watched', type: 'number' },
      ],
      createdAt: SEEDED_AT,
    },
  ];
}

export class EventStore {
  private readonly definitions = new Map<string, EventDefinition>();
  readonly occurrences: EventOccurrence[] = [];
  private readonly templates = new Map<string, TimelineTemplate>();
  private readonly timeline = new Map<string, TimelineEvent>();

  private readonly seededApps = new Set<number>();

  constructor(portalId: number) {
    for (const d of seededEventDefinitions(portalId)) this.definitions.set(d.fullyQualifiedName, d);
  }

  allDefinitions(): EventDefinition[] {
    return [...this.definitions.values()];
  }

  definition(fullyQualifiedName: string): EventDefinition | undefined {
    return this.definitions.get(fullyQualifiedName);
  }

  templatesOf(appId: number): TimelineTemplate[] {
    if (!this.seededApps.has(appId)) {
      this.seededApps.add(appId);
      for (const t of seededTimelineTemplates(appId)) this.templates.set(t.id, t);
    }
    return [...this.templates.values()].filter((t) => t.appId === appId);
  }

  /** A template of this app; another app's template is not found. */
  template(appId: number, id: string): TimelineTemplate | undefined {
    return this.templatesOf(appId).find((t) => t.id === id);
  }

  timelineEvent(templateId: string, id: string): TimelineEvent | undefined {
    return this.timeline.get(`${templateId}|${id}`);
  }

  addTimelineEvent(event: TimelineEvent): void {
    this.timeline.set(`${event.eventTemplateId}|${event.id}`, event);
  }

  toJSON() {
    return {
      definitions: this.allDefinitions(),
      occurrences: this.occurrences,
      templates: [...this.templates.values()],
      seededApps: [...this.seededApps],
      timeline: [...this.timeline.values()],
    };
  }

  load(state: ReturnType<EventStore['toJSON']> | undefined): void {
    if (!state) return;
    for (const d of state.definitions) this.definitions.set(d.fullyQualifiedName, d);
    this.occurrences.push(...state.occurrences);
    for (const t of state.templates) this.templates.set(t.id, t);
    for (const a of state.seededApps ?? []) this.seededApps.add(a);
    for (const e of state.timeline) this.addTimelineEvent(e);
  }
}
