/** "a deal", "an engagement", "an e-mail": the indefinite article our descriptions put before a noun. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
