import zapier from 'zapier-platform-core';
import authentication from './authentication';
import { creates } from './creates';
import { dropdownOperations, SEARCH_OR_CREATE } from './operations';
import { titleCase, withArticle } from './operations/wording';
import packageJson from './package.json';
import { searches } from './searches';
import { hookTriggers, triggers } from './triggers';
import { APP_THROTTLE, renderTrigger } from './zapier/render';

/**
 * The Zapier app. Operations are defined once in `operations/` and rendered by the thin files in `triggers/`,
 * `creates/` and `searches/`; the hidden dropdown triggers are rendered from the same definitions.
 */

const byKey = <T extends { key: string }>(items: readonly T[]) =>
  Object.fromEntries(items.map((i) => [i.key, i]));

export default {
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  // Every trigger, search, dropdown and create counts against this one throttle (why: see APP_THROTTLE).
  throttle: APP_THROTTLE,
  triggers: byKey([...triggers, ...hookTriggers, ...dropdownOperations().map(renderTrigger)]),
  creates: byKey(creates),
  searches: byKey(searches),
  searchOrCreates: Object.fromEntries(
    SEARCH_OR_CREATE.map(({ search, create, update, description }) => {
      const noun = searches.find((s) => s.key === search)?.noun ?? 'Record';
      return [
        search,
        {
          key: search,
          display: {
            label: titleCase(`Find or Create ${noun}`),
            description:
              description ??
              (update
                ? `Finds ${withArticle(noun.toLowerCase())} and updates it, or creates it when none matches.`
                : `Finds ${withArticle(noun.toLowerCase())}, or creates it when none matches.`),
          },
          search,
          create,
          // Zapier's "update if found": the update step gets the found record's id.
          ...(update ? { update, updateInputFromSearchOutput: { record_id: 'id' } } : {}),
        },
      ];
    }),
  ),
};
