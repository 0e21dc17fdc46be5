// What the Mailchimp suspend/restore tests share: an empty simulator behind msw at the real host,
// a connected client on the same manual clock, and the core's way of asking for one item.
import { beforeEach } from 'vitest';
import { mailchimp } from '../../adapters/mailchimp/adapter.js';
import { createMailchimpSimulator, type MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import type { AdapterClient, LiveItem, Outcome, RestoreRequest } from '../../adapters/types.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { toRef } from './live-items.js';

export const BASE_URL = 'https://us14.api.mailchimp.com';

export interface MailchimpFixture {
  clock: ManualClock;
  sim: MailchimpSimulator;
  client: AdapterClient;
}

/** A fresh clock, simulator and client before each test of the calling file. */
export function useMailchimp(apiKey: string): MailchimpFixture {
  const server = useMsw();
  const fixture = {} as MailchimpFixture;
  beforeEach(() => {
    fixture.clock = new ManualClock();
    fixture.sim = createMailchimpSimulator({ clock: fixture.clock, credentials: { apiKey }, accountIds: [], seed: 'empty' });
    routeToSimulator(server, BASE_URL, fixture.sim);
    fixture.client = mailchimp.connect({ connectionId: 'mc', accountIds: [], settings: { pageSize: 1000 }, credentials: { apiKey }, timeoutMs: 5_000, clock: fixture.clock });
  });
  return fixture;
}

/** A restore as the core asks for it, at the listed time unless told otherwise. */
export const restoreRequest = (item: LiveItem, scheduledAt = item.scheduledAt): RestoreRequest => ({ ...toRef(item), scheduledAt, mayExist: false });

/** The outcome of a one-item call. */
export const one = async (outcomes: Promise<Outcome[]>): Promise<Outcome> => (await outcomes)[0]!;
