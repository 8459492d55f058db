import type { InputFieldDef, OperationDef } from '../types';

/** The polling trigger's property dropdown, worded for a push: the relay watches exactly this property. */
export function propertyField(polling: OperationDef): InputFieldDef {
  const field = polling.inputFields.find((f) => f.key === 'property');
  if (!field) throw new Error(`${polling.key} has no property field`);
  return { ...field, helpText: 'The property to watch; each change of it triggers once.' };
}
