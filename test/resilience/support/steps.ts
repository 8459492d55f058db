import { MakeError } from '../../../make/iml/run';
import type { LogEntry } from '../../../sandbox/requestLog';
import type { TestSandbox } from '../../support/sandbox';
import type { Cell } from './recorder';
import { messageOf } from './zapierPlatform';

/** The requests the sandbox logged while `run` ran. */
export async function requestsDuring(t: TestSandbox, run: () => Promise<unknown>): Promise<LogEntry[]> {
  const from = t.sandbox.log.all().length;
  await run();
  return t.sandbox.log.all().slice(from);
}

/** Runs a step that must be refused; answers the message it was refused with, or records that it was accepted. */
export async function refusal(c: Cell, step: () => Promise<unknown>): Promise<string | undefined> {
  try {
    c.see(await step());
    c.check(false, 'the bad input was accepted');
    return undefined;
  } catch (error) {
    c.see(error);
    return error instanceof MakeError ? error.message : messageOf(error);
  }
}

/** Runs a step whose outcome does not matter (only what it sent); shows the outcome to the secret search. */
export async function attempt(c: Cell, step: () => Promise<unknown>): Promise<void> {
  try {
    c.see(await step());
  } catch (error) {
    c.see(error);
  }
}
