import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { TraceView } from './traces-support';

/** The traces list and trace page on the demo workspace (llm-agent, experiment 5). */
const LLM_EXPERIMENT = '5';

/** Holds every span-data response back until the returned function is called. */
async function holdSpanData(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/get-trace-artifact?*', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test.describe('traces list', () => {
  test('lists the traces of an experiment and filters them by status on the server', async ({
    page,
  }) => {
    await page.goto(`/experiments/${LLM_EXPERIMENT}/traces`);
    const table = page.getByRole('table', { name: 'Traces' });
    await expect(
      table.getByRole('link', { name: 'batch_embedding_job', exact: true }),
    ).toBeVisible();
    await page
      .getByRole('group', { name: 'Status' })
      .getByRole('button', { name: 'Error' })
      .click();
    await expect(table.getByRole('link', { name: 'failing_agent', exact: true })).toBeVisible();
    await expect(table.getByRole('link', { name: 'batch_embedding_job', exact: true })).toHaveCount(
      0,
    );
    await expect(page).toHaveURL(/status=ERROR/);
  });

  test('deletes a trace after confirmation', async ({ page, demo }) => {
    // A reused server keeps this test's workspace from an earlier run: start from the seed.
    await demo.reset();
    await page.goto(`/experiments/${LLM_EXPERIMENT}/traces`);
    const table = page.getByRole('table', { name: 'Traces' });
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'failing_agent', exact: true }) });
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: /^Delete \(1\)$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 1 trace?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(table.getByRole('link', { name: 'failing_agent', exact: true })).toHaveCount(0);
  });
});

test.describe('trace page', () => {
  test('opens the 300-span trace, collapses and expands it', async ({ page }) => {
    const trace = new TraceView(page);
    await trace.openFromList(LLM_EXPERIMENT, 'batch_embedding_job');
    await expect(trace.shownCount).toHaveText('300 of 300 spans');
    const root = trace.span('batch_embedding_job');
    await expect(root).toHaveAttribute('aria-expanded', 'true');
    await expect(root).toHaveAttribute('aria-level', '1');
    await expect(trace.span('embed_000')).toHaveAttribute('aria-level', '2');
    // Virtualized: far fewer rows in the DOM than spans.
    expect(await trace.spans.count()).toBeLessThan(100);

    await trace.button('Collapse all').click();
    await expect(root).toHaveAttribute('aria-expanded', 'false');
    await expect(trace.span('embed_000')).toHaveCount(0);
    await expect(trace.shownCount).toHaveText('1 of 300 spans');
    await trace.button('Expand all').click();
    await expect(trace.span('embed_000')).toBeVisible();

    // Keyboard: left collapses the selected span, right expands it.
    await root.click();
    await expect(root).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(root).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowRight');
    await expect(root).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(trace.span('embed_000')).toHaveAttribute('aria-selected', 'true');
  });

  test('shows the trace, and its controls greyed out, while the spans load', async ({ page }) => {
    // The span data is held back until the page has been checked without it.
    const release = await holdSpanData(page);
    const trace = new TraceView(page);
    await page.goto(`/experiments/${LLM_EXPERIMENT}/traces`);
    await page
      .getByRole('table', { name: 'Traces' })
      .getByRole('link', { name: 'batch_embedding_job', exact: true })
      .click();

    await expect(
      page.getByRole('heading', { name: 'batch_embedding_job', level: 1 }),
    ).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Loading spans…' })).toBeVisible();
    await expect(trace.search).toBeDisabled();
    await expect(trace.button('Collapse all')).toBeDisabled();
    await expect(trace.tree).toHaveCount(0);

    release();
    await expect(trace.span('batch_embedding_job')).toBeVisible();
    await expect(trace.shownCount).toHaveText('300 of 300 spans');
    await expect(trace.search).toBeEnabled();
    await expect(page.getByRole('status').filter({ hasText: 'Loading spans…' })).toHaveCount(0);
  });

  test('the span rows do not move when the spans arrive', async ({ page }) => {
    // failing_agent has the most span types: at this width their filter buttons overflow a line,
    // and must not push the rows down.
    await page.setViewportSize({ width: 900, height: 800 });
    const release = await holdSpanData(page);
    const trace = new TraceView(page);
    await page.goto(`/experiments/${LLM_EXPERIMENT}/traces`);
    await page
      .getByRole('table', { name: 'Traces' })
      .getByRole('link', { name: 'failing_agent', exact: true })
      .click();
    const loading = page.getByRole('status').filter({ hasText: 'Loading spans…' });
    await expect(loading).toBeVisible();
    // The info (name, tags, and on 3.x the assessments) is in: only the spans are still awaited.
    await expect(page.getByRole('heading', { level: 1, name: 'failing_agent' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Trace tags' })).toBeVisible();
    const pendingRows = await loading.locator('..').boundingBox();
    const pendingCollapse = await trace.button('Collapse all').boundingBox();

    release();
    await expect(trace.typeFilter('AGENT')).toBeVisible();
    await expect(trace.span('failing_agent')).toBeVisible();
    const rows = await trace.tree.boundingBox();
    const collapse = await trace.button('Collapse all').boundingBox();
    expect(rows?.y).toBe(pendingRows?.y);
    expect(collapse?.y).toBe(pendingCollapse?.y);
  });

  test('opens the error trace: the failing span and its ancestors are marked, with the stack trace', async ({
    page,
  }) => {
    const trace = new TraceView(page);
    await trace.openFromList(LLM_EXPERIMENT, 'failing_agent');
    await expect(trace.span('calculator')).toHaveClass(/error/);
    await trace.span('calculator').click();
    const exception = trace.detail.getByRole('region', { name: 'Exception' });
    await expect(exception).toContainText('ZeroDivisionError');
    await expect(exception.getByLabel('Stack trace')).toContainText(
      'Traceback (most recent call last)',
    );
    await expect(exception.getByLabel('Stack trace')).toContainText('in calculator');
    // The root failed too: its own exception is shown when selected.
    await trace.span('failing_agent').click();
    await expect(trace.detail.getByRole('region', { name: 'Exception' })).toContainText(
      "division by zero in tool 'calculator'",
    );
  });

  test('filters by span type and searches, showing matches with their ancestors', async ({
    page,
  }) => {
    const trace = new TraceView(page);
    await trace.openFromList(LLM_EXPERIMENT, 'failing_agent');
    await trace.typeFilter('LLM').click();
    await expect(trace.spans).toHaveCount(3);
    await expect(trace.span('call_llm')).toBeVisible();
    await expect(trace.span('rag_chain')).toBeVisible();
    await expect(trace.span('calculator')).toHaveCount(0);
    await trace.typeFilter('LLM').click();

    await page.keyboard.press('/');
    await expect(trace.search).toBeFocused();
    await trace.search.fill('calculator');
    await expect(trace.spans).toHaveCount(2);
    await expect(trace.span('failing_agent')).toBeVisible();
    await expect(trace.span('calculator')).toBeVisible();
    await expect(trace.span('retrieve')).toHaveCount(0);

    await page
      .getByRole('group', { name: 'Search mode' })
      .getByRole('button', { name: 'Highlight' })
      .click();
    await expect(trace.span('retrieve')).toBeVisible();
    await expect(trace.span('calculator')).toHaveClass(/highlighted/);
  });

  test('shows the chat messages of an LLM span', async ({ page }) => {
    const trace = new TraceView(page);
    await trace.openFromList(LLM_EXPERIMENT, 'failing_agent');
    await trace.span('call_llm').click();
    const inputs = trace.detail.getByRole('list', { name: 'Inputs conversation' });
    await expect(inputs.getByRole('listitem', { name: 'user message' })).toContainText(
      'Q: divide five by zero',
    );
    const outputs = trace.detail.getByRole('list', { name: 'Outputs conversation' });
    await expect(outputs.getByRole('listitem', { name: 'assistant message' })).toHaveText(
      /The answer is 42\./,
    );
    await expect(trace.detail.getByRole('region', { name: 'Token usage' })).toContainText('162');
  });

  test('adds a trace tag that survives a reload', async ({ page, demo }) => {
    await demo.reset();
    const trace = new TraceView(page);
    await trace.openFromList(LLM_EXPERIMENT, 'failing_agent');
    await page.getByLabel('Tag key').fill('triage');
    await page.getByLabel('Tag value').fill('e2e');
    await page.getByRole('button', { name: 'Add tag' }).click();
    const tags = page.getByRole('region', { name: 'Trace tags' });
    await expect(tags.getByRole('button', { name: 'Delete tag triage' })).toBeVisible();
    await page.reload();
    await expect(tags.getByText('triage')).toBeVisible();
  });

  test('keeps the selected span in the URL across a reload', async ({ page }) => {
    const trace = new TraceView(page);
    await trace.openFromList(LLM_EXPERIMENT, 'failing_agent');
    await trace.span('retrieve').click();
    await expect(page).toHaveURL(/[?&]span=/);
    await page.reload();
    await expect(trace.span('retrieve')).toHaveAttribute('aria-selected', 'true');
    await expect(trace.detail.getByRole('heading', { level: 2 })).toHaveText('retrieve');
  });

  test('a trace opened from its address asks for its spans and info once, and a missing one says so', async ({
    page,
  }) => {
    // index.html starts these two requests before the app loads; the app must take them over.
    const trace = new TraceView(page);
    await trace.openFromList(LLM_EXPERIMENT, 'failing_agent');
    const spans: string[] = [];
    const info: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/get-trace-artifact?')) spans.push(r.url());
      if (/\/traces\/[^/]+\/info$/.test(r.url())) info.push(r.url());
    });
    await page.reload();
    await expect(trace.span('calculator')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add tag' })).toBeVisible();
    expect(spans).toHaveLength(1);
    expect(info).toHaveLength(1);

    await page.goto(`/experiments/${LLM_EXPERIMENT}/traces/tr-does-not-exist`);
    await expect(page.getByRole('alert')).toContainText('tr-does-not-exist');
  });
});

test.describe('hostile span content', () => {
  const ID = 'ffffffffffffffffffffffffffff0bad';
  const huge = 'A'.repeat(2_000_000);
  let deep: unknown = 'bottom';
  for (let i = 0; i < 3000; i++) deep = { d: deep };
  const attrs = {
    'mlflow.spanType': JSON.stringify('TOOL'),
    'mlflow.spanInputs': JSON.stringify({ html: '<img src=x onerror="window.__pwned=1">', huge }),
    'mlflow.spanOutputs': JSON.stringify(deep),
    script: JSON.stringify('<script>window.__pwned=1</script>'),
    broken: '{"not json',
  };
  const body = `{"spans":[{"name":"<b onmouseover=window.__pwned=1>bold</b>","context":{"span_id":"0x01","trace_id":"0x02"},"parent_id":null,
    "start_time":1795808409226497234,"end_time":1795808409228879444,"status_code":"OK","status_message":"","attributes":${JSON.stringify(attrs)},"events":[]}],
    "request":${JSON.stringify(JSON.stringify({ q: '<script>window.__pwned=1</script>' }))},"response":null}`;
  const info = {
    trace_info: {
      request_id: ID,
      experiment_id: LLM_EXPERIMENT,
      timestamp_ms: 1795808409226,
      execution_time_ms: 2,
      status: 'OK',
      request_metadata: [],
      tags: [{ key: 'mlflow.traceName', value: '<script>window.__pwned=1</script>' }],
    },
  };

  test('is shown as text, truncated with an expand control, and never runs', async ({ page }) => {
    await page.route(`**/traces/${ID}/info`, (r: Route) => r.fulfill({ json: info }));
    // A 3.x server is asked through the v3 endpoint, which wraps the same info.
    await page.route(`**/api/3.0/mlflow/traces/${ID}`, (r: Route) =>
      r.fulfill({ json: { trace: info } }),
    );
    await page.route(`**/get-trace-artifact?request_id=${ID}`, (r: Route) =>
      r.fulfill({ body, contentType: 'text/plain' }),
    );
    const trace = new TraceView(page);
    await page.goto(`/experiments/${LLM_EXPERIMENT}/traces/${ID}`);
    await expect(trace.span('<b onmouseover=window.__pwned=1>bold</b>')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '<script>window.__pwned=1</script>',
    );
    await trace.span('<b onmouseover=window.__pwned=1>bold</b>').hover();
    const inputs = trace.detail.getByRole('region', { name: 'Inputs' });
    await expect(inputs).toContainText('<img src=x onerror="window.__pwned=1">');
    await expect(inputs.getByRole('button', { name: /^Expand \(/ })).toBeVisible();
    await expect(trace.detail.getByRole('region', { name: 'Attributes' })).toContainText(
      '{"not json',
    );
    // The deep payload starts collapsed: opening one level at a time is cheap.
    const outputs = trace.detail.getByRole('region', { name: 'Outputs' });
    await expect(outputs.getByRole('button', { name: /1 keys/ }).first()).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('img[src="x"], b[onmouseover]').count()).toBe(0);
  });
});

test.describe('a trace that repeats a span id', () => {
  const ID = 'ffffffffffffffffffffffffffff0d0b';
  const span = (name: string, id: string, parent: string | null, start: number) =>
    `{"name":"${name}","context":{"span_id":"${id}","trace_id":"0x02"},"parent_id":${parent ? `"${parent}"` : 'null'},` +
    `"start_time":${start},"end_time":${start + 1000},"status_code":"OK","status_message":"","attributes":{},"events":[]}`;
  const body = `{"spans":[${[
    span('root', '0x01', null, 1795808409226497000),
    span('first copy', '0x0a', '0x01', 1795808409226498000),
    span('second copy', '0x0a', '0x01', 1795808409226499000),
  ].join(',')}],"request":null,"response":null}`;
  const info = {
    trace_info: {
      request_id: ID,
      experiment_id: LLM_EXPERIMENT,
      timestamp_ms: 1795808409226,
      execution_time_ms: 1,
      status: 'OK',
      request_metadata: [],
      tags: [],
    },
  };

  test('selects each copy, and keeps the selection across a reload', async ({ page }) => {
    await page.route(`**/traces/${ID}/info`, (r: Route) => r.fulfill({ json: info }));
    // A 3.x server is asked through the v3 endpoint, which wraps the same info.
    await page.route(`**/api/3.0/mlflow/traces/${ID}`, (r: Route) =>
      r.fulfill({ json: { trace: info } }),
    );
    await page.route(`**/get-trace-artifact?request_id=${ID}`, (r: Route) =>
      r.fulfill({ body, contentType: 'application/json' }),
    );
    const trace = new TraceView(page);
    await page.goto(`/experiments/${LLM_EXPERIMENT}/traces/${ID}`);
    await trace.span('second copy').click();
    await expect(trace.span('second copy')).toHaveAttribute('aria-selected', 'true');
    await expect(trace.span('first copy')).toHaveAttribute('aria-selected', 'false');
    await expect(trace.detail.getByRole('heading', { level: 2 })).toHaveText('second copy');
    await page.reload();
    await expect(trace.span('second copy')).toHaveAttribute('aria-selected', 'true');
    await trace.span('first copy').click();
    await expect(trace.detail.getByRole('heading', { level: 2 })).toHaveText('first copy');
  });
});
