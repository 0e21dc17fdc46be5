// The sandbox platforms in a process of their own, served on loopback: the platforms are
// remote in production, so their CPU and memory must not be counted as the service's. The
// parent (the scenario) seeds them, reads their state and takes the traffic counters over IPC.
import { createRegistry } from '../adapters/registry.js';
import { checkConnections } from '../src/config/load.js';
import { benchConfig } from './config.js';
import { systemClock } from '../src/clock.js';
import { Sandbox } from '../src/sandbox/sandbox.js';
import { serveFetch } from '../src/serve.js';
import { serveCalls } from './rpc.js';
import { scenario as scenarioAt } from './scenarios.js';
import { parseSettings } from './settings.js';
import { seedWorld } from './seed-world.js';
import { TrafficCounter } from './traffic.js';

const scenario = scenarioAt(process.argv[2] ?? '', parseSettings([], process.env).settings);
if (!scenario) throw new Error(`no scenario ${process.argv[2]}`);

const specs = checkConnections(benchConfig(), createRegistry());
// No environment: both sides fall back to the sandbox's well-known non-secret credential.
const sandbox = await Sandbox.create(specs, {}, { clock: systemClock, seed: 'empty', latencyMs: scenario.latencyMs, enforceLimits: true });
const traffic = new TrafficCounter();
const served = await serveFetch(traffic.wrap(sandbox.fetch), 0);

serveCalls({
  url: () => served.url,
  seed: () => {
    seedWorld(sandbox, scenario);
    return Object.fromEntries([...sandbox.simulators].map(([id, s]) => [id, s.state().length]));
  },
  state: () => sandbox.state(),
  traffic: () => {
    const taken = traffic.take();
    for (const [id, simulator] of sandbox.simulators) if (taken[id]) taken[id].simulatorLog = simulator.requests.length;
    for (const simulator of sandbox.simulators.values()) simulator.requests.length = 0;
    return taken;
  },
  close: async () => {
    await served.close();
    setImmediate(() => process.exit(0));
  },
});
