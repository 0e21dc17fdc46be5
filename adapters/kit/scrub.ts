// Secret scrubbing, in one place: every error message the kit builds from vendor text passes
// through here before it can reach an outcome, the store, a log or an API answer (invariant 8).

/** Parameters that carry credentials in URLs and form bodies, whatever their value. */
export const CREDENTIAL_PARAMS = ['access_token', 'appsecret_proof', 'apikey', 'api_key', 'token', 'client_secret', 'refresh_token'] as const;

const PARAM_VALUE = new RegExp(`\\b(${CREDENTIAL_PARAMS.join('|')})=[^&\\s"']+`, 'gi');
const AUTH_HEADER_VALUE = /\b(Bearer|Basic|OAuth)\s+[A-Za-z0-9._~+/=-]{8,}/g;
const MIN_SECRET_LENGTH = 4;

export class SecretScrubber {
  readonly #secrets = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    this.add(...secrets);
  }

  /** Values to remove from now on, with their URL-encoded forms (a vendor may echo a URL). */
  add(...secrets: string[]): void {
    for (const secret of secrets) {
      if (secret.length < MIN_SECRET_LENGTH) continue;
      this.#secrets.add(secret);
      this.#secrets.add(encodeURIComponent(secret));
    }
  }

  scrub(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is removed whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
    return out.replace(PARAM_VALUE, '$1=***').replace(AUTH_HEADER_VALUE, '$1 ***');
  }
}
