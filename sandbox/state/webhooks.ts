/**
 * Webhook settings and subscriptions per app (HubSpot's app webhooks v3). Delivery lives in `../webhooks/`.
 * https://developers.hubspot.com/docs/api/webhooks
 */

export interface WebhookSettings {
  targetUrl: string;
  throttling: { maxConcurrentRequests: number };
  createdAt: number;
  updatedAt?: number;
}

export interface WebhookSubscription {
  id: number;
  appId: number;
  eventType: string;
  /** Property-change subscriptions only. */
  propertyName?: string;
  /** `object.*` subscriptions only. */
  objectTypeId?: string;
  active: boolean;
  createdAt: number;
  updatedAt?: number;
}

export class WebhookStore {
  private readonly settings = new Map<number, WebhookSettings>();
  private readonly subscriptions = new Map<number, WebhookSubscription>();
  private nextSubscriptionId = 1;

  settingsOf(appId: number): WebhookSettings | undefined {
    return this.settings.get(appId);
  }

  configure(appId: number, settings: WebhookSettings): void {
    this.settings.set(appId, settings);
  }

  removeSettings(appId: number): boolean {
    return this.settings.delete(appId);
  }

  subscriptionsOf(appId: number): WebhookSubscription[] {
    return [...this.subscriptions.values()].filter((s) => s.appId === appId);
  }

  subscription(appId: number, id: number): WebhookSubscription | undefined {
    const found = this.subscriptions.get(id);
    return found?.appId === appId ? found : undefined;
  }

  addSubscription(input: Omit<WebhookSubscription, 'id'>): WebhookSubscription {
    const stored = { id: this.nextSubscriptionId++, ...input };
    this.subscriptions.set(stored.id, stored);
    return stored;
  }

  removeSubscription(id: number): void {
    this.subscriptions.delete(id);
  }

  /** Apps with a target URL and at least one active subscription: the only ones a change is checked against. */
  listeningApps(): number[] {
    const apps = new Set<number>();
    for (const s of this.subscriptions.values())
      if (s.active && this.settings.has(s.appId)) apps.add(s.appId);
    return [...apps];
  }

  toJSON() {
    return {
      settings: [...this.settings],
      subscriptions: [...this.subscriptions.values()],
      nextSubscriptionId: this.nextSubscriptionId,
    };
  }

  /** Absent in state saved before webhooks existed. */
  load(state: ReturnType<WebhookStore['toJSON']> | undefined): void {
    if (!state) return;
    for (const [appId, settings] of state.settings) this.settings.set(appId, settings);
    for (const s of state.subscriptions) this.subscriptions.set(s.id, s);
    this.nextSubscriptionId = Math.max(this.nextSubscriptionId, state.nextSubscriptionId);
  }
}
