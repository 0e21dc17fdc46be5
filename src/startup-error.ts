import { serveFetch, type Served } from './serve.js';

/** A reason the service cannot start that a person can fix: said in one line, no stack trace. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** Serves `fetch` on `port`, or says in one line why the port cannot be had and what to set. */
export async function listen(
  fetch: Parameters<typeof serveFetch>[0],
  port: number,
  host: string,
  variable: 'PORT' | 'SANDBOX_PORT',
): Promise<Served> {
  try {
    return await serveFetch(fetch, port, host);
  } catch (error) {
    switch ((error as NodeJS.ErrnoException).code) {
      case 'EADDRINUSE':
        throw new StartupError(`port ${port} is in use (set ${variable})`);
      case 'EACCES':
        throw new StartupError(`port ${port} needs privileges this user does not have (set ${variable} above 1023)`);
      case 'EADDRNOTAVAIL':
      case 'ENOTFOUND':
        throw new StartupError(`${host} is not an address of this machine (set HOST)`);
      default:
        throw error;
    }
  }
}
