import type * as z from 'zod/mini';
import type { HttpAnswer } from './http';
import { bearerGet, isFailure, type Failure } from './oauth2';
import type { AdapterContext } from './types';

/**
 * LinkedIn's versioned REST API (`/rest/*`). Every call names a monthly version (`YYYYMM`);
 * LinkedIn supports each for about a year, then answers 426 NONEXISTENT_VERSION. A fixed
 * version therefore breaks a year after a release: the version is derived from the date.
 */

/** Months between the version asked for first and the month of `now`: last month's is surely released. */
const FIRST_MONTHS_BACK = 1;

/** The version `monthsBack` months before the UTC month of `now`, as `YYYYMM`. */
export function linkedinVersion(now: number, monthsBack = FIRST_MONTHS_BACK): string {
  const d = new Date(now);
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth() - monthsBack;
  return `${Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}`;
}

const restHeaders = (version: string) => ({ 'linkedin-version': version, 'x-restli-protocol-version': '2.0.0' });

/** 426 NONEXISTENT_VERSION (sunset or not yet released) or 400 VERSION_MISSING. */
function isVersionRefusal(answer: HttpAnswer): boolean {
  const code = (answer.body as { code?: unknown } | undefined)?.code;
  return (answer.status === 426 && code === 'NONEXISTENT_VERSION') || (answer.status === 400 && code === 'VERSION_MISSING');
}

/**
 * A GET on `/rest/*` with the date's version; on a version refusal, one retry with a version
 * one month nearer the present (the first may have been sunset by LinkedIn's clock, a little
 * ahead of ours). A second refusal is the network's answer, reason and version named.
 */
export async function restGet<T>(
  ctx: AdapterContext,
  url: string,
  accessToken: string,
  schema: z.ZodMiniType<T>,
  classify: (answer: HttpAnswer) => Failure,
): Promise<T | Failure> {
  let refused = false;
  const watch = (answer: HttpAnswer) => {
    refused = isVersionRefusal(answer);
    return classify(answer);
  };
  const first = linkedinVersion(ctx.now);
  const answer = await bearerGet(ctx, url, accessToken, schema, watch, restHeaders(first));
  if (!isFailure(answer) || !refused) return answer;
  const second = linkedinVersion(ctx.now, FIRST_MONTHS_BACK - 1);
  const retried = await bearerGet(ctx, url, accessToken, schema, watch, restHeaders(second));
  if (!isFailure(retried) || !refused) return retried;
  return { ...retried, reason: `LinkedIn refused API versions ${first} and ${second}: ${retried.reason}` };
}
