import { FieldValidationError } from '../../hubspot/coerce';
import { upsertRecordOperation } from '../objects/upsertRecord';
import type { PortalPropertyDefinition } from '../propertyFields';
import { SAMPLE_COMPANY } from '../samples';
import type { OperationDef } from '../types';

/**
 * Create or update a company in one call, matched on a property whose values HubSpot keeps unique
 * (`hasUniqueValue`). HubSpot's batch upsert accepts only such a property as `idProperty`
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/companies/batch/upsert-companies). A
 * company's `domain` is what HubSpot's UI deduplicates on, but its definition is not `hasUniqueValue`
 * (https://developers.hubspot.com/docs/api/crm/companies), so an upsert by domain is refused. Refused here before any
 * call, instead of surfacing HubSpot's 400, with the two safe ways to match on domain: a unique custom property
 * holding the domain (HubSpot enforces it, on every platform), or Zapier's Find or Create Company, whose create keeps
 * the first company with the domain when runs overlap (operations/objects/keepOldest.ts). A plain search step
 * followed by a create is not safe: search lags behind writes, so overlapping runs each create a company.
 */
const upsert = upsertRecordOperation({
  key: 'create_or_update_company',
  objectType: 'companies',
  sample: SAMPLE_COMPANY,
});

export const createOrUpdateCompany: OperationDef = {
  ...upsert,
  inputFields: upsert.inputFields.map((field) =>
    field.key === 'id_property'
      ? {
          ...field,
          helpText:
            'A company property with unique values; its value is taken from the matching field below. Domain is ' +
            'not one (two companies may share a domain): to match on domain, create a unique custom property holding ' +
            'the domain and match on it, or use Find or Create Company.',
        }
      : field,
  ),
  async perform(ctx) {
    const idProperty = ctx.input.id_property ? String(ctx.input.id_property) : '';
    const defs = (await ctx.schema.properties('companies')) as PortalPropertyDefinition[];
    if (idProperty && !defs.some((d) => d.name === idProperty && d.hasUniqueValue)) {
      throw new FieldValidationError(
        'id_property',
        'Match on',
        `"${idProperty}" is not a unique property of companies in this HubSpot account, so HubSpot cannot match ` +
          'on it. Choose a property with unique values (such as a unique custom property holding the domain), ' +
          'or on Zapier use Find or Create Company to match on domain.',
      );
    }
    return upsert.perform(ctx);
  },
};
