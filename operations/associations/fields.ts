import { FieldValidationError } from '../../hubspot/coerce';
import type { ObjectTypeDef } from '../../hubspot/objectTypes';
import { objectTypeFromValue } from '../objectTypeRef';
import { recordPicker } from '../recordDropdown';
import { recordIdInput, requiredText } from '../records';
import { type AssociationLabelDef, associationLabels, labelValue, UNLABELLED } from '../typeDropdowns';
import type { InputFieldDef, OperationContext } from '../types';

/** The fields naming the two records of an association, shared by the association operations. */

const typeField = (key: string, label: string): InputFieldDef => ({
  key,
  label,
  required: true,
  dropdown: { kind: 'objectTypes' },
  helpText: 'Any HubSpot object type, custom objects included.',
});

/** A record of the type chosen in `typeKey`. */
const idField = (key: string, label: string, typeKey: string): InputFieldDef => ({
  key,
  label,
  required: true,
  ...recordPicker({ fromInput: typeKey }),
  helpText: 'The HubSpot record ID.',
});

export const FROM_TYPE = typeField('from_object_type', 'From object type');
export const FROM_ID = idField('from_id', 'From record ID', FROM_TYPE.key);
export const TO_TYPE = typeField('to_object_type', 'To object type');
export const TO_ID = idField('to_id', 'To record ID', TO_TYPE.key);

export const LABEL: InputFieldDef = {
  key: 'label',
  label: 'Association label',
  required: false,
  dropdown: { kind: 'associationLabels', fromField: FROM_TYPE.key, toField: TO_TYPE.key },
  helpText:
    "One of the portal's labels between the two object types (the label name also works). Leave empty for the plain, unlabelled association.",
};

export function typeInput(ctx: OperationContext, field: InputFieldDef): ObjectTypeDef {
  return objectTypeFromValue(requiredText(ctx, field.key, field.label), field);
}

/**
 * The association type the label input names, checked against the portal's labels between the two types
 * (`GET .../labels`), so an unknown label is refused naming the field before anything is written. Accepts the
 * dropdown's `CATEGORY:typeId`, a bare type id, or the label's name.
 */
export async function labelInput(
  ctx: OperationContext,
  from: ObjectTypeDef,
  to: ObjectTypeDef,
): Promise<AssociationLabelDef | undefined> {
  const raw = ctx.input[LABEL.key];
  if (raw === undefined || raw === null || String(raw).trim() === '') return undefined;
  const wanted = String(raw).trim();
  const defs = await associationLabels(ctx, from.name, to.name);
  const match = defs.find(
    (d) =>
      labelValue(d) === wanted ||
      String(d.typeId) === wanted ||
      (d.label ?? UNLABELLED).toLowerCase() === wanted.toLowerCase(),
  );
  if (match) return match;
  const known = defs.map((d) => d.label ?? UNLABELLED).join(', ');
  throw new FieldValidationError(
    LABEL.key,
    LABEL.label,
    `"${wanted}" is not an association label from ${from.name} to ${to.name}. Labels in this account: ${known || 'none'}.`,
  );
}

export const toSpec = (d: AssociationLabelDef) => ({
  associationCategory: d.category,
  associationTypeId: d.typeId,
});

/** The two records of a create/remove step and the label, all checked before any write. */
export async function pairInput(ctx: OperationContext) {
  const from = typeInput(ctx, FROM_TYPE);
  const fromId = recordIdInput(ctx, FROM_ID);
  const to = typeInput(ctx, TO_TYPE);
  const toId = recordIdInput(ctx, TO_ID);
  return { from, fromId, to, toId, label: await labelInput(ctx, from, to) };
}
