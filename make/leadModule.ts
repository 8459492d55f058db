import { defaultAssociationTypeId, labelledAssociationTypeId } from '../hubspot/associationTypes';
import type { OperationDef } from '../operations/types';
import { associationParts } from './imlArrays';
import type { MakeModule } from './model';
import { moduleFromRecipe, recipeFor } from './recipes';

/**
 * Create Lead: the create recipe's module, with the contact associated as the lead's primary contact. HubSpot creates a
 * lead only with its contact (https://developers.hubspot.com/docs/api/crm/leads, whose example uses the primary
 * type); the recipe's inline associations take the unlabelled default type of a `contact_id` field, so that one
 * association is swapped for the labelled type, as the Zapier step sends it (`operations/leads/createLead.ts`).
 */
export function createLeadModule(def: OperationDef): MakeModule {
  const recipe = recipeFor(def);
  if (!recipe) throw new Error(`${def.key}: no create recipe to start from`);
  const module = moduleFromRecipe(def, recipe);
  const inJson = (typeId: number | undefined) => {
    if (typeId === undefined) throw new Error(`${def.key}: no lead → contact association type`);
    return JSON.stringify(associationParts(typeId).after).slice(1, -1);
  };
  const unlabelled = inJson(defaultAssociationTypeId('leads', 'contacts'));
  const primary = inJson(labelledAssociationTypeId('leads', 'contacts', 'Primary'));
  const parts = JSON.stringify(module).split(unlabelled);
  // Exactly one inline association (the contact): anything else means the recipe changed and this needs a look.
  if (parts.length !== 2)
    throw new Error(`${def.key}: expected one contact association, found ${parts.length - 1}`);
  return JSON.parse(parts.join(primary)) as MakeModule;
}
