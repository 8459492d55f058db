import {
  defaultAssociationTypeId,
  HUBSPOT_DEFINED_ASSOCIATION_TYPES,
  inverseAssociationTypeId,
} from '../../hubspot/associationTypes';

describe('HubSpot-defined association types', () => {
  it('knows the default contact → company type and its inverse', () => {
    expect(defaultAssociationTypeId('contacts', 'companies')).toBe(279);
    expect(defaultAssociationTypeId('companies', 'contacts')).toBe(280);
    expect(inverseAssociationTypeId(279, 'contacts', 'companies')).toBe(280);
  });

  it('distinguishes parent and child companies', () => {
    expect(inverseAssociationTypeId(13, 'companies', 'companies')).toBe(14);
    expect(inverseAssociationTypeId(14, 'companies', 'companies')).toBe(13);
  });

  it('has every directed pair at most once per label', () => {
    const keys = HUBSPOT_DEFINED_ASSOCIATION_TYPES.map((t) => `${t.from}>${t.to}>${t.typeId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
