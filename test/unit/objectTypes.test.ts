import { AssociationTypes } from '@hubspot/api-client';
import { HUBSPOT_DEFINED_ASSOCIATION_TYPES, labelledAssociationTypeId } from '../../hubspot/associationTypes';
import { buildMessage } from '../../hubspot/errorMessages';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../hubspot/oauth';
import {
  findStandardObjectType,
  refusedWrite,
  STANDARD_OBJECT_TYPES,
  scopeAvailability,
} from '../../hubspot/objectTypes';
import { ALL_SCOPES } from '../../hubspot/scopes';
import { availabilityNote } from '../../operations/availability';
import { objectTypeLabel } from '../../operations/typeDropdowns';

/** The other CRM v3 types (issue 12): ids, scopes, association ids, and what the account needs, in help and errors. */
describe('standard object types beyond the core CRM', () => {
  it.each([
    ['quotes', '0-14'],
    ['leads', '0-136'],
    ['orders', '0-123'],
    ['carts', '0-142'],
    ['invoices', '0-53'],
    ['communications', '0-18'],
    ['postal_mail', '0-116'],
    ['feedback_submissions', '0-19'],
    ['users', '0-115'],
    ['goal_targets', '0-74'],
    ['commerce_payments', '0-101'],
    ['subscriptions', '0-69'],
    ['discounts', '0-84'],
    ['fees', '0-85'],
    ['taxes', '0-86'],
    ['projects', '0-970'],
  ])('%s is objectTypeId %s, found by either', (name, id) => {
    expect(findStandardObjectType(name)?.objectTypeId).toBe(id);
    expect(findStandardObjectType(id)?.name).toBe(name);
  });

  it('every scope a type names is one the connector knows, and every scope beyond contacts is optional', () => {
    const named = STANDARD_OBJECT_TYPES.flatMap((t) => [...t.readScopes, ...t.writeScopes]);
    expect(named.filter((s) => !ALL_SCOPES.includes(s))).toEqual([]);
    const asked = new Set<string>([...REQUIRED_SCOPES, ...OPTIONAL_SCOPES]);
    const notAsked = named.filter((s) => !asked.has(s) && s !== 'e-commerce' && s !== 'sales-email-read');
    expect(notAsked).toEqual([]);
    expect(REQUIRED_SCOPES).toEqual(['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write']);
  });

  it('only read-only types lack a write scope', () => {
    const unwritable = STANDARD_OBJECT_TYPES.filter((t) => t.writeScopes.length === 0).map((t) => t.name);
    expect(unwritable).toEqual(['feedback_submissions', 'goal_targets']);
    expect(STANDARD_OBJECT_TYPES.filter((t) => t.readOnly).map((t) => t.name)).toEqual(unwritable);
    expect(STANDARD_OBJECT_TYPES.filter((t) => t.updateOnly).map((t) => t.name)).toEqual(['users']);
  });

  it('each new type reads and writes with the scopes its guide lists', () => {
    const scopes = (name: string) => {
      const t = findStandardObjectType(name)!;
      return [t.readScopes, t.writeScopes];
    };
    expect(scopes('users')).toEqual([['crm.objects.users.read'], ['crm.objects.users.write']]);
    expect(scopes('goal_targets')).toEqual([['crm.objects.goals.read'], []]);
    expect(scopes('commerce_payments')).toEqual([
      ['crm.objects.commercepayments.read'],
      ['crm.objects.commercepayments.write'],
    ]);
    expect(scopes('subscriptions')).toEqual([
      ['crm.objects.subscriptions.read'],
      ['crm.objects.subscriptions.write'],
    ]);
    for (const pricing of ['discounts', 'fees', 'taxes']) {
      expect([pricing, ...scopes(pricing)]).toEqual([
        pricing,
        ['crm.objects.line_items.read'],
        ['crm.objects.line_items.write'],
      ]);
    }
    expect(scopes('projects')).toEqual([['crm.objects.projects.read'], ['crm.objects.projects.write']]);
  });

  it('discounts, fees and taxes show their label; projects their name; none is refused a write', () => {
    const type = (name: string) => findStandardObjectType(name)!;
    expect(['discounts', 'fees', 'taxes', 'projects'].map((n) => type(n).primaryDisplayProperty)).toEqual([
      'hs_label',
      'hs_label',
      'hs_label',
      'hs_name',
    ]);
    for (const name of ['discounts', 'fees', 'taxes', 'projects']) {
      expect([name, refusedWrite(type(name), 'create'), refusedWrite(type(name), 'archive')]).toEqual([
        name,
        undefined,
        undefined,
      ]);
    }
    expect(objectTypeLabel(type('taxes'))).toBe('Taxes');
    expect(findStandardObjectType('tax')).toBeUndefined();
  });

  it('the OAuth app asks the projects scopes as optional; the pricing types add no scope beyond line items', () => {
    expect(OPTIONAL_SCOPES).toEqual(
      expect.arrayContaining(['crm.objects.projects.read', 'crm.objects.projects.write']),
    );
    expect(ALL_SCOPES.filter((s) => /\.(discounts|fees|taxes)\./.test(s))).toEqual([]);
  });

  it('says which writes HubSpot refuses for a type, and nothing for one it serves', () => {
    const type = (name: string) => findStandardObjectType(name)!;
    expect(refusedWrite(type('goal_targets'), 'update')).toMatch(/^Goal targets are read only/);
    expect(refusedWrite(type('feedback_submissions'), 'create')).toMatch(
      /^Feedback submissions are read only/,
    );
    expect(refusedWrite(type('users'), 'create')).toBe(
      "Users can only be updated through HubSpot's API, not created.",
    );
    expect(refusedWrite(type('users'), 'archive')).toMatch(/not archived\.$/);
    expect(refusedWrite(type('users'), 'update')).toBeUndefined();
    expect(refusedWrite(type('commerce_payments'), 'create')).toBeUndefined();
  });

  it('association ids agree with the AssociationTypes enum of @hubspot/api-client where it has them', () => {
    const id = (from: string, to: string) =>
      HUBSPOT_DEFINED_ASSOCIATION_TYPES.find((t) => t.from === from && t.to === to && t.label === null)
        ?.typeId;
    expect([
      id('quotes', 'contacts'),
      id('contacts', 'quotes'),
      id('quotes', 'companies'),
      id('quotes', 'line_items'),
      id('communications', 'contacts'),
      id('tickets', 'communications'),
      id('postal_mail', 'deals'),
      id('companies', 'postal_mail'),
      id('feedback_submissions', 'contacts'),
      id('tickets', 'feedback_submissions'),
    ]).toEqual([
      AssociationTypes.quoteToContact,
      AssociationTypes.contactToQuote,
      AssociationTypes.quoteToCompany,
      AssociationTypes.quoteToLineItem,
      AssociationTypes.communicationToContact,
      AssociationTypes.ticketToCommunication,
      AssociationTypes.postalMailToDeal,
      AssociationTypes.companyToPostalMail,
      AssociationTypes.feedbackSubmissionToContact,
      AssociationTypes.ticketToFeedbackSubmission,
    ]);
    // Not in the enum; from the leads and orders guides.
    expect(labelledAssociationTypeId('leads', 'contacts', 'Primary')).toBe(578);
    expect([id('orders', 'contacts'), id('orders', 'line_items'), id('carts', 'orders')]).toEqual([
      507, 513, 592,
    ]);
  });

  it('names the tier behind a scope, and nothing for a scope every account has', () => {
    expect(scopeAvailability('crm.objects.leads.write')).toBe(
      'Leads need Sales Hub Professional or Enterprise, with leads set up in the account',
    );
    expect(scopeAvailability('crm.objects.feedback_submissions.read')).toMatch(
      /^Feedback submissions need Service Hub/,
    );
    expect(scopeAvailability('crm.objects.commercepayments.write')).toBe(
      'Payments need HubSpot payments or Stripe payment processing set up in the account (Commerce Hub)',
    );
    expect(scopeAvailability('crm.objects.users.read')).toBeUndefined();
    expect(scopeAvailability('crm.objects.orders.read')).toBeUndefined();
    expect(scopeAvailability('crm.objects.contacts.read')).toBeUndefined();
  });

  it('a missing-scope message names the tier when the scope needs one, and only asks to reconnect otherwise', () => {
    const message = (scopes: string[]) =>
      buildMessage('missingScopes', { body: { errors: [], propertyErrors: [] }, context: {}, scopes });
    expect(message(['crm.objects.quotes.write'])).toBe(
      'The HubSpot connection is missing the permission(s) crm.objects.quotes.write. Quotes need Commerce Hub ' +
        'Professional or Enterprise (or Sales Hub with legacy quotes). Once the HubSpot account has it, reconnect ' +
        'your HubSpot account and grant them.',
    );
    expect(message(['crm.objects.orders.write'])).toBe(
      'The HubSpot connection is missing the permission(s) crm.objects.orders.write. Reconnect your HubSpot account and grant them.',
    );
  });

  it('the type picker and the notice above a step say what a type needs', () => {
    const type = (name: string) => findStandardObjectType(name)!;
    expect(objectTypeLabel(type('orders'))).toBe('Orders');
    expect(objectTypeLabel(type('feedback_submissions'))).toBe(
      'Feedback submissions (read only; needs Service Hub Professional or Enterprise (customer feedback surveys))',
    );
    expect(availabilityNote(type('invoices'), 'write')).toBe(
      'Invoices need HubSpot invoices (Commerce Hub) set up in the account; the HubSpot connection needs the scope crm.objects.invoices.write.',
    );
    expect(availabilityNote(type('carts'), 'write')).toBeUndefined();
    expect(objectTypeLabel(type('users'))).toBe('Users (update only)');
    expect(objectTypeLabel(type('goal_targets'))).toBe('Goal targets (read only)');
    expect(objectTypeLabel(type('subscriptions'))).toBe(
      'Subscriptions (needs HubSpot payments or Stripe payment processing set up in the account (Commerce Hub))',
    );
  });
});
