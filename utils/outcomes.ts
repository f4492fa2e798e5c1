import * as z from 'zod/mini';
import { t, tn } from './i18n/index';

/** Whether a failure ended a connect or a renewal (absent in outcomes stored before: a renewal). */
const during = z.optional(z.enum(['connect', 'renewal']));

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
  /** The network did not answer at all (offline, timeout, its authorize page not loaded). */
  z.object({ kind: z.literal('unreachable'), reason: z.string(), network: z.optional(z.string()), during }),
  /**
   * The network answered and said no (its reason given), or answered with an error of its own
   * (`trouble`: 5xx, rate limit: trying later helps).
   */
  z.object({
    kind: z.literal('refused'),
    reason: z.string(),
    network: z.string(),
    during,
    trouble: z.optional(z.boolean()),
  }),
  z.object({ kind: z.literal('not-configured'), reason: z.string() }),
  z.object({ kind: z.literal('failed'), reason: z.string(), during }),
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
    case 'unreachable': {
      const network = o.network ?? t('outcome.theNetwork');
      return t(o.during === 'connect' ? 'outcome.unreachableConnect' : 'outcome.unreachable', { network, reason: o.reason });
    }
    case 'refused': {
      const key = o.trouble ? 'outcome.troubled' : 'outcome.refused';
      return t(o.during === 'connect' ? `${key}Connect` : key, { network: o.network, reason: o.reason });
    }
    case 'not-configured':
      return o.reason;
    case 'failed':
      return t(o.during === 'connect' ? 'outcome.failedConnect' : 'outcome.failed', { reason: o.reason });
  }
}

/** What the network did with the last request of a failed flow: its HTTP status, or null when it never answered. */
export type LastAnswer = number | null | undefined;

/**
 * A failed network call as the person is told it (pure). Only a network that did not answer
 * "could not be reached"; one that answered refused (its reason given) or had an error of its
 * own; a definitive `invalid` (a dead code or grant) failed.
 */
export function failureOutcome(
  result: { kind: 'invalid' | 'unknown'; reason: string },
  context: { during: 'connect' | 'renewal'; network: string; lastAnswer: LastAnswer },
): FlowOutcome {
  const { during, network, lastAnswer } = context;
  if (result.kind === 'invalid') return { kind: 'failed', reason: result.reason, during };
  if (lastAnswer === null || lastAnswer === undefined) return { kind: 'unreachable', reason: result.reason, network, during };
  const trouble = lastAnswer === 429 || lastAnswer >= 500;
  return { kind: 'refused', reason: result.reason, network, during, ...(trouble ? { trouble } : {}) };
}
