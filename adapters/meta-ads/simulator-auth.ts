// Signing in to the Graph Marketing API: the kit's Graph sign-in with Meta Ads' error traces.
import type { Context } from 'hono';
import { graphSignIn } from '../kit/simulator/graph.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { graphErrorResponse } from './simulator-errors.js';
import type { MetaAdsWorld } from './simulator-world.js';

export { paramsOf, readParams, type Params } from '../kit/simulator/graph.js';

export const authenticate = (c: Context, world: MetaAdsWorld, options: Pick<SimulatorOptions, 'clock' | 'credentials'>): Promise<Response | null> =>
  graphSignIn(c, world, options, graphErrorResponse);
