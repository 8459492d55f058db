/**
 * Subscription types and each contact's status per type (subscription preferences v4), and the transactional e-mails
 * the single-send API may send, with what was sent.
 * https://developers.hubspot.com/docs/api-reference/legacy/communication-preferences/guide,
 * https://developers.hubspot.com/docs/api-reference/latest/marketing/transactional-emails/create-transactional-email
 */

export interface SubscriptionDefinition {
  id: string;
  name: string;
  description: string;
  purpose: string;
  communicationMethod: 'Email';
  isActive: boolean;
  isDefault: boolean;
  isInternal: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface SubscriptionStatus {
  subscriberIdString: string;
  subscriptionId: string;
  status: 'SUBSCRIBED' | 'NOT_SUBSCRIBED' | 'NOT_SPECIFIED';
  legalBasis?: string;
  legalBasisExplanation?: string;
  timestamp: number;
}

export interface TransactionalEmail {
  id: number;
  name: string;
  /** Only published transactional e-mails can be sent. */
  published: boolean;
}

export interface TransactionalSend {
  statusId: string;
  emailId: number;
  to: string;
  customProperties: Record<string, unknown>;
  contactProperties: Record<string, unknown>;
  requestedAt: number;
}

const SEEDED_AT = Date.UTC(2024, 0, 2, 9, 0, 0);

const definition = (id: string, name: string, purpose: string, isActive = true): SubscriptionDefinition => ({
  id,
  name,
  description: `${name} e-mails`,
  purpose,
  communicationMethod: 'Email',
  isActive,
  isDefault: false,
  isInternal: false,
  createdAt: SEEDED_AT,
  updatedAt: SEEDED_AT,
});

export const SEEDED_DEFINITIONS: readonly SubscriptionDefinition[] = [
  definition('7001', 'Newsletter', 'Marketing'),
  definition('7002', 'Product updates', 'Marketing'),
  definition('7003', 'One to one', 'Sales'),
  definition('7004', 'Retired list', 'Marketing', false),
];

export const SEEDED_TRANSACTIONAL_EMAILS: readonly TransactionalEmail[] = [
  { id: 41000001, name: 'Order confirmation', published: true },
  { id: 41000002, name: 'Password reset', published: true },
  { id: 41000003, name: 'Draft receipt', published: false },
];

export class MarketingStore {
  private readonly definitions = new Map(SEEDED_DEFINITIONS.map((d) => [d.id, { ...d }]));
  /** `${subscriber}|${subscriptionId}` → status. */
  private readonly statuses = new Map<string, SubscriptionStatus>();
  /** Whether the portal has GDPR features on: a legal basis is then required for a change. */
  gdprEnabled = false;
  private readonly emails = new Map(SEEDED_TRANSACTIONAL_EMAILS.map((e) => [e.id, { ...e }]));
  readonly sends: TransactionalSend[] = [];

  allDefinitions(): SubscriptionDefinition[] {
    return [...this.definitions.values()];
  }

  definition(id: string): SubscriptionDefinition | undefined {
    return this.definitions.get(id);
  }

  status(subscriber: string, subscriptionId: string): SubscriptionStatus | undefined {
    return this.statuses.get(`${subscriber.toLowerCase()}|${subscriptionId}`);
  }

  setStatus(status: SubscriptionStatus): void {
    this.statuses.set(`${status.subscriberIdString.toLowerCase()}|${status.subscriptionId}`, status);
  }

  /** UUID-shaped and counted, so two sandboxes given the same sends answer the same ids. */
  nextStatusId(): string {
    return `00000000-0000-4000-8000-${String(this.sends.length + 1).padStart(12, '0')}`;
  }

  allEmails(): TransactionalEmail[] {
    return [...this.emails.values()];
  }

  email(id: number): TransactionalEmail | undefined {
    return this.emails.get(id);
  }

  toJSON() {
    return {
      definitions: this.allDefinitions(),
      statuses: [...this.statuses.values()],
      gdprEnabled: this.gdprEnabled,
      emails: [...this.emails.values()],
      sends: this.sends,
    };
  }

  load(state: ReturnType<MarketingStore['toJSON']> | undefined): void {
    if (!state) return;
    for (const d of state.definitions) this.definitions.set(d.id, d);
    for (const s of state.statuses) this.setStatus(s);
    this.gdprEnabled = state.gdprEnabled;
    for (const e of state.emails) this.emails.set(e.id, e);
    this.sends.push(...state.sends);
  }
}
