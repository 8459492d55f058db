import { copyRules } from './copyRules';
import { dataRules } from './dataRules';
import type { AppDefinition } from './definition';
import { EXEMPTIONS, type Exemption } from './exemptions';
import { linkRules } from './linkRules';
import { platformRules } from './platformRules';
import { type Finding, RULES } from './rules';

/**
 * Every publishing rule that can be checked from the app definition alone (no Zapier account, no HubSpot portal):
 * the findings to fix, and the exempted ones with their reasons.
 */

export interface CheckOptions {
  appName: string;
  portalKey: string;
  exemptions?: readonly Exemption[];
}

export const HUBSPOT_APP: CheckOptions = {
  appName: 'HubSpot',
  portalKey: '{{bundle.authData.hub_id}}',
  exemptions: EXEMPTIONS,
};

export interface CheckResult {
  findings: Finding[];
  exempted: Array<Finding & { reason: string }>;
}

export function checkPublish(app: AppDefinition, options: CheckOptions = HUBSPOT_APP): CheckResult {
  const all = [
    ...copyRules(app, options),
    ...dataRules(app),
    ...linkRules(app),
    ...platformRules(app, options),
  ];
  for (const finding of all)
    if (!RULES[finding.rule]) throw new Error(`check:publish: rule ${finding.rule} is not in rules.ts`);
  const exemptions = options.exemptions ?? [];
  const exemptionOf = (f: Finding) => exemptions.find((e) => e.rule === f.rule && e.where === f.where);
  const findings = all.filter((f) => !exemptionOf(f));
  const exempted = all.flatMap((f) => {
    const exemption = exemptionOf(f);
    return exemption ? [{ ...f, reason: exemption.reason }] : [];
  });
  for (const e of exemptions)
    if (!all.some((f) => f.rule === e.rule && f.where === e.where))
      findings.push({
        rule: e.rule,
        where: e.where,
        message: 'is exempted, but the rule no longer fires: drop the exemption.',
      });
  return { findings, exempted };
}
