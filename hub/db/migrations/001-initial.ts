/** Migration 1 (shipped: never edit; add the next file). Times are epoch milliseconds. */
export const initial = `
create table members (
  id bigserial primary key,
  email text not null unique,
  role text not null check (role in ('owner', 'manager', 'member')),
  created_at bigint not null,
  revoked_at bigint
);
create table enrollment_codes (
  code_hash text primary key,
  member_id bigint not null references members(id),
  expires_at bigint not null,
  used_at bigint
);
create table devices (
  id text primary key,
  member_id bigint not null references members(id),
  key_hash text not null unique,
  name text not null,
  created_at bigint not null,
  last_seen_at bigint,
  revoked_at bigint
);
create table service_keys (
  id text primary key,
  name text not null unique,
  key_hash text not null unique,
  networks text[] not null,
  created_at bigint not null,
  revoked_at bigint
);
create table identities (
  id text primary key,
  network text not null,
  name text not null,
  member_id bigint references members(id)
);
create sequence changes;
create table grants (
  id text primary key,
  network text not null,
  identity_id text not null references identities(id),
  scopes text[] not null default '{}',
  issued_at bigint not null,
  expires_at bigint,
  access_expires_at bigint,
  refreshable boolean not null,
  invalid_since bigint,
  invalid_reason text,
  last_check_at bigint,
  last_check_result text,
  last_error text,
  failures integer not null default 0,
  next_check_at bigint not null,
  leased_until bigint,
  leased_by text,
  refresh_started_at bigint,
  token_iv bytea not null,
  token_ct bytea not null,
  renewed_by bigint references members(id),
  change bigint not null
);
create index grants_due on grants (next_check_at);
create index grants_change on grants (change);
create table profiles (
  id text primary key,
  network text not null,
  native_id text not null,
  kind text not null,
  name text not null,
  handle text,
  avatar text,
  grant_id text not null references grants(id),
  created_at bigint not null,
  deleted_at bigint,
  change bigint not null
);
create index profiles_grant on profiles (grant_id);
create index profiles_change on profiles (change);
create table access (
  identity_id text not null references identities(id),
  profile_id text not null,
  can text not null check (can in ('yes', 'no', 'unknown')),
  reason text,
  at bigint not null,
  change bigint not null,
  primary key (identity_id, profile_id)
);
create index access_change on access (change);
create table member_profiles (
  member_id bigint not null references members(id),
  profile_id text not null,
  primary key (member_id, profile_id)
);
create table history (
  id bigserial primary key,
  profile_id text not null,
  at bigint not null,
  kind text not null,
  text text not null,
  member_id bigint references members(id),
  change bigint not null
);
create index history_change on history (change);
create table network_pauses (
  network text primary key,
  paused_until bigint not null,
  reason text not null
);
create table audit (
  id bigserial primary key,
  at bigint not null,
  actor text not null,
  action text not null,
  profile_id text,
  detail text
);
`;
