/** "a deal", "an engagement", "an e-mail": the indefinite article our descriptions put before a noun. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Plurals English does not build by rule; none of our nouns needs one today, the rule below covers them. */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  person: 'people',
  child: 'children',
  analysis: 'analyses',
  status: 'statuses',
};

/**
 * "Property" → "Properties", "Company" → "Companies", "Box" → "Boxes", "Line Item" → "Line Items": the plural of a
 * noun (its last word), keeping the word's capitalisation. Appending "s" gave "List Propertys".
 */
export function plural(noun: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(noun);
  if (!match) return noun;
  const [, head, word] = match as unknown as [string, string, string];
  const lower = word.toLowerCase();
  const irregular = IRREGULAR_PLURALS[lower];
  let result: string;
  if (irregular) result = word[0] === word[0]!.toUpperCase() ? capitalize(irregular) : irregular;
  else if (/[^aeiou]y$/i.test(word)) result = `${word.slice(0, -1)}ies`;
  else if (/(s|x|z|ch|sh)$/i.test(word)) result = `${word}es`;
  else result = `${word}s`;
  return `${head}${result}`;
}

/**
 * Words a title keeps in lower case unless they open or close it: articles, conjunctions and short prepositions, as
 * in Zapier's own recommended names ("Find or Create Contact", "Add/Remove Tag from Subscriber").
 * https://platform.zapier.com/quickstart/recommended-triggers-and-actions
 */
const SMALL_WORDS = new Set(
  'a an and as at but by en for from if in into nor of on onto or per the to via vs with'.split(' '),
);

/**
 * "Create Line item" → "Create Line Item": Zapier requires trigger, action and search names in title case (check
 * D018, https://platform.zapier.com/publish/integration-checks-reference#D018). Words written with capitals inside
 * or in capitals only ("ID", "HubSpot", "API") are kept as they are; each part of a hyphenated or slashed word is
 * capitalised.
 */
export function titleCase(label: string): string {
  const words = label.split(' ');
  return words
    .map((word, i) => {
      if (/[A-Z]/.test(word.slice(1))) return word;
      const bare = word.toLowerCase().replace(/[^a-z]/g, '');
      if (i > 0 && i < words.length - 1 && SMALL_WORDS.has(bare)) return word.toLowerCase();
      return word.replace(/(^|[-/(])([a-z])/g, (_, before: string, c: string) => before + c.toUpperCase());
    })
    .join(' ');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
