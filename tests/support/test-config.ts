/**
 * The configuration tests open servers and stores with: the product's defaults, the test's
 * own overrides, and a cheap password hash. scrypt at the product's cost (N = 2^15) takes
 * 50–100 ms of CPU; the suite creates and signs in some 800 accounts, so at full cost a
 * minute of every run went to hashing. The cost is a setting the product reads
 * (`passwordCost`, DABIAO_PASSWORD_COST), so the code under test is the same; the default
 * itself is checked in store-sessions.test.ts. vitest.config.ts puts the same figure in the
 * environment of the CLI runs and the servers the tests spawn.
 */
import { loadConfig, type Config, type ConfigOverrides } from '../../src/config.ts';

export const TEST_PASSWORD_COST = 10;

export function testConfig(overrides: ConfigOverrides = {}): Config {
  return loadConfig({}, { passwordCost: TEST_PASSWORD_COST, ...overrides });
}
