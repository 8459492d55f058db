import App from '../../index';
import { HUBSPOT_APP } from '../../scripts/publish/check';
import { copyRules } from '../../scripts/publish/copyRules';
import { dataRules } from '../../scripts/publish/dataRules';
import type { AppDefinition } from '../../scripts/publish/definition';
import { EXEMPTIONS } from '../../scripts/publish/exemptions';

/**
 * The Zapier app's copy and samples pass check:publish (issue 9, item 6): title-case labels, no broken plurals,
 * descriptions in Zapier's patterns, help text on every input, a warning on destructive actions, and samples that
 * fit their output fields. `npm run check:publish` runs these rules and the rest over the same definition.
 */
describe('the app copy', () => {
  const app = App as unknown as AppDefinition;
  const exempted = (f: { rule: string; where: string }) =>
    EXEMPTIONS.some((e) => e.rule === f.rule && e.where === f.where);

  it('follows the copy rules', () => {
    expect(copyRules(app, HUBSPOT_APP).filter((f) => !exempted(f))).toEqual([]);
  });

  it('has samples and output fields that follow the data rules', () => {
    expect(dataRules(app)).toEqual([]);
  });

  it('warns on each destructive action in a Copy field at the top of the step', () => {
    const creates = (app.creates ?? {}) as Record<string, { operation: { inputFields?: unknown[] } }>;
    for (const key of ['archive_object', 'merge_records', 'remove_association', 'remove_from_list']) {
      const first = creates[key]?.operation.inputFields?.[0] as { type?: string; helpText?: string };
      expect({ key, type: first?.type }).toEqual({ key, type: 'copy' });
      expect(first.helpText).toMatch(/cannot/);
    }
  });
});
