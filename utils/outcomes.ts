import * as z from 'zod/mini';
import { t, tn } from './i18n/index';

/**
 * What a connect or renew ends with. Expected endings (cancelled, missing
 * permission, offline) are values, not exceptions (STYLE: messaging).
 */
export const flowOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('renewed'), profiles: z.int() }),
  z.object({
    kind: z.literal('connected'),
    profiles: z.int(),
    /** What the login gives access to, for the "choose what to track" step; all are tracked to begin with. */
    listed: z.optional(z.array(z.object({ id: z.string(), name: z.string(), alreadyTracked: z.boolean() }))),
  }),
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
      return o.profiles === 1 ? t('outcome.renewed') : t('outcome.renewedMany', { n: o.profiles });
    case 'connected':
      return tn('outcome.connected', o.profiles);
    case 'cancelled':
      return t('outcome.cancelled');
    case 'no-permission':
      return t('outcome.noPermission', { identity: o.identity, permission: o.permission });
    case 'unreachable':
      return t('outcome.unreachable', { reason: o.reason });
    case 'not-configured':
      return o.reason;
    case 'failed':
      return t('outcome.failed', { reason: o.reason });
  }
}
