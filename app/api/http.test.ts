import { describe, expect, it } from 'vitest';
import { ApiError, errorFromBody, errorFromWire, errorToWire } from './http';

describe('errorFromBody', () => {
  it('keeps the server sentence before leaked SQL and hides the rest behind details', () => {
    const msg =
      'Registered Model (name=ui-model) already exists. Error: (sqlite3.IntegrityError) UNIQUE constraint failed: registered_models.name\n[SQL: INSERT INTO ...]';
    const e = errorFromBody(
      400,
      'application/json',
      JSON.stringify({ error_code: 'RESOURCE_ALREADY_EXISTS', message: msg }),
    );
    expect(e.message).toBe('Registered Model (name=ui-model) already exists.');
    expect(e.errorCode).toBe('RESOURCE_ALREADY_EXISTS');
    expect(e.details).toContain('[SQL:');
  });
  it('turns a bare database error into a plain sentence', () => {
    const msg =
      '(sqlite3.IntegrityError) FOREIGN KEY constraint failed\n[SQL: INSERT INTO trace_tags ...]';
    const e = errorFromBody(
      400,
      'application/json',
      JSON.stringify({ error_code: 'BAD_REQUEST', message: msg }),
    );
    expect(e.message).toMatch(/does not exist/);
    expect(e.details).toBe(msg);
  });
  it('reads the title of an HTML error page', () => {
    const e = errorFromBody(
      404,
      'text/html; charset=utf-8',
      '<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>',
    );
    expect(e.status).toBe(404);
    expect(e.errorCode).toBe('HTTP_404');
    expect(e.message).toBe('404 Not Found');
    expect(e.isNotFound).toBe(true);
  });
});

describe('parseLenientJson', () => {
  it('reads the bare NaN and Infinity tokens Flask writes for get-history-bulk', async () => {
    const { parseLenientJson } = await import('./metrics');
    const { decodeMetricValue } = await import('./decode');
    const w = parseLenientJson(
      '{"metrics": [{"key": "a", "value": NaN, "step": 1}, {"key": "a", "value": -Infinity, "step": 2}]}',
    ) as {
      metrics: { value: string }[];
    };
    expect(Number.isNaN(decodeMetricValue(w.metrics[0]?.value))).toBe(true);
    expect(decodeMetricValue(w.metrics[1]?.value)).toBe(-Infinity);
  });
});

describe('ApiError.isUnreachable', () => {
  it('is true when no answer came or a proxy says the server is down, not for a failure inside a worker', () => {
    expect(
      new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the tracking server.').isUnreachable,
    ).toBe(true);
    expect(new ApiError(502, 'HTTP_502', 'Bad gateway').isUnreachable).toBe(true);
    expect(new ApiError(503, 'TRACKING_SERVER_UNREACHABLE', 'down').isUnreachable).toBe(true);
    expect(errorFromWire(errorToWire(new TypeError('boom'))).isUnreachable).toBe(false);
    expect(errorFromWire(errorToWire(new ApiError(0, 'NETWORK_ERROR', 'x'))).isUnreachable).toBe(
      true,
    );
    expect(new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', 'gone').isUnreachable).toBe(false);
  });
});
