/** The shortest passphrase the opt-in vault lock accepts. */
export const MIN_PASSPHRASE = 10;
