import type { ObjectTypeDef } from '../facts/objectTypes';

/**
 * A custom object type as the registry stores it: the `ObjectTypeDef` every object has, plus what the schemas API
 * answers (https://developers.hubspot.com/docs/api/crm/crm-custom-objects). The registry persists the whole object.
 */
export interface CustomObjectTypeDef extends ObjectTypeDef {
  fullyQualifiedName: string;
  /** The schema's numeric id (the number after `2-` in objectTypeId). */
  id: string;
  description?: string;
  requiredProperties: string[];
  secondaryDisplayProperties: string[];
  createdAt: number;
  updatedAt: number;
}

/** The custom-object part of a type, or undefined for standard objects. */
export function asCustom(type: ObjectTypeDef): CustomObjectTypeDef | undefined {
  return type.custom ? (type as CustomObjectTypeDef) : undefined;
}

/** Scopes of custom objects: https://developers.hubspot.com/docs/api/scopes */
export const CUSTOM_READ_SCOPES = ['crm.objects.custom.read'] as const;
export const CUSTOM_WRITE_SCOPES = ['crm.objects.custom.write'] as const;
