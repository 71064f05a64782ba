/**
 * Contract, value for value: in the recorded workspace (a db rebuilt from the
 * recordings, real ids) every recorded JSON read answers exactly what the
 * real server answered: filters, order_by, paging, page tokens, latest
 * metrics, latest_versions, aliases, omitted fields, error messages.
 *
 * Not comparable value for value (the recordings hold only a sample of
 * those histories, so the workspace cannot reproduce the full ones):
 * get-history-bulk with max_results, and get-history-bulk-interval over runs
 * whose full history was never recorded. The sampling itself is checked
 * exactly on the recordings whose histories are complete
 * (ajax_metrics_get_history_bulk_interval_range / _nan).
 */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers/index';
import { isJsonExchange, loadExchanges } from './exchanges';
import { createRecordedDb } from './recorded-seed';
import { IdMap, replay } from './replay';

const PARTIAL_HISTORIES = new Set([
  'ajax_metrics_get_history_bulk_maxresults',
  'ajax_metrics_get_history_bulk_interval',
  'api_metrics_get_history_bulk_interval',
]);

const comparable = loadExchanges().filter(
  (x) => !x.name.startsWith('write_') && isJsonExchange(x) && !PARTIAL_HISTORIES.has(x.name),
);

describe('contract: the recorded workspace answers value for value', () => {
  it('compares most JSON reads', () => {
    expect(comparable.length).toBe(133); // 138 before the 5 /graphql answers left out
  });
  for (const x of comparable) {
    it(x.name, async () => {
      const db = createRecordedDb();
      const r = await replay(createHandlers(db), x, new IdMap());
      const body = x.path.endsWith('/get-history-bulk')
        ? JSON.parse(r.text.replace(/:\s*NaN\b/g, ': "NaN"'))
        : r.json;
      expect(body).toEqual(x.response);
    });
  }
});
