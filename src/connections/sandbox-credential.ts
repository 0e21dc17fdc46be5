/**
 * The credential sandbox platforms accept when a sandbox connection's environment variable is
 * unset. It opens nothing but the fake platforms on loopback: it is not a secret.
 */
export const SANDBOX_CREDENTIAL = 'sandbox-credential-not-a-secret';
