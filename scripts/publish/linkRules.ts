import {
  type AppDefinition,
  isHidden,
  type Operation,
  operationsOf,
  outputFields,
  staticFields,
} from './definition';
import type { Finding } from './rules';

/**
 * Link rules: dynamic dropdowns point at hidden triggers that return the value and label they name, search-powered
 * fields at searches, search-or-creates at their parts; ID fields offer a dropdown; searches have a field to search
 * by and creates some static fields.
 * https://platform.zapier.com/build/dynamic-dropdowns
 */

/** A field that asks for an ID: "Deal ID", "Associated contact IDs", a key such as `deal_id`. */
const ID_LABEL = /\bIDs?\b/;
const ID_KEY = /(^|_)ids?$/;

export function linkRules(app: AppDefinition): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, where: string, message: string) => findings.push({ rule, where, message });
  const poweringDropdowns = new Set<string>();

  for (const { kind, op, where } of operationsOf(app)) {
    const fields = staticFields(op);
    for (const field of fields) {
      const at = `${where}.inputFields.${field.key}`;
      if (field.dynamic) {
        const [trigger = '', ...keys] = field.dynamic.split('.');
        poweringDropdowns.add(trigger);
        checkDynamic(app.triggers?.[trigger], trigger, keys, at, add);
      } else if ((ID_LABEL.test(field.label ?? '') || ID_KEY.test(field.key)) && field.type !== 'copy') {
        add('D004', at, `"${field.label ?? field.key}" asks for an ID without a dynamic dropdown.`);
      }
      if (field.search) {
        if (!field.dynamic)
          add('D014', at, `links the search "${field.search}" but has no dynamic dropdown.`);
        const [search = '', idField = ''] = field.search.split('.');
        const target = app.searches?.[search];
        if (!target) add('D013', at, `links the search "${search}", which does not exist.`);
        else if (!returns(target, idField))
          add('D013', at, `links "${field.search}", but the search "${search}" returns no "${idField}".`);
      }
    }
    const dynamicFields = (op.operation?.inputFields ?? []).some((f) => typeof f === 'function');
    if (kind === 'searches' && fields.length === 0 && !dynamicFields)
      add('D009', where, 'has no field to search by.');
    if (kind === 'creates' && !isHidden(op) && fields.filter((f) => f.type !== 'copy').length === 0)
      add('D022', where, 'has only fields loaded from the account; Zap templates need some static fields.');
  }

  for (const [key, trigger] of Object.entries(app.triggers ?? {})) {
    // Only the static fields are known offline: a hidden trigger may power fields loaded from the account (owners).
    if (poweringDropdowns.has(key) && !isHidden(trigger))
      add('BG-dropdown-trigger', `triggers.${key}`, 'powers a dropdown but is shown to users; hide it.');
  }

  for (const [key, soc] of Object.entries(app.searchOrCreates ?? {})) {
    const where = `searchOrCreates.${key}`;
    if (!app.searches?.[soc.search]) add('D015', where, `its search "${soc.search}" does not exist.`);
    if (!app.creates?.[soc.create]) add('D015', where, `its create "${soc.create}" does not exist.`);
    if (soc.update !== undefined && !app.creates?.[soc.update])
      add('D015', where, `its update "${soc.update}" does not exist.`);
  }
  return findings;
}

type Add = (rule: string, where: string, message: string) => void;

/** D005: `trigger.value.label`: the trigger exists and returns both fields. */
function checkDynamic(trigger: Operation | undefined, key: string, fields: string[], at: string, add: Add) {
  if (!trigger) return add('D005', at, `its dropdown trigger "${key}" does not exist.`);
  for (const field of fields.flatMap((f) => f.split(',')))
    if (!returns(trigger, field)) add('D005', at, `its dropdown trigger "${key}" returns no "${field}".`);
}

/** An operation returns a field when its output fields or its sample name it. */
function returns(op: Operation, field: string): boolean {
  const sample = op.operation?.sample;
  const inSample = typeof sample === 'object' && sample !== null && field in sample;
  return inSample || outputFields(op).some((f) => f.key === field);
}
