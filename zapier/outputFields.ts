import type { Bundle, ZObject } from 'zapier-platform-core';
import { retrievedOutputFields } from '../operations/retrievedProperties';
import type { OperationDef } from '../operations/types';
import { createContext } from './context';
import { toZapierError } from './errors';

/**
 * Output fields on Zapier. An operation that outputs record properties (`outputProperties`) lists its own fields
 * first (record id, times...), then a function Zapier calls with the step's inputs: the properties it retrieves,
 * labelled as the portal labels them and ordered by label (Zapier has no output groups). The static
 * `properties__…` fields stand in for them in the definition (Make's interface, samples). zapier-platform-schema's
 * `OutputFieldsSchema` allows functions among output fields; `primary` works only in the static ones, which stay.
 */
export function zapierOutputFields(
  def: Pick<OperationDef, 'key' | 'outputFields' | 'outputProperties'>,
): unknown[] {
  const fields = def.outputFields.map((f) => ({ ...f }));
  const typeRef = def.outputProperties;
  if (typeRef === undefined) return fields;
  return [
    ...fields.filter((f) => !f.key.startsWith('properties__')),
    async (z: ZObject, bundle: Bundle) => {
      try {
        return await retrievedOutputFields(createContext(z, bundle, def.key), typeRef);
      } catch (error) {
        throw toZapierError(z, error);
      }
    },
  ];
}
