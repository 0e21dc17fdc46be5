// Telling listeners that a simulator's world changed (the sandbox saves it, debounced).
export class ChangeSignal {
  readonly #listeners = new Set<() => void>();

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.#listeners) listener();
  }

  /**
   * For simulators whose worlds do not report their own changes (meta-ads and mailchimp until
   * they are ported onto the builder): any request but a read may have changed the world.
   */
  afterWrites(fetch: (request: Request, env?: unknown) => Promise<Response>): (request: Request, env?: unknown) => Promise<Response> {
    return async (request, env) => {
      const response = await fetch(request, env);
      if (request.method !== 'GET' && request.method !== 'HEAD') this.notify();
      return response;
    };
  }
}
