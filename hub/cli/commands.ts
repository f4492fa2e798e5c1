import type pg from 'pg';
import { NETWORK_IDS, type NetworkId } from '../../utils/networks/catalog';
import { createServiceKey, revokeServiceKey } from '../store/service-keys';
import { grantAccess, invite, listMembers, revoke, ROLES, setRole, type Role } from '../store/members';
import { durationMs, listAudit } from './audit';
import { checkNow, listJobs } from './jobs';
import { resealTokens } from './reseal';
import type { TokenKeys } from '../crypto';

const USAGE = `Usage: npm run hub -- <command>
  invite <email> --role owner|manager|member   a one-time enrollment code (24 h), on the last line
  members                                       members and their devices
  revoke <email|device-id>                      cut a member (every device) or one device off, at once
  role <email> owner|manager|member             change a member's role
  grant-access <email> <network>:<profileId>    let a Member see and renew one profile
  service-key create <name> --networks a,b      a key for a publishing tool (shown once, on the last line)
  service-key revoke <name|id>
  jobs                                          checks due, running and failing
  reseal                                        tokens sealed under HUB_SECRET_KEY_PREVIOUS sealed again under HUB_SECRET_KEY
  audit [--profile <network>:<id>] [--since 24h] [--limit 50]
                                                token reads, connects, renewals, disconnects: who, when, what
  check-now [network]                           make every live grant (of a network) due now`;

type Print = (line: string) => void;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const isRole = (r: string | undefined): r is Role => ROLES.includes(r as Role);

/** Runs one management command; returns the exit code. */
export async function runCommand(pool: pg.Pool, argv: string[], print: Print, now = Date.now(), keys?: TokenKeys): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'invite': {
      const email = args[0];
      const role = option(args, '--role') ?? 'member';
      if (!email?.includes('@') || !isRole(role)) return usage(print, 'invite needs an e-mail and --role owner|manager|member');
      const { code, expiresAt } = await invite(pool, email, role, now);
      print(`Invited ${email.toLowerCase()} as ${role}. Enrollment code, valid until ${new Date(expiresAt).toISOString()}:`);
      print(code);
      return 0;
    }
    case 'members': {
      for (const m of await listMembers(pool)) {
        print(`${m.email}  ${m.role}${m.revokedAt ? '  (revoked)' : ''}`);
        for (const d of m.devices) {
          const seen = d.lastSeenAt ? new Date(d.lastSeenAt).toISOString() : 'never';
          print(`  ${d.id}  ${d.name}  last seen ${seen}${d.revokedAt ? '  (revoked)' : ''}`);
        }
      }
      return 0;
    }
    case 'revoke': {
      if (!args[0]) return usage(print, 'revoke needs an e-mail or a device id');
      const done = await revoke(pool, args[0], now);
      print(done ? `Revoked ${args[0]}: its keys stop working now.` : `No active member or device ${args[0]}.`);
      return done ? 0 : 1;
    }
    case 'role': {
      const [email, role] = args;
      if (!email || !isRole(role)) return usage(print, 'role needs an e-mail and owner|manager|member');
      const done = await setRole(pool, email, role);
      print(done ? `${email} is now ${role}.` : `No member ${email}.`);
      return done ? 0 : 1;
    }
    case 'grant-access': {
      const [email, profile] = args;
      const network = profile?.split(':')[0];
      if (!email || !profile || !NETWORK_IDS.includes(network as NetworkId) || profile.split(':').length < 2) {
        return usage(print, 'grant-access needs an e-mail and <network>:<profileId>');
      }
      const done = await grantAccess(pool, email, profile);
      print(done ? `${email} may now see and renew ${profile}.` : `No member ${email}.`);
      return done ? 0 : 1;
    }
    case 'service-key':
      return serviceKey(pool, args, print, now);
    case 'check-now': {
      const network = args[0];
      if (network && !NETWORK_IDS.includes(network as NetworkId)) return usage(print, `Unknown network ${network}`);
      const n = await checkNow(pool, now, network);
      print(`${n} grant(s) due now: the running hub checks them within its check interval.`);
      return 0;
    }
    case 'jobs':
      for (const line of await listJobs(pool, now)) print(line);
      return 0;
    case 'reseal': {
      if (!keys?.previous)
        return usage(print, 'reseal needs HUB_SECRET_KEY_PREVIOUS (the key being replaced) beside the new HUB_SECRET_KEY');
      const n = await resealTokens(pool, keys);
      print(
        `${n.resealed} token set(s) sealed again under HUB_SECRET_KEY; ${n.current} already were; ${n.previous} still under the previous key; ${n.unreadable} opened under neither key.`,
      );
      const done = n.previous === 0 && n.unreadable === 0;
      print(
        done
          ? 'HUB_SECRET_KEY_PREVIOUS can now be removed (restart every hub process without it).'
          : 'Keep HUB_SECRET_KEY_PREVIOUS: restart every hub process with the new key, then run reseal again.',
      );
      return done ? 0 : 1;
    }
    case 'audit': {
      const since = durationMs(option(args, '--since') ?? '24h');
      const limit = Number(option(args, '--limit') ?? '50');
      if (since === null || !Number.isInteger(limit) || limit < 1 || limit > 10_000)
        return usage(print, 'audit takes --since <n>m|h|d and --limit 1..10000');
      for (const line of await listAudit(pool, { profile: option(args, '--profile'), since: now - since, limit })) print(line);
      return 0;
    }
    default:
      return usage(print, command ? `Unknown command ${command}` : null);
  }
}

async function serviceKey(pool: pg.Pool, args: string[], print: Print, now: number): Promise<number> {
  const [verb, name] = args;
  if (verb === 'create' && name) {
    const networks = (option(args, '--networks') ?? NETWORK_IDS.join(',')).split(',').map((n) => n.trim());
    const unknown = networks.filter((n) => !NETWORK_IDS.includes(n as NetworkId));
    if (unknown.length > 0) return usage(print, `Unknown network(s): ${unknown.join(', ')}`);
    const { id, key } = await createServiceKey(pool, name, networks as NetworkId[], now);
    print(`Service key ${id} "${name}" for ${networks.join(', ')}. Shown once; keep it in the tool's secret store:`);
    print(key);
    return 0;
  }
  if (verb === 'revoke' && name) {
    const done = await revokeServiceKey(pool, name, now);
    print(done ? `Revoked service key ${name}.` : `No active service key ${name}.`);
    return done ? 0 : 1;
  }
  return usage(print, 'service-key create <name> --networks a,b | service-key revoke <name|id>');
}

function usage(print: Print, problem: string | null): number {
  if (problem) print(problem);
  print(USAGE);
  return 2;
}
