import { readFileSync } from 'node:fs';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../hubspot/oauth';
import { GUIDE, renderGuide } from '../../scripts/publishDoc';

describe('docs/publish.md', () => {
  const guide = readFileSync(GUIDE, 'utf8');

  it("shows the HubSpot app settings generated from the connector's scopes (run `npm run docs` when this fails)", () => {
    expect(guide).toBe(renderGuide(guide));
  });

  it('lists exactly the scopes the connector asks for, required and optional apart', () => {
    const block =
      /```json\n([\s\S]*?)\n```/.exec(guide.slice(guide.indexOf('hubspot-app:start')))?.[1] ?? '{}';
    const { auth } = JSON.parse(block) as { auth: { requiredScopes: string[]; optionalScopes: string[] } };
    expect(auth.requiredScopes).toEqual([...REQUIRED_SCOPES]);
    expect(auth.optionalScopes).toEqual([...OPTIONAL_SCOPES]);
  });

  it('is linked from the README', () => {
    expect(readFileSync(GUIDE.replace(/docs[/\\]publish\.md$/, 'README.md'), 'utf8')).toContain(
      '](docs/publish.md)',
    );
  });
});
