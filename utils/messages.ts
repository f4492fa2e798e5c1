import * as z from 'zod/mini';
import { CHANNEL_IDS } from './reminders/channels';
import { NETWORK_IDS } from './networks/catalog';
import { flowOutcome } from './outcomes';
import { settingsSchema, urlOrEmpty } from './settings';

const urlChange = z.object({ field: z.string(), label: z.string(), from: z.string(), to: z.string() });
/** A refusal may ask for a confirmation: the URL changes to show, sent back as `confirmed`. */
const saveResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), message: z.string(), confirm: z.optional(z.array(urlChange)) }),
]);
export type SaveResult = z.infer<typeof saveResult>;
/** The URL changes the person confirmed (`confirmationKey`s). */
const confirmed = z.optional(z.array(z.string().check(z.maxLength(600))).check(z.maxLength(100)));
const passphrase = z.string().check(z.maxLength(1000));
const profileId = z.string().check(z.minLength(1), z.maxLength(300));
const network = z.strictObject({ network: z.enum(NETWORK_IDS) });
const ok = z.object({ ok: z.literal(true) });
/** One step of a network's setup test (Options' checklist): what was checked, whether it passed, and why not. */
const setupCheck = z.object({
  step: z.enum(['clientId', 'server', 'hosts', 'authorize', 'exchange']),
  ok: z.boolean(),
  detail: z.optional(z.string()),
});
export type SetupCheck = z.infer<typeof setupCheck>;

/**
 * The command protocol between pages and the background (the one door):
 * each command has one payload schema and one result schema.
 */
export const COMMANDS = {
  connect: { payload: network, result: flowOutcome },
  renew: { payload: z.strictObject({ profileId }), result: flowOutcome },
  pollNow: { payload: z.strictObject({}), result: z.object({ checked: z.int() }) },
  saveSettings: { payload: z.strictObject({ settings: settingsSchema, confirmed }), result: saveResult },
  importSettings: { payload: z.strictObject({ text: z.string().check(z.maxLength(1_000_000)), confirmed }), result: saveResult },
  snooze: { payload: z.strictObject({ profileId }), result: z.object({ until: z.number() }) },
  markInboxRead: {
    payload: z.strictObject({ ids: z.optional(z.array(z.int()).check(z.maxLength(10_000))) }),
    result: z.object({ marked: z.int() }),
  },
  renewAll: { payload: network, result: z.object({ state: z.string(), done: z.number(), total: z.number() }) },
  cancelRenewAll: { payload: network, result: ok },
  disconnect: {
    payload: z.strictObject({ profileId }),
    result: z.object({ ok: z.literal(true), revoked: z.optional(z.enum(['revoked', 'no-endpoint', 'failed'])) }),
  },
  hubEnroll: {
    payload: z.strictObject({
      url: z.string().check(z.maxLength(600)),
      code: z.string().check(z.minLength(4), z.maxLength(64)),
      confirmed,
    }),
    result: saveResult,
  },
  hubLeave: { payload: z.strictObject({}), result: ok },
  hostAccess: { payload: z.strictObject({}), result: z.record(z.enum(NETWORK_IDS), z.boolean()) },
  testNetwork: { payload: network, result: z.object({ checks: z.array(setupCheck) }) },
  vaultState: { payload: z.strictObject({}), result: z.object({ mode: z.enum(['open', 'locked', 'unlocked']) }) },
  lockOn: { payload: z.strictObject({ passphrase }), result: saveResult },
  unlock: { payload: z.strictObject({ passphrase }), result: saveResult },
  lockNow: { payload: z.strictObject({}), result: ok },
  lockOff: { payload: z.strictObject({}), result: saveResult },
  lockReset: { payload: z.strictObject({}), result: ok },
  sendTest: {
    payload: z.strictObject({ channel: z.enum(CHANNEL_IDS), url: urlOrEmpty.check(z.minLength(1)) }),
    result: saveResult,
  },
} as const;

export type CommandName = keyof typeof COMMANDS;
export type Payload<C extends CommandName> = z.input<(typeof COMMANDS)[C]['payload']>;
export type Result<C extends CommandName> = z.infer<(typeof COMMANDS)[C]['result']>;
/** What a handler receives: the payload as its schema parsed it (defaults applied). */
export type ParsedPayload<C extends CommandName> = z.output<(typeof COMMANDS)[C]['payload']>;

/**
 * The handlers of every command, typed from the schemas on both sides: a handler that takes
 * another payload or returns another shape than its result schema does not compile.
 */
export type CommandHandlers<D> = { [C in CommandName]: (deps: D, payload: ParsedPayload<C>) => Promise<Result<C>> };

const COMMAND_NAMES = Object.keys(COMMANDS) as [CommandName, ...CommandName[]];

export const envelope = z.strictObject({ command: z.enum(COMMAND_NAMES), payload: z.unknown() });

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
