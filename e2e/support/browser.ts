/**
 * How Runlens's tests and benchmarks launch Chromium: Debian's build at
 * /usr/bin/chromium (scripts/test-all.mjs installs it with apt when missing;
 * `npx playwright install` cannot download browsers on our machines), with
 * flags that stop it from reaching out to the internet on its own.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumLaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
} as const;
