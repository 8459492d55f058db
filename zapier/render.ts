import type { Bundle, ZObject } from 'zapier-platform-core';
import { SEARCH_REQUESTS_PER_SECOND } from '../hubspot/limits';
import type { BufferedOperationDef } from '../operations/bulk/buffered';
import { dropdownKey, fieldDependsOn } from '../operations/dropdowns';
import { typeNameFromInput } from '../operations/objectTypeRef';
import { propertyInputFields } from '../operations/propertyFields';
import type { InputFieldDef, OperationDef } from '../operations/types';
import { createContext } from './context';
import { toZapierError } from './errors';
import { zapierOutputFields } from './outputFields';

/**
 * Renders platform-neutral operation definitions (`operations/`) into Zapier's trigger, create and search objects.
 * Zapier specifics live here only: field shapes, dynamic dropdown references, throttles, error classes.
 */

type ZapierField = Record<string, unknown>;
type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

export function toZapierField(field: InputFieldDef): ZapierField {
  const dependsOn = fieldDependsOn(field);
  return {
    key: field.key,
    label: field.label,
    ...(field.type ? { type: field.type } : {}),
    ...(field.required ? { required: true } : { required: false }),
    ...(field.helpText ? { helpText: field.helpText } : {}),
    ...(field.choices
      ? { choices: field.choices.map((c) => ({ value: c.value, label: c.label, sample: c.value })) }
      : {}),
    ...(field.list ? { list: true } : {}),
    ...(field.default !== undefined ? { default: field.default } : {}),
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
    ...(field.dropdown ? { dynamic: `${dropdownKey(field.dropdown)}.id.label` } : {}),
    ...(field.altersDynamicFields ? { altersDynamicFields: true } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    // A search-powered field: the editor offers to add this Find step and maps its `id` here.
    ...(field.search ? { search: `${field.search}.id` } : {}),
    ...(field.children ? { children: field.children.map(toZapierField) } : {}),
  };
}

function perform(def: OperationDef): Perform {
  return async (z, bundle) => {
    try {
      const ctx = createContext(z, bundle, def.key);
      const result = await def.perform(ctx);
      // State (a trigger's watermark) moves only once everything it covers has been read and built.
      await ctx.state.commit();
      return result;
    } catch (error) {
      throw toZapierError(z, error);
    }
  };
}

/**
 * A destructive operation's warning, as a Copy field: Markdown shown above the step's fields, never sent to the API.
 * https://platform.zapier.com/build/field-definitions (Copy)
 */
const warningField = (warning: string): ZapierField => ({
  key: 'warning',
  label: 'Warning',
  type: 'copy',
  helpText: warning,
});

/** The warning, static fields, then the portal's property fields loaded at setup time (cached per invocation). */
function inputFields(def: OperationDef): unknown[] {
  const fields: unknown[] = [
    ...(def.warning ? [warningField(def.warning)] : []),
    ...def.inputFields.map(toZapierField),
  ];
  const spec = def.propertyFields;
  if (spec) {
    fields.push(async (z: ZObject, bundle: Bundle) => {
      try {
        const ctx = createContext(z, bundle, def.key);
        // The type may be the one chosen in another field (`altersDynamicFields`): no fields until it is chosen.
        const objectType = typeNameFromInput(spec.objectType, ctx.input);
        if (!objectType) return [];
        const defs = await ctx.schema.properties(objectType);
        return propertyInputFields(defs, spec).map(toZapierField);
      } catch (error) {
        throw toZapierError(z, error);
      }
    });
  }
  return fields;
}

function display(def: OperationDef) {
  return { label: def.label, description: def.description, ...(def.hidden ? { hidden: true } : {}) };
}

/**
 * The app's one throttle (`App.throttle`); no operation sets its own. Zapier counts runs under a name made of key,
 * window, limit and scope, and an operation's `throttle` replaces the app's for that operation, so a second throttle
 * on polls or searches would take them out of this count. One gate must therefore hold both HubSpot limits: 5 runs a
 * second keeps CRM search at its 5 requests a second, and caps a connection at 50 runs per 10 s, under the smallest
 * burst (100). Scope `auth`: one Zapier connection, which is one HubSpot portal (Zapier documents curly references
 * in the key for input data only, so the portal id cannot name the counter). The core paces within each run.
 * https://github.com/zapier/zapier-platform/blob/main/packages/cli/README.md#adding-throttle-configuration
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */
export const APP_THROTTLE = {
  window: 1,
  limit: SEARCH_REQUESTS_PER_SECOND,
  key: 'hubspot-portal',
  scope: ['auth' as const],
};

/** The parts every Zapier operation shares; `extra` adds the kind's own keys (polling type, paging). */
function render<Extra extends object>(def: OperationDef, extra: Extra) {
  return {
    key: def.key,
    noun: def.noun,
    display: display(def),
    operation: {
      inputFields: inputFields(def),
      perform: perform(def),
      sample: def.sample,
      outputFields: zapierOutputFields(def),
      ...extra,
    },
  };
}

export const renderCreate = (def: OperationDef) => render(def, {});

export const renderSearch = (def: OperationDef) => render(def, {});

export const renderTrigger = (def: OperationDef) =>
  render(def, { type: 'polling' as const, ...(def.paged ? { canPaginate: true } : {}) });

/**
 * A create Zapier may buffer (`buffer` + `performBuffer`, which replace `perform`): the runs arrive together in
 * `bundle.buffer`, and the answer maps each run's `meta.id` to `{outputData}` or `{error}`.
 */
export function renderBufferedCreate(def: BufferedOperationDef) {
  const { operation, ...head } = renderCreate(def);
  const { perform: _single, ...rest } = operation;
  return {
    ...head,
    operation: {
      ...rest,
      buffer: { groupedBy: [...def.buffer.groupedBy], limit: def.buffer.limit },
      performBuffer: async (z: ZObject, bundle: Bundle) => {
        try {
          const items = ((bundle as unknown as { buffer?: BufferedBundleItem[] }).buffer ?? []).map((b) => ({
            id: String(b.meta?.id ?? ''),
            input: (b.inputData ?? {}) as Record<string, unknown>,
          }));
          return await def.buffer.performBuffer(createContext(z, bundle, def.key), items);
        } catch (error) {
          throw toZapierError(z, error);
        }
      },
    },
  };
}

interface BufferedBundleItem {
  inputData?: Record<string, unknown>;
  meta?: { id?: string };
}
