/**
 * HubSpot-defined association type ids, as the associations v4 docs list them
 * (https://developers.hubspot.com/docs/api/crm/associations/v4, "Association type id values"). Each id names one
 * direction; the row gives both, then HubSpot's own label where the type has one. Quotes, orders, carts, leads and
 * invoices: the "Associations" section of each object's guide (e.g.
 * https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/orders/guide); communications, postal mail and
 * feedback submissions: the v4 docs' table.
 */

export interface AssociationTypeDef {
  from: string;
  to: string;
  typeId: number;
  inverseTypeId: number;
  label: string | null;
}

const TABLE = `
contacts   companies   279 280
contacts   companies     1   2  Primary
deals      contacts      3   4
deals      companies   341 342
deals      companies     5   6  Primary
tickets    contacts     16  15
tickets    companies   339 340
tickets    companies    26  25  Primary
deals      tickets      27  28
deals      line_items   19  20
companies  companies    13  14  Parent Company
quotes     deals        64  63
notes      contacts    202 201
notes      companies   190 189
notes      deals       214 213
notes      tickets     228 227
tasks      contacts    204 203
tasks      companies   192 191
tasks      deals       216 215
tasks      tickets     230 229
calls      contacts    194 193
calls      companies   182 181
calls      deals       206 205
calls      tickets     220 219
meetings   contacts    200 199
meetings   companies   188 187
meetings   deals       212 211
meetings   tickets     226 225
emails     contacts    198 197
emails     companies   186 185
emails     deals       210 209
emails     tickets     224 223
quotes     contacts     69  70
quotes     companies    71  72
quotes     line_items   67  68
leads      contacts    578 579  Primary
leads      contacts    608 609
leads      companies   610 611
orders     contacts    507 508
orders     companies   509 510
orders     deals       512 511
orders     line_items  513 514
carts      contacts    586 587
carts      line_items  590 591
carts      orders      592 593
invoices   contacts    177 178
invoices   companies   179 180
invoices   deals       175 176
invoices   line_items  409 410
communications contacts   81  82
communications tickets    83  84
communications deals      85  86
communications companies  87  88
postal_mail contacts   453 454
postal_mail tickets    455 456
postal_mail deals      457 458
postal_mail companies  459 460
feedback_submissions contacts  98  97
feedback_submissions tickets  100  99
contacts   contacts    449 449
companies  companies   450 450
deals      deals       451 451
tickets    tickets     452 452
`;

function parse(table: string): AssociationTypeDef[] {
  const out: AssociationTypeDef[] = [];
  for (const line of table.trim().split('\n')) {
    const [from, to, id, inverse, ...label] = line.trim().split(/\s+/);
    const row = { typeId: Number(id), inverseTypeId: Number(inverse), label: label.join(' ') || null };
    out.push({ from: from!, to: to!, ...row });
    // Same-type unlabelled types use one id both ways; every other row also stands for its reverse direction.
    if (from !== to || row.typeId !== row.inverseTypeId) {
      out.push({
        from: to!,
        to: from!,
        typeId: row.inverseTypeId,
        inverseTypeId: row.typeId,
        label: row.label,
      });
    }
  }
  return out;
}

export const HUBSPOT_DEFINED_ASSOCIATION_TYPES: readonly AssociationTypeDef[] = parse(TABLE);

/** The unlabelled type from one object type to another, if HubSpot defines one. */
export function defaultAssociationTypeId(from: string, to: string): number | undefined {
  return HUBSPOT_DEFINED_ASSOCIATION_TYPES.find((t) => t.from === from && t.to === to && t.label === null)
    ?.typeId;
}
