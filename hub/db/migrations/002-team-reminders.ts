/** Migration 2 (shipped: never edit; add the next file): reminders in a team. */
export const teamReminders = `
create table reminder_claims (
  member_id bigint not null references members(id),
  key text not null,
  device_id text not null,
  claimed_at bigint not null,
  primary key (member_id, key)
);
create table member_preferences (
  member_id bigint primary key references members(id),
  doc jsonb not null,
  updated_at bigint not null,
  change bigint not null
);
create table org_reminders (
  key text primary key,
  profile_id text not null,
  created_at bigint not null,
  slack_body text,
  webhook_body text,
  slack_sent_at bigint,
  webhook_sent_at bigint,
  attempts integer not null default 0,
  next_attempt_at bigint not null,
  last_error text
);
create index org_reminders_pending on org_reminders (next_attempt_at) where slack_sent_at is null or webhook_sent_at is null;
`;
