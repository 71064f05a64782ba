import { queryOptions } from '@tanstack/react-query';
import { fetchAllPages, searchTraces, TRACES_PAGE_SIZE } from '../../api';
import { traceKeys } from '../../lib/query-keys';
import { quoteFilterValue } from '../../lib/filter-quote';
import { sessionsOf } from './model/sessions';

/** How many of an experiment's newest traces the sessions list reads. */
export const SESSION_TRACE_LIMIT = 2000;

/** The experiment's sessions, from its newest traces that carry `mlflow.trace.session`. */
export const sessionListQueryOptions = (experimentId: string) =>
  queryOptions({
    queryKey: traceKeys.sessions(experimentId),
    queryFn: async ({ signal }) => {
      const traces = await fetchAllPages(
        (pageToken) =>
          searchTraces(
            {
              experimentIds: [experimentId],
              filter: 'metadata.`mlflow.trace.session` IS NOT NULL',
              orderBy: ['timestamp_ms DESC'],
              maxResults: TRACES_PAGE_SIZE,
              pageToken,
            },
            signal,
          ),
        { limit: SESSION_TRACE_LIMIT, signal },
      );
      return { sessions: sessionsOf(traces), traces: traces.length };
    },
  });

/** One session's turns, oldest first. */
export const sessionTracesQueryOptions = (experimentId: string, sessionId: string) =>
  queryOptions({
    queryKey: traceKeys.session(experimentId, sessionId),
    queryFn: ({ signal }) =>
      fetchAllPages(
        (pageToken) =>
          searchTraces(
            {
              experimentIds: [experimentId],
              filter: `metadata.\`mlflow.trace.session\` = ${quoteFilterValue(sessionId)}`,
              orderBy: ['timestamp_ms ASC'],
              maxResults: TRACES_PAGE_SIZE,
              pageToken,
            },
            signal,
          ),
        { limit: SESSION_TRACE_LIMIT, signal },
      ),
  });
