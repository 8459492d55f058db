/**
 * Workflows (v4 flows, with the legacy workflow id the v2 enrollment endpoint takes) and sales sequences, with the
 * contacts enrolled in each. Seeded so every portal has something to enroll into.
 * https://developers.hubspot.com/docs/api-reference/legacy/automation/workflows/guide,
 * https://developers.hubspot.com/docs/api-reference/2026-03/automation/sequences/guide
 */

export interface StoredFlow {
  /** The v4 flow id. */
  id: string;
  /** The legacy (v2/v3) workflow id of the same workflow. */
  workflowId: number;
  name: string;
  objectTypeId: string;
  isEnabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface StoredSequence {
  id: string;
  name: string;
  /** The user who owns it (sequences are listed per user). */
  userId: number;
  createdAt: number;
  updatedAt: number;
}

export interface SequenceEnrollment {
  id: string;
  sequenceId: string;
  contactId: string;
  toEmail: string;
  senderEmail: string;
  enrolledAt: number;
}

const SEEDED_AT = Date.UTC(2024, 0, 2, 9, 0, 0);

export const SEEDED_FLOWS: readonly StoredFlow[] = [
  flow('585051946', 9_100_001, 'Welcome series', '0-1', true),
  flow('585051947', 9_100_002, 'Re-engage cold leads', '0-1', true),
  flow('585051948', 9_100_003, 'Old nurture', '0-1', false),
  flow('585051949', 9_100_004, 'Deal won follow-up', '0-3', true),
];

export const SEEDED_SEQUENCES: readonly StoredSequence[] = [
  { id: '300001', name: 'First touch', userId: 2002, createdAt: SEEDED_AT, updatedAt: SEEDED_AT },
  { id: '300002', name: 'Demo follow-up', userId: 2002, createdAt: SEEDED_AT, updatedAt: SEEDED_AT },
  { id: '300003', name: 'Support check-in', userId: 2004, createdAt: SEEDED_AT, updatedAt: SEEDED_AT },
];

function flow(
  id: string,
  workflowId: number,
  name: string,
  objectTypeId: string,
  isEnabled: boolean,
): StoredFlow {
  return { id, workflowId, name, objectTypeId, isEnabled, createdAt: SEEDED_AT, updatedAt: SEEDED_AT };
}

export class AutomationStore {
  private readonly flows = new Map(SEEDED_FLOWS.map((f) => [f.id, { ...f }]));
  private readonly sequences = new Map(SEEDED_SEQUENCES.map((s) => [s.id, { ...s }]));
  /** workflowId → contact e-mails enrolled, in order. */
  private readonly workflowEnrollments = new Map<number, string[]>();
  private readonly sequenceEnrollments: SequenceEnrollment[] = [];
  private nextEnrollment = 800_001;

  allFlows(): StoredFlow[] {
    return [...this.flows.values()];
  }

  flowById(id: string): StoredFlow | undefined {
    return this.flows.get(id);
  }

  flowByWorkflowId(workflowId: number): StoredFlow | undefined {
    return this.allFlows().find((f) => f.workflowId === workflowId);
  }

  enrollInWorkflow(workflowId: number, email: string): void {
    const list = this.workflowEnrollments.get(workflowId) ?? [];
    list.push(email);
    this.workflowEnrollments.set(workflowId, list);
  }

  enrolledInWorkflow(workflowId: number): string[] {
    return [...(this.workflowEnrollments.get(workflowId) ?? [])];
  }

  sequencesOf(userId: number): StoredSequence[] {
    return [...this.sequences.values()].filter((s) => s.userId === userId);
  }

  sequence(id: string): StoredSequence | undefined {
    return this.sequences.get(id);
  }

  /** A contact is in at most one sequence at a time (sequences guide). */
  activeEnrollmentOf(contactId: string): SequenceEnrollment | undefined {
    return this.sequenceEnrollments.find((e) => e.contactId === contactId);
  }

  enrollInSequence(enrollment: Omit<SequenceEnrollment, 'id'>): SequenceEnrollment {
    const stored = { id: String(this.nextEnrollment++), ...enrollment };
    this.sequenceEnrollments.push(stored);
    return stored;
  }

  toJSON() {
    return {
      flows: this.allFlows(),
      sequences: [...this.sequences.values()],
      workflowEnrollments: [...this.workflowEnrollments],
      sequenceEnrollments: this.sequenceEnrollments,
      nextEnrollment: this.nextEnrollment,
    };
  }

  load(state: ReturnType<AutomationStore['toJSON']> | undefined): void {
    if (!state) return;
    for (const f of state.flows) this.flows.set(f.id, f);
    for (const s of state.sequences) this.sequences.set(s.id, s);
    for (const [id, list] of state.workflowEnrollments) this.workflowEnrollments.set(id, list);
    this.sequenceEnrollments.push(...state.sequenceEnrollments);
    this.nextEnrollment = state.nextEnrollment;
  }
}
