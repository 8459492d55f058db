import { defaultAssociationTypeId } from '../../hubspot/associationTypes';
import { recordPicker } from '../recordDropdown';
import type { AssociationTarget } from '../request';
import type { InputFieldDef } from '../types';
import { objectType } from './common';

/**
 * A create's associations to existing records, written in the create call itself (inline `associations`:
 * https://developers.hubspot.com/docs/api/crm/understanding-the-crm#create-records-with-associations): per target type,
 * the records' ids and the association label, from the portal's labels between the two types (HubSpot's default,
 * unlabelled type unless another is chosen).
 */
export function associationInputs(
  from: string,
  targets: readonly string[],
): { fields: InputFieldDef[]; targets: AssociationTarget[] } {
  const fields: InputFieldDef[] = [];
  const declared: AssociationTarget[] = [];
  for (const to of targets) {
    const target = objectType(to);
    const defaultTypeId = defaultAssociationTypeId(from, to);
    if (defaultTypeId === undefined) throw new Error(`No HubSpot-defined association from ${from} to ${to}.`);
    const noun = target.singular.toLowerCase();
    const ids = `${noun.replace(/ /g, '_')}_ids`;
    const label = `${noun.replace(/ /g, '_')}_association_label`;
    fields.push(
      {
        key: ids,
        label: `Associated ${noun} IDs`,
        list: true,
        required: false,
        ...recordPicker(to),
        helpText: `Existing ${target.plural.toLowerCase()} to associate with, by record ID, in the same call.`,
      },
      {
        key: label,
        label: `Label for the ${target.plural.toLowerCase()}`,
        required: false,
        default: `HUBSPOT_DEFINED:${defaultTypeId}`,
        dropdown: { kind: 'typeAssociationLabels', from, to },
        helpText: `The association label given to every ${noun} above. Empty: HubSpot's default, unlabelled association.`,
      },
    );
    declared.push({ input: ids, toType: to, list: true, label });
  }
  return { fields, targets: declared };
}
