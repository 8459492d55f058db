import { generateMakeApp } from '../make/app';
import { findModule, formatReport, parseTryArgs, tryModule, typedParams, UsageError } from '../make/try';
import { createSandbox } from '../sandbox';
import { seedPortal } from '../sandbox/seed';
import { serveSandbox } from '../sandbox/serve';

/**
 * `npm run make:try -- <module> --param key=value …`: runs one generated Make module and prints its requests (token
 * redacted), its bundles and its Make error, so the partner team can try a module before deploying it. Without
 * `--base-url` and `--connection-token` it starts an embedded sandbox, seeded as `npm start` seeds it; with both it
 * calls that HubSpot (another sandbox, or a portal's API with a private-app token); with only a token, HubSpot itself.
 */

const SEED = { contacts: 200, seed: 42 };

/** Runs the command; answers the exit code (0 the module ran, 1 it ended with a Make error, 2 it could not run). */
export async function main(
  argv: readonly string[],
  print: (text: string) => void = console.log,
): Promise<number> {
  const { app } = generateMakeApp();
  let args: ReturnType<typeof parseTryArgs>;
  try {
    args = parseTryArgs(argv);
    typedParams(findModule(app, args.module), args.params);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    print(error.message);
    return 2;
  }
  const embedded = args.token === undefined && args.baseUrl === undefined;
  const sandbox = embedded ? createSandbox() : undefined;
  const server = sandbox ? await serveSandbox(sandbox) : undefined;
  const token = args.token ?? sandbox!.portal.auth.createPrivateAppToken();
  try {
    if (sandbox && server) {
      seedPortal(sandbox.portal, SEED);
      print(
        `Embedded HubSpot sandbox at ${server.url} (portal ${sandbox.portal.info.portalId}, ${SEED.contacts} seeded contacts)\n`,
      );
    } else print(`HubSpot at ${args.baseUrl ?? 'its own API (a real portal)'}\n`);
    const report = await tryModule({ ...args, token, baseUrl: server?.url ?? args.baseUrl }, app);
    print(formatReport(report, token));
    return report.error ? 1 : 0;
  } catch (error) {
    // A bad module name or value, or IML the runner refuses ("not documented by Make: …"): said, never thrown.
    const message = error instanceof UsageError ? error.message : `Runner error: ${(error as Error).message}`;
    print(message.split(token).join('[token redacted]'));
    return 2;
  } finally {
    await server?.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`make:try failed: ${error.message}`);
      process.exit(2);
    },
  );
}
