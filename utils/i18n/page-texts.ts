import { lang } from './index';

/**
 * Strings only the pages show (the options page's Lock section and URL confirmation, the popup's
 * Unlock and Disconnect results, the chooser after a connect). Kept out of the shared dictionary, which the background carries
 * too: its bundle stays within budget.
 */
const en = {
  'chooser.title': 'Choose what to track',
  'chooser.already': 'already tracked',
  'chooser.keep': 'Track the ticked ones',
  'popup.emptyTitle': 'Never be surprised by a dead token',
  'popup.emptyText':
    'Token Warden watches the sign-in tokens of your social profiles, warns you before one lapses, and renews it in one click.',
  'url.confirmTitle': 'These addresses will receive your tokens',
  'url.confirmIntro':
    'Access and refresh tokens will be sent to the new hosts below. Apply only if your organisation runs them: the browser then asks for access to each host.',
  'url.production': "the network's own servers",
  'url.none': 'none',
  'url.apply': 'Confirm and apply',
  'url.cancel': 'Cancel',
  'url.cancelled': 'Nothing was changed.',
  'opt.includeWebhooks': 'Include the Slack and webhook URLs (anyone who has them can post to your channels)',
  'lock.title': 'Lock',
  'lock.default':
    'By default the tokens are encrypted (AES-GCM) with a key the browser keeps in this profile’s own files. That keeps tokens out of exports, logs, messages and screenshots, and away from anyone who reads the tokens table alone; it does not protect against a copy of the whole browser profile (a backup, a synced or stolen disk), which holds the key too, nor against malware running as you.',
  'lock.withLock':
    'With the lock on, the key is stored only encrypted under your passphrase (PBKDF2-SHA256, 600,000 iterations); unlocked, it stays in memory for this browser session. A copy of the profile then yields no token. While locked, the badge and reminders keep working from the stored expiry dates; checks and renewals wait until you unlock in the popup. A forgotten passphrase cannot be recovered.',
  'lock.passphrase': 'Passphrase (at least {n} characters)',
  'lock.passphraseShort': 'Passphrase',
  'lock.turnOn': 'Lock with this passphrase',
  'lock.stateOpen': 'The lock is off (the default).',
  'lock.stateLocked': 'Locked: checks and renewals wait until you unlock in the popup.',
  'lock.stateUnlocked': 'The lock is on; unlocked for this browser session.',
  'lock.lockNow': 'Lock now',
  'lock.turnOff': 'Turn the lock off',
  'lock.unlock': 'Unlock',
  'lock.popupLocked': 'Token Warden is locked: checks and renewals wait for your passphrase.',
  'lock.turnedOn': 'Lock on: the key is now stored only under your passphrase.',
  'lock.turnedOff': 'Lock off: the key is stored as is again.',
  'popup.disconnectedNotRevoked':
    'Disconnected here, but the network did not confirm the revocation: remove Token Warden in the network’s app settings.',
  'popup.disconnectedNoRevoke': 'Disconnected. This network lets only its own settings end the access: remove Token Warden there.',
  'lock.forgot': 'Forgot the passphrase? Erase the locked tokens',
  'lock.forgotConfirm': 'Erase every stored token? They cannot be opened without the passphrase. Each profile will then ask to be renewed.',
  'lock.forgotten': 'The locked tokens were erased: renew each profile to sign in again.',
} as const;

export type PageTextKey = keyof typeof en;

const fr: Record<PageTextKey, string> = {
  'chooser.title': 'Choisir quoi suivre',
  'chooser.already': 'déjà suivi',
  'chooser.keep': 'Suivre ceux qui sont cochés',
  'popup.emptyTitle': 'Plus jamais surpris par un jeton mort',
  'popup.emptyText':
    "Token Warden surveille les jetons de connexion de vos profils sociaux, vous prévient avant qu'un jeton n'expire, et le renouvelle en un clic.",
  'url.confirmTitle': 'Ces adresses recevront vos jetons',
  'url.confirmIntro':
    'Les jetons d’accès et de renouvellement seront envoyés aux nouveaux hôtes ci-dessous. N’appliquez que si votre organisation les gère : le navigateur demande ensuite l’accès à chaque hôte.',
  'url.production': 'les serveurs du réseau',
  'url.none': 'aucune',
  'url.apply': 'Confirmer et appliquer',
  'url.cancel': 'Annuler',
  'url.cancelled': 'Rien n’a été modifié.',
  'opt.includeWebhooks': 'Inclure les URL Slack et webhook (qui les a peut publier dans vos canaux)',
  'lock.title': 'Verrou',
  'lock.default':
    'Par défaut, les jetons sont chiffrés (AES-GCM) avec une clé que le navigateur garde dans les fichiers de ce profil. Les jetons restent ainsi hors des exports, des journaux, des messages et des captures d’écran, et hors de portée de qui lit la seule table des jetons ; cela ne protège pas d’une copie du profil entier du navigateur (une sauvegarde, un disque synchronisé ou volé), qui contient aussi la clé, ni d’un logiciel malveillant qui agit en votre nom.',
  'lock.withLock':
    'Verrou activé, la clé n’est stockée que chiffrée sous votre phrase secrète (PBKDF2-SHA256, 600 000 itérations) ; déverrouillée, elle reste en mémoire pour cette session du navigateur. Une copie du profil ne livre alors aucun jeton. Verrouillé, le badge et les rappels continuent à partir des dates d’expiration enregistrées ; les vérifications et renouvellements attendent le déverrouillage dans la fenêtre. Une phrase secrète oubliée ne se récupère pas.',
  'lock.passphrase': 'Phrase secrète (au moins {n} caractères)',
  'lock.passphraseShort': 'Phrase secrète',
  'lock.turnOn': 'Verrouiller avec cette phrase',
  'lock.stateOpen': 'Le verrou est désactivé (par défaut).',
  'lock.stateLocked': 'Verrouillé : vérifications et renouvellements attendent le déverrouillage dans la fenêtre.',
  'lock.stateUnlocked': 'Verrou activé ; déverrouillé pour cette session du navigateur.',
  'lock.lockNow': 'Verrouiller maintenant',
  'lock.turnOff': 'Désactiver le verrou',
  'lock.unlock': 'Déverrouiller',
  'lock.popupLocked': 'Token Warden est verrouillé : vérifications et renouvellements attendent votre phrase secrète.',
  'lock.turnedOn': 'Verrou activé : la clé n’est plus stockée que sous votre phrase secrète.',
  'lock.turnedOff': 'Verrou désactivé : la clé est de nouveau stockée telle quelle.',
  'popup.disconnectedNotRevoked':
    'Déconnecté ici, mais le réseau n’a pas confirmé la révocation : retirez Token Warden dans les réglages d’applications du réseau.',
  'popup.disconnectedNoRevoke': 'Déconnecté. Seuls les réglages du réseau peuvent mettre fin à l’accès : retirez-y Token Warden.',
  'lock.forgot': 'Phrase secrète oubliée ? Effacer les jetons verrouillés',
  'lock.forgotConfirm':
    'Effacer tous les jetons enregistrés ? Ils ne s’ouvrent pas sans la phrase secrète. Chaque profil demandera ensuite à être renouvelé.',
  'lock.forgotten': 'Les jetons verrouillés ont été effacés : renouvelez chaque profil pour vous reconnecter.',
};

/** A page-only string in the page's language, with `{param}` filled in. */
export function tp(key: PageTextKey, params: Record<string, string | number> = {}): string {
  return (lang() === 'fr' ? fr : en)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export const PAGE_TEXTS = { en, fr };
