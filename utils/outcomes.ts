import { z } from 'zod';

/**
 * What a connect or renew ends with. Expected endings (cancelled, missing
 * permission, offline) are values, not exceptions (STYLE: messaging).
 */
export const flowOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('renewed'), profiles: z.number().int() }),
  z.object({ kind: z.literal('connected'), profiles: z.number().int() }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('no-permission'), permission: z.string(), identity: z.string() }),
  z.object({ kind: z.literal('unreachable'), reason: z.string() }),
  z.object({ kind: z.literal('not-configured'), reason: z.string() }),
  z.object({ kind: z.literal('failed'), reason: z.string() }),
]);
export type FlowOutcome = z.infer<typeof flowOutcome>;

/** One sentence for the person, shown under the profile or in a banner. */
export function describeOutcome(o: FlowOutcome): string {
  switch (o.kind) {
    case 'renewed':
      return o.profiles === 1 ? 'Renewed' : `Renewed (${o.profiles} profiles)`;
    case 'connected':
      return o.profiles === 1 ? 'Connected 1 profile' : `Connected ${o.profiles} profiles`;
    case 'cancelled':
      return 'Cancelled: nothing was changed';
    case 'no-permission':
      return `Not renewed: ${o.identity} lacks the permission needed (${o.permission})`;
    case 'unreachable':
      return `Not renewed: the network could not be reached (${o.reason})`;
    case 'not-configured':
      return o.reason;
    case 'failed':
      return `Failed: ${o.reason}`;
  }
}
