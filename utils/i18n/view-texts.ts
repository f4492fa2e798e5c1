import { lang } from './index';

/**
 * Strings only the popup, options and at-risk pages show for the compact list, the inbox, the
 * timeline: kept out of the shared dictionary, which
 * the background carries too (its bundle has a budget). `_one` / `_other` are plural forms.
 */
const en = {
  'cons.pausedShort': 'Paused since {date}',
  'inbox.unreadCount_one': '{n} unread',
  'inbox.unreadCount_other': '{n} unread',
  'inbox.empty': 'No reminder yet.',
  'timeline.title': 'What lapses when: the next 90 days',
  'timeline.today': 'Today',
  'timeline.profiles_one': '{names}',
  'timeline.profiles_other': '{n} profiles: {names}',
  'history.connected': 'Connected by {by}',
  'history.renewed': 'Renewed by {by}',
  'history.renewedSilently': 'Renewed silently with the refresh token',
  'history.statusChanged': 'Status changed from {from} to {to}',
  'history.lostRole': '{who} no longer has the role this page needs: someone with it must renew ({permission})',
  'history.reminderSent': 'Reminder sent: {title}',
  'history.snoozed': 'Reminders snoozed for a day',
  'history.disconnected': 'Disconnected: no longer tracked',
  'history.disconnectedBy': 'Disconnected by {by}: no longer tracked',
  'history.disconnectedRevoked': 'Disconnected: access revoked at {network}',
  'history.disconnectedNoEndpoint': "Disconnected (to end its access, remove the app in {network}'s settings)",
  'history.disconnectedUnconfirmed': 'Disconnected, but {network} did not confirm the revocation: remove the app in its settings',
};

export type ViewTextKey = keyof typeof en;

const fr: Record<ViewTextKey, string> = {
  'cons.pausedShort': 'En pause depuis le {date}',
  'inbox.unreadCount_one': '{n} non lu',
  'inbox.unreadCount_other': '{n} non lus',
  'inbox.empty': 'Aucun rappel pour l’instant.',
  'timeline.title': 'Ce qui expire quand : les 90 prochains jours',
  'timeline.today': 'Aujourd’hui',
  'timeline.profiles_one': '{names}',
  'timeline.profiles_other': '{n} profils : {names}',
  'history.connected': 'Connecté par {by}',
  'history.renewed': 'Renouvelé par {by}',
  'history.renewedSilently': 'Renouvelé sans fenêtre avec le jeton de rafraîchissement',
  'history.statusChanged': 'Statut passé de {from} à {to}',
  'history.lostRole': '{who} n’a plus le rôle nécessaire sur cette page : quelqu’un qui l’a doit renouveler ({permission})',
  'history.reminderSent': 'Rappel envoyé : {title}',
  'history.snoozed': 'Rappels reportés d’un jour',
  'history.disconnected': 'Déconnecté : n’est plus suivi',
  'history.disconnectedBy': 'Déconnecté par {by} : n’est plus suivi',
  'history.disconnectedRevoked': 'Déconnecté : accès révoqué chez {network}',
  'history.disconnectedNoEndpoint': 'Déconnecté (pour mettre fin à son accès, retirez l’application dans les réglages de {network})',
  'history.disconnectedUnconfirmed': 'Déconnecté, mais {network} n’a pas confirmé la révocation : retirez l’application dans ses réglages',
};

type Params = Record<string, string | number>;

/** A page-only string in the page's language, with `{param}` filled in. */
export function tv(key: ViewTextKey, params: Params = {}): string {
  return (lang() === 'fr' ? fr : en)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The plural form by count (French counts 0 and 1 as singular). */
export function tvn(key: string, n: number, params: Params = {}): string {
  const one = lang() === 'fr' ? n <= 1 : n === 1;
  return tv(`${key}_${one ? 'one' : 'other'}` as ViewTextKey, { n, ...params });
}

export const VIEW_TEXTS = { en, fr };
