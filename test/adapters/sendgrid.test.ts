// SendGrid adapter: the shared contract on its simulator, through msw at the network edge.
// SendGrid's own edge cases are in sendgrid-*.test.ts.
import { sendgrid, type SendGridSettings } from '../../adapters/sendgrid/adapter.js';
import { runAdapterContract } from './contract.js';
import { API_KEY, BASE_URL, MAIN_LIST, seedWorld, VIP_LIST } from './sendgrid-fixture.js';

runAdapterContract<SendGridSettings>({
  adapter: sendgrid,
  baseUrl: BASE_URL,
  credentials: { apiKey: API_KEY },
  accountIds: [MAIN_LIST, VIP_LIST],
  // Small pages so the contract walks page tokens.
  settings: { region: 'global', pageSize: 2 },
  seed: (simulator, clock) => void seedWorld(simulator, clock),
});
