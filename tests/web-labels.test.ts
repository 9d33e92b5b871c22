import { describe, expect, it } from 'vitest';
import { MEASUREMENT_STATE_LABELS } from '../src/db/store';
import { QUALITATIVE_LABELS, STATUS_LABELS } from '../src/progress/types';
// The browser cannot import TypeScript, so the client keeps its own copy of the labels.
// @ts-expect-error plain browser module without type declarations
import * as client from '../src/web/public/lib/format.js';

describe('the web client shows the same Chinese words as reports and the API', () => {
  it.each([
    ['STATUS_LABELS', STATUS_LABELS],
    ['QUALITATIVE_LABELS', QUALITATIVE_LABELS],
    ['STATE_LABELS', MEASUREMENT_STATE_LABELS],
  ])('%s', (name, server) => {
    expect(client[name]).toEqual(server);
  });

  it('lists statuses in the order reports do', () => {
    expect(client.STATUS_ORDER).toEqual(Object.keys(STATUS_LABELS));
  });
});
