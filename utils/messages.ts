import { z } from 'zod';
import { NETWORK_IDS } from './networks/catalog';
import { flowOutcome } from './outcomes';
import { settingsSchema } from './settings';

const saveResult = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), message: z.string() })]);

/**
 * The command protocol between pages and the background (the one door):
 * each command has one payload schema and one result schema.
 */
export const COMMANDS = {
  connect: { payload: z.object({ network: z.enum(NETWORK_IDS) }).strict(), result: flowOutcome },
  renew: { payload: z.object({ profileId: z.string().min(1).max(300) }).strict(), result: flowOutcome },
  pollNow: { payload: z.object({}).strict(), result: z.object({ checked: z.number().int() }) },
  saveSettings: { payload: z.object({ settings: settingsSchema }).strict(), result: saveResult },
  importSettings: { payload: z.object({ text: z.string().max(1_000_000) }).strict(), result: saveResult },
  snooze: { payload: z.object({ profileId: z.string().min(1).max(300) }).strict(), result: z.object({ until: z.number() }) },
  markInboxRead: {
    payload: z.object({ ids: z.array(z.number().int()).max(10_000).optional() }).strict(),
    result: z.object({ marked: z.number().int() }),
  },
  renewAll: {
    payload: z.object({ network: z.enum(NETWORK_IDS) }).strict(),
    result: z.object({ state: z.string(), done: z.number(), total: z.number() }).loose(),
  },
  cancelRenewAll: { payload: z.object({ network: z.enum(NETWORK_IDS) }).strict(), result: z.object({ ok: z.literal(true) }) },
  disconnect: { payload: z.object({ profileId: z.string().min(1).max(300) }).strict(), result: z.object({ ok: z.literal(true) }) },
  sendTest: { payload: z.object({ channel: z.enum(['slack', 'webhook']), url: z.string().url().max(500) }).strict(), result: saveResult },
} as const;

export type CommandName = keyof typeof COMMANDS;
export type Payload<C extends CommandName> = z.input<(typeof COMMANDS)[C]['payload']>;
export type Result<C extends CommandName> = z.infer<(typeof COMMANDS)[C]['result']>;

const COMMAND_NAMES = Object.keys(COMMANDS) as [CommandName, ...CommandName[]];

export const envelope = z.object({ command: z.enum(COMMAND_NAMES), payload: z.unknown() }).strict();

/** What the background answers: a result, or an error message (never a stack with secrets). */
export type Reply = { ok: true; result: unknown } | { ok: false; error: string };

export type Send = (message: unknown) => Promise<unknown>;

const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/**
 * A typed client over any transport (runtime messaging in pages, a fake in
 * tests). Results are parsed: a page never trusts an unchecked shape.
 */
export function createCommandClient(send: Send) {
  return async function command<C extends CommandName>(name: C, payload: Payload<C>): Promise<Result<C>> {
    const reply = replySchema.parse(await send({ command: name, payload }));
    if (!reply.ok) throw new Error(reply.error);
    return COMMANDS[name].result.parse(reply.result) as Result<C>;
  };
}
export type CommandClient = ReturnType<typeof createCommandClient>;
