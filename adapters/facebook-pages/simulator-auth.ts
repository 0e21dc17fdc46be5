// Signing in to the Graph API for Pages: the kit's Graph sign-in with Facebook Pages' error
// traces; the simulated CDN takes no credential.
import type { Context } from 'hono';
import { graphSignIn } from '../kit/simulator/graph.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { graphErrorResponse } from './simulator-errors.js';
import type { FacebookPagesWorld } from './simulator-world.js';

export { filesOf, paramsOf, readParams, type Files, type Params } from '../kit/simulator/graph.js';

/** The simulated CDN (`/__cdn/…`) takes no credential, as Meta's CDN does not. */
export const isCdnPath = (c: Context): boolean => new URL(c.req.url).pathname.startsWith('/__cdn/');

export const authenticate = async (c: Context, world: FacebookPagesWorld, options: Pick<SimulatorOptions, 'clock' | 'credentials'>): Promise<Response | null> =>
  isCdnPath(c) ? null : graphSignIn(c, world, options, graphErrorResponse);
