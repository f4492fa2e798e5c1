import { lang } from './index';

/**
 * Strings only the popup, options and at-risk pages show for the compact list, the inbox, the
 * setup checklist, the timeline and delivery problems: kept out of the shared dictionary, which
 * the background carries too (its bundle has a budget). `_one` / `_other` are plural forms.
 */
const en = {
  'cons.pausedShort': 'paused since {date}',
  'inbox.unreadCount_one': '{n} unread',
  'inbox.unreadCount_other': '{n} unread',
  'inbox.empty': 'No reminder yet.',
  'opt.waiting_one': '{channel}: {n} message waiting, last error {error} since {since}',
  'opt.waiting_other': '{channel}: {n} messages waiting, last error {error} since {since}',
  'opt.undelivered_one': '{channel}: {n} message not delivered (given up), last error {error} since {since}',
  'opt.undelivered_other': '{channel}: {n} messages not delivered (given up), last error {error} since {since}',
  'setup.title': 'Setup, network by network',
  'setup.yes': 'yes:',
  'setup.no': 'missing:',
  'setup.clientId': 'Client ID',
  'setup.hub': 'Hub',
  'setup.exchange': 'Token exchange',
  'setup.noServer': 'No secret needed',
  'setup.hosts': 'Access',
  'setup.profiles_one': '{n} profile',
  'setup.profiles_other': '{n} profiles',
  'setup.test': 'Test',
  'setup.testing': 'Testing…',
  'setup.resultOf': 'Test of {network}',
  'setup.ready': '{network} is set up: Connect a profile in the popup.',
  'setup.permission': 'The person signing in needs: {permission}.',
  'setup.edit': 'Edit the {network} settings',
  'setup.ok.clientId': 'Client ID set',
  'setup.ok.server': 'Code exchange covered{detail}',
  'setup.ok.hosts': 'The browser grants access to {network}',
  'setup.ok.authorize': 'The {network} sign-in page answers ({detail})',
  'setup.ok.exchange': 'The token-exchange URL answers ({detail})',
  'setup.fail.clientId': 'No client ID: register an app on {network}, then paste its client ID in the {network} settings below.{detail}',
  'setup.fail.server':
    '{network} needs a client secret for the code exchange: set a token-exchange URL (your organisation’s backend) or enrol in the hub.{detail}',
  'setup.fail.hosts': 'The browser has not granted access to {network}’s servers yet: Connect asks for it.{detail}',
  'setup.fail.authorize':
    'The {network} sign-in page refused the app or could not be reached ({detail}): check the client ID and the base URL.',
  'setup.fail.exchange': 'The token-exchange URL could not be reached ({detail}).',
};

export type ViewTextKey = keyof typeof en;

const fr: Record<ViewTextKey, string> = {
  'cons.pausedShort': 'en pause depuis le {date}',
  'inbox.unreadCount_one': '{n} non lu',
  'inbox.unreadCount_other': '{n} non lus',
  'inbox.empty': 'Aucun rappel pour l’instant.',
  'opt.waiting_one': '{channel} : {n} message en attente, dernière erreur {error} depuis {since}',
  'opt.waiting_other': '{channel} : {n} messages en attente, dernière erreur {error} depuis {since}',
  'opt.undelivered_one': '{channel} : {n} message non distribué (abandonné), dernière erreur {error} depuis {since}',
  'opt.undelivered_other': '{channel} : {n} messages non distribués (abandonnés), dernière erreur {error} depuis {since}',
  'setup.title': 'Configuration, réseau par réseau',
  'setup.yes': 'oui :',
  'setup.no': 'manquant :',
  'setup.clientId': 'ID client',
  'setup.hub': 'Hub',
  'setup.exchange': 'Échange de jetons',
  'setup.noServer': 'Aucun secret requis',
  'setup.hosts': 'Accès',
  'setup.profiles_one': '{n} profil',
  'setup.profiles_other': '{n} profils',
  'setup.test': 'Tester',
  'setup.testing': 'Test…',
  'setup.resultOf': 'Test de {network}',
  'setup.ready': '{network} est configuré : connectez un profil depuis la fenêtre.',
  'setup.permission': 'La personne qui se connecte doit avoir : {permission}.',
  'setup.edit': 'Modifier les réglages {network}',
  'setup.ok.clientId': 'ID client renseigné',
  'setup.ok.server': 'Échange du code assuré{detail}',
  'setup.ok.hosts': 'Le navigateur autorise l’accès à {network}',
  'setup.ok.authorize': 'La page de connexion {network} répond ({detail})',
  'setup.ok.exchange': 'L’URL d’échange de jetons répond ({detail})',
  'setup.fail.clientId':
    'Aucun ID client : enregistrez une application sur {network}, puis collez son ID client dans les réglages {network} ci-dessous.{detail}',
  'setup.fail.server':
    '{network} exige un secret client pour l’échange du code : indiquez une URL d’échange de jetons (le serveur de votre organisation) ou inscrivez-vous au hub.{detail}',
  'setup.fail.hosts': 'Le navigateur n’a pas encore autorisé l’accès aux serveurs de {network} : Connecter le demande.{detail}',
  'setup.fail.authorize':
    'La page de connexion {network} a refusé l’application ou est injoignable ({detail}) : vérifiez l’ID client et l’URL de base.',
  'setup.fail.exchange': 'L’URL d’échange de jetons est injoignable ({detail}).',
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
