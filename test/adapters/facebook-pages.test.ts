// facebook-pages: the shared adapter contract on the simulator, through msw at the network edge.
import { facebookPages } from '../../adapters/facebook-pages/adapter.js';
import type { FacebookPagesSimulator } from '../../adapters/facebook-pages/simulator.js';
import { HOUR } from '../support/clock.js';
import { runAdapterContract } from './contract.js';
import { BASE_URL, PAGE, seedScheduled, SETTINGS, TOKEN } from './facebook-pages-fixture.js';

runAdapterContract({
  adapter: facebookPages,
  baseUrl: BASE_URL,
  credentials: { accessToken: TOKEN },
  accountIds: [PAGE],
  settings: SETTINGS,
  seed(simulator, clock) {
    const sim = simulator as FacebookPagesSimulator;
    seedScheduled(sim, clock, 57);
    // Not live: published already, a draft, one published by a person ahead of its time.
    sim.world.addPost({ message: 'Published last week', link: 'https://acme.example/news/1', published: true });
    sim.world.addPost({ message: 'A draft nobody scheduled', published: false });
    sim.world.addPost({ message: 'Went out early', published: true, scheduledAt: new Date(clock.now().getTime() + 5 * HOUR) });
  },
});
