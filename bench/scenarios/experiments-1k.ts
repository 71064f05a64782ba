/**
 * 1,000 experiments: a cold load of the home page until the experiment list
 * is visible, and the JavaScript that load needed.
 */
import {
  countDomNodes,
  defineScenario,
  distGzipBytes,
  figure,
  loadedScripts,
  measureNavigation,
  repeat,
} from '../lib';
import { countExperiments, EXPERIMENT_LIST_READY } from './_common';

const EXPERIMENTS = 1000;

export default defineScenario({
  name: 'experiments-1k',
  description: `${EXPERIMENTS.toLocaleString('en')} experiments: cold navigation to a visible experiment list`,
  demoEnv: { RUNLENS_DEMO_EXPERIMENTS: String(EXPERIMENTS) },
  async run(ctx) {
    const seeded = await countExperiments(ctx.baseUrl);
    if (seeded < EXPERIMENTS) {
      ctx.log(
        `only ${seeded} experiments seeded (RUNLENS_DEMO_EXPERIMENTS not honoured?): figures are not comparable`,
      );
    }

    let js = { gzip: 0, transferred: 0, files: 0 };
    let domNodes = 0;
    let rows = 0;
    const visible = await repeat(ctx.runs, 'first-list-visible-ms', 'ms', async (i) => {
      const { page, close } = await ctx.newPage();
      try {
        const nav = await measureNavigation(page, ctx.url('/'), EXPERIMENT_LIST_READY);
        if (i === 0) {
          const scripts = await loadedScripts(page);
          js = {
            gzip: distGzipBytes(
              ctx.distDir,
              scripts.map((s) => s.pathname),
            ),
            transferred: scripts.reduce((a, s) => a + s.encodedBytes, 0),
            files: scripts.length,
          };
          await page.waitForLoadState('networkidle');
          domNodes = await countDomNodes(page);
          rows = await page.locator('table[aria-label="Experiments"] tbody tr').count();
        }
        return nav.readyMs;
      } finally {
        await close();
      }
    });

    return [
      visible,
      figure('first-page-js-gzip-bytes', js.gzip, 'bytes'),
      figure('first-page-js-transfer-bytes', js.transferred, 'bytes'),
      figure('first-page-js-files', js.files, 'files'),
      figure('dom-nodes', domNodes, 'nodes'),
      figure('rows-rendered', rows, 'rows'),
      figure('experiments-seeded', seeded, 'experiments'),
    ];
  },
});
