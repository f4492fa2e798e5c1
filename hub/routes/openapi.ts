import * as z from 'zod';
import { NETWORK_IDS } from '../../utils/networks/catalog';
import { exchangeBody } from './exchange';
import { claimBody, preferencesBody, profileBody } from './team';

const error = { $ref: '#/components/schemas/Error' };
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
/** A request body's schema from the route's own zod schema (OpenAPI 3.1 schemas are JSON Schema; no `$schema` in each). */
const bodyOf = (schema: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return json(rest);
};
const retryAfter = { 'Retry-After': { description: 'Seconds until the key has budget again', schema: { type: 'integer' } } };
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: 'An error that says what to do', ...json(error), ...(c === 429 ? { headers: retryAfter } : {}) },
    ]),
  );
/** Answers of routes that call a network say where their time went. */
const timed = (description: string) => ({
  description,
  headers: {
    'Server-Timing': {
      description: '`hub;dur=<ms>, network;dur=<ms>;desc="<n> call(s)"`: the hub\'s own time and the networks\' (when it called any)',
      schema: { type: 'string' },
    },
  },
});

/**
 * A browser's POST (a device key, a JSON body described from the route's zod schema): its answer,
 * and the errors it can give beside those every such route can (400, 401, 413, 415, 429).
 */
const devicePost = (summary: string, body: z.ZodType, ok: object, ...more: number[]) => ({
  post: {
    security: [{ device: [] }],
    summary,
    requestBody: bodyOf(body),
    responses: { '200': ok, ...errors(400, 401, ...more, 413, 415, 429) },
  },
});

/** The hub's API as OpenAPI 3.1, served at /v1/openapi.json. */
export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Token Warden hub',
    version: '1',
    description: "The organisation's OAuth custody: browsers renew, publishing tools read current tokens.",
  },
  components: {
    securitySchemes: {
      device: { type: 'http', scheme: 'bearer', description: 'A device key (twd_…), from enrollment' },
      service: { type: 'http', scheme: 'bearer', description: 'A service key (tws_…), from `npm run hub -- service-key create`' },
    },
    schemas: {
      Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } },
      Network: { type: 'string', enum: [...NETWORK_IDS] },
    },
  },
  paths: {
    '/healthz': {
      get: {
        summary: 'Whether the database is reachable',
        responses: { '200': { description: '{ ok: true }' }, '503': { description: '{ ok: false }' } },
      },
    },
    '/v1/enroll': {
      post: {
        summary: 'Trade a one-time enrollment code for a device key (shown once)',
        requestBody: json({
          type: 'object',
          required: ['code', 'deviceName'],
          properties: { code: { type: 'string' }, deviceName: { type: 'string' } },
        }),
        responses: { '200': { description: 'deviceKey, deviceId, member { email, role }' }, ...errors(400, 403, 413, 415, 429) },
      },
    },
    '/v1/me': {
      get: {
        security: [{ device: [] }],
        summary: 'The member and the client ID of each network',
        responses: { '200': { description: 'member, deviceId, networks' }, ...errors(401, 429) },
      },
    },
    '/v1/exchange': devicePost(
      'Exchange an authorization code with the organisation secret; the hub keeps the tokens',
      exchangeBody,
      timed('outcome: connected | renewed | no-permission | failed | unreachable'),
      403,
    ),
    '/v1/renew': devicePost(
      "Renew a profile's grant silently with its refresh token",
      profileBody,
      timed('outcome: renewed | needs-consent | unreachable'),
      403,
      404,
    ),
    '/v1/sync': {
      get: {
        security: [{ device: [] }],
        summary: 'What changed after a cursor, among what this member may see (no token ever)',
        parameters: [
          { name: 'since', in: 'query', schema: { type: 'integer', minimum: 0 } },
          {
            name: 'fresh',
            in: 'query',
            description:
              '1: first check every live grant this member sees whose last check is over a minute old, waiting up to 20 s ("Check now")',
            schema: { type: 'string', enum: ['1'] },
          },
        ],
        responses: {
          '200': {
            description:
              'cursor, grants, profiles, removed, access, history; with fresh=1 also checked (fresh now) and pending (still due)',
          },
          ...errors(400, 401, 429),
        },
      },
    },
    '/v1/disconnect': devicePost(
      'Stop tracking a profile for the whole organisation (its grant goes when no other profile holds it)',
      profileBody,
      { description: '{ ok: true }' },
      403,
      404,
    ),
    '/v1/reminders/claim': devicePost(
      "Claim reminders for this member's devices: each key is delivered by the first device that claims it",
      claimBody,
      { description: 'claimed: the keys this device delivers' },
    ),
    '/v1/preferences': devicePost("The member's reminder preferences, which every device of theirs follows", preferencesBody, {
      description: '{ ok: true }',
    }),
    '/v1/openapi.json': {
      get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
    },
    '/v1/profiles': {
      get: {
        security: [{ service: [] }],
        summary: "The tracked profiles of the key's networks",
        responses: { '200': { description: 'profiles' }, ...errors(401, 429) },
      },
    },
    '/v1/profiles/{network}/{profileId}/token': {
      get: {
        security: [{ service: [] }],
        summary: 'The current access token (refreshed first when it lapses within 5 minutes); every read is audited',
        parameters: [
          { name: 'network', in: 'path', required: true, schema: { $ref: '#/components/schemas/Network' } },
          { name: 'profileId', in: 'path', required: true, schema: { type: 'string' } },
        ],
        responses: { '200': timed('network, profileId, accessToken, expiresAt'), ...errors(401, 403, 404, 409, 429, 502) },
      },
    },
  },
} as const;
