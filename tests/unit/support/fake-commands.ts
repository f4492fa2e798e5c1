import { COMMANDS, createCommandClient, type CommandClient, type CommandName, type ParsedPayload, type Result } from '@/utils/messages';

/** A fake background for page tests: each command's handler typed by its schemas, as the real one's. */
export type FakeHandlers = { [C in CommandName]?: (payload: ParsedPayload<C>) => Result<C> | Promise<Result<C>> };

export interface FakeCommands {
  command: CommandClient;
  /** Every command sent, in order, with its payload as sent. */
  sent: { name: CommandName; payload: unknown }[];
}

/**
 * The real client (its results parsed by the real schemas) over a fake transport: a command
 * without a handler answers with an error, as an unknown command would.
 */
export function fakeCommands(handlers: FakeHandlers): FakeCommands {
  const sent: FakeCommands['sent'] = [];
  const command = createCommandClient(async (message) => {
    const { command: name, payload } = message as { command: CommandName; payload: unknown };
    sent.push({ name, payload });
    const handler = handlers[name] as ((p: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: `No fake handler for ${name}` };
    return { ok: true, result: await handler(COMMANDS[name].payload.parse(payload)) };
  });
  return { command, sent };
}
