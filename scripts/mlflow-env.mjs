#!/usr/bin/env node
/**
 * Project-local Python virtual environments with a pinned MLflow per line,
 * for the real-server tests and benchmarks:
 *
 *   .venvs/mlflow-2.17.0   mlflow==2.17.0 + what tools/workload needs
 *   .venvs/mlflow-3.18.0   mlflow==3.18.0 + the same
 *
 * Idempotent: each venv holds a marker file with the exact requirements it was
 * installed from; it is (re)installed only when the marker is missing or the
 * requirements changed. pip's cache (~/.cache/pip) makes a reinstall fast.
 * When python3, its venv module or pip is missing, it fails with a message that
 * says what to install; it never skips.
 *
 *   node scripts/mlflow-env.mjs              # every line
 *   node scripts/mlflow-env.mjs 3.18.0       # one line
 *   RUNLENS_PYTHON=/usr/bin/python3.11 node scripts/mlflow-env.mjs
 *
 * Importable: `ensureMlflowEnv('3.18.0')` resolves with the venv's paths.
 * Plain Node, no dependencies.
 */
import { spawn, spawnSync } from 'node:child_process';
import console from 'node:console';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VENVS_DIR = path.join(ROOT, '.venvs');
const MARKER = '.runlens-requirements.txt';

/**
 * The workload's libraries, pinned to versions with wheels for Python 3.11
 * that pass `pip check` next to each MLflow below.
 */
const WORKLOAD = [
  'scikit-learn==1.9.1',
  'pandas==2.3.3',
  'numpy==2.4.6',
  'matplotlib==3.11.2',
  'psutil==7.2.2',
];

/**
 * One recipe per supported MLflow line: `requirements` install with their
 * dependencies, then `noDeps` without them; `pip check` may report only the
 * packages in `absent`.
 */
export const MLFLOW_LINES = {
  // SQLAlchemy 2.1 removed FallbackAsyncAdaptedQueuePool, which mlflow 2.17.0's
  // store imports (pip check passes; `mlflow server` fails at start).
  '2.17.0': {
    requirements: ['mlflow==2.17.0', 'sqlalchemy==2.0.58', ...WORKLOAD],
    noDeps: [],
    absent: [],
  },
  // mlflow 3.18.0 pins mlflow-tracing==3.18.0, which PyPI does not have (its
  // newest is 3.17.2, checked 2026-12-05), so pip cannot resolve it. The
  // tracing package is a subset of mlflow-skinny's files, and mlflow-skinny
  // 3.18.0 is whole: install mlflow's other requirements (from its METADATA)
  // and mlflow itself without dependencies. Drop this once mlflow-tracing
  // 3.18.0 is published.
  '3.18.0': {
    requirements: [
      'mlflow-skinny==3.18.0',
      'Flask-CORS<7',
      'Flask<4',
      'aiohttp>=3.7.0,<4',
      'alembic!=1.10.0,<2',
      'cryptography>=43.0.0,<51',
      'docker>=4.0.0,<8',
      'graphene<4',
      'gunicorn<27',
      'huey>=2.5.4,<4',
      'pyarrow>=4.0.0,<27',
      'scipy<2',
      'skops<1',
      'sqlalchemy>=1.4.0,<3',
      ...WORKLOAD,
    ],
    noDeps: ['mlflow==3.18.0'],
    absent: ['mlflow-tracing'],
  },
};
export const MLFLOW_VERSIONS = Object.keys(MLFLOW_LINES);

const INSTALL_HINT =
  'Install Python 3 with venv and pip, e.g. `apt-get install -y python3 python3-venv python3-pip` ' +
  '(Debian/Ubuntu), or set RUNLENS_PYTHON to a python3 (3.10 to 3.12) that has them.';

export class MlflowEnvError extends Error {}

/** The paths of one line's venv (whether or not it exists yet). */
export function venvPaths(version) {
  const dir = path.join(VENVS_DIR, `mlflow-${version}`);
  return {
    version,
    dir,
    python: path.join(dir, 'bin', 'python'),
    mlflow: path.join(dir, 'bin', 'mlflow'),
    marker: path.join(dir, MARKER),
  };
}

function recipe(version) {
  const r = MLFLOW_LINES[version];
  if (!r) {
    throw new MlflowEnvError(
      `Unknown MLflow line ${version}; known: ${MLFLOW_VERSIONS.join(', ')} (scripts/mlflow-env.mjs)`,
    );
  }
  return r;
}

/** What the marker holds: the whole recipe, so any change reinstalls. */
function requirementsText(version) {
  const r = recipe(version);
  const lines = [
    ...r.requirements,
    ...r.noDeps.map((x) => `# --no-deps ${x}`),
    ...r.absent.map((x) => `# absent ${x}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** True when the venv exists and was installed from exactly today's requirements. */
export function isCurrent(version) {
  const p = venvPaths(version);
  try {
    return (
      fs.readFileSync(p.marker, 'utf8') === requirementsText(version) && fs.existsSync(p.mlflow)
    );
  } catch {
    return false;
  }
}

/** The interpreter that creates the venvs; fails with what to install when it is unusable. */
export function findPython() {
  const python = process.env.RUNLENS_PYTHON || 'python3';
  const probe = spawnSync(
    python,
    ['-c', 'import sys, venv, ensurepip; print("%d.%d" % sys.version_info[:2])'],
    { encoding: 'utf8' },
  );
  if (probe.error) {
    throw new MlflowEnvError(`${python} not found (${probe.error.message}). ${INSTALL_HINT}`);
  }
  if (probe.status !== 0) {
    const why = (probe.stderr || '').trim().split('\n').pop() || `exit ${probe.status}`;
    throw new MlflowEnvError(
      `${python} cannot create virtual environments (${why}). ${INSTALL_HINT}`,
    );
  }
  const [major, minor] = probe.stdout.trim().split('.').map(Number);
  if (major !== 3 || minor < 10) {
    throw new MlflowEnvError(
      `${python} is Python ${probe.stdout.trim()}; MLflow needs 3.10+. ${INSTALL_HINT}`,
    );
  }
  return python;
}

function run(cmd, args, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONDONTWRITEBYTECODE: '1' },
    });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(
            new MlflowEnvError(
              `${path.basename(cmd)} ${args.join(' ')} failed (exit ${code})\n${out}`,
            ),
          ),
    );
  });
}

/** `pip check`, tolerating only "requires X, which is not installed" for X in `absent`. */
async function pipCheck(python, absent) {
  const r = spawnSync(python, ['-m', 'pip', 'check'], { encoding: 'utf8' });
  const problems = `${r.stdout}${r.stderr}`
    .split('\n')
    .filter((l) => l.trim() && !/^No broken requirements/.test(l))
    .filter((l) => !absent.some((a) => l.includes(`requires ${a}, which is not installed`)));
  if (r.error || problems.length) {
    throw new MlflowEnvError(
      `pip check failed in ${path.dirname(path.dirname(python))}:\n${problems.join('\n')}`,
    );
  }
}

/**
 * Make sure the venv of one MLflow line exists and is current; resolve with
 * its paths. Installs (or reinstalls) only when needed.
 */
export async function ensureMlflowEnv(version, { log = console.log } = {}) {
  const p = venvPaths(version);
  const wanted = requirementsText(version);
  if (isCurrent(version)) return p;
  const python = findPython();
  const started = Date.now();
  const r = recipe(version);
  log(
    `mlflow-env: installing ${path.relative(ROOT, p.dir)} (${[...r.noDeps, ...r.requirements].join(' ')})`,
  );
  fs.rmSync(p.dir, { recursive: true, force: true });
  fs.mkdirSync(VENVS_DIR, { recursive: true });
  await run(python, ['-m', 'venv', p.dir]);
  try {
    await run(p.python, ['-m', 'pip', '--version'], { quiet: true });
  } catch {
    throw new MlflowEnvError(`The new venv at ${p.dir} has no pip. ${INSTALL_HINT}`);
  }
  const reqFile = path.join(p.dir, 'requirements.txt');
  fs.writeFileSync(reqFile, `${r.requirements.join('\n')}\n`);
  const pip = ['-m', 'pip', 'install', '--progress-bar', 'off'];
  await run(p.python, [...pip, '-r', reqFile]);
  if (r.noDeps.length) await run(p.python, [...pip, '--no-deps', ...r.noDeps]);
  await pipCheck(p.python, r.absent);
  if (!fs.existsSync(p.mlflow)) throw new MlflowEnvError(`pip installed no ${p.mlflow}`);
  // The marker goes last: an interrupted install is redone next time.
  fs.writeFileSync(p.marker, wanted);
  log(
    `mlflow-env: ${path.relative(ROOT, p.dir)} ready in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return p;
}

/** Every line, one after the other (pip in parallel would only fight over 2 cores). */
export async function ensureAllMlflowEnvs(opts) {
  const out = [];
  for (const v of MLFLOW_VERSIONS) out.push(await ensureMlflowEnv(v, opts));
  return out;
}

async function main() {
  const versions = process.argv.slice(2).length ? process.argv.slice(2) : MLFLOW_VERSIONS;
  try {
    for (const v of versions) {
      const current = isCurrent(v);
      const p = await ensureMlflowEnv(v);
      console.log(
        `mlflow-env: ${v} ${current ? 'up to date' : 'installed'} at ${path.relative(ROOT, p.dir)}`,
      );
    }
  } catch (e) {
    console.error(`!! ${e instanceof MlflowEnvError ? e.message : (e?.stack ?? e)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
