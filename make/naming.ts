/** Make names: module and RPC names are camelCase (`create_contact` → `createContact`); files are kebab-case. */

export function camelCase(key: string): string {
  return key
    .replace(/[_\-\s]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase())
    .replace(/^[A-Z]/, (c) => c.toLowerCase());
}

export function pascalCase(key: string): string {
  const camel = camelCase(key);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** The VS Code extension's default directory/file naming: `createContact` → `create-contact`. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
