#!/usr/bin/env node
/**
 * `npm run build:cli`: compiles the CLI with tsc into build/ (the modules scripts/bench/cli-phases.js
 * requires one by one), then bundles that output with webpack into build/bundle/ (what
 * bin/budget-check.js runs; webpack.cli.config.js says why). Tests and the bench call this too, so
 * every build of the CLI produces what bin/ runs.
 *
 * Several test files may build at once (jest runs files in parallel): builds take turns through a
 * lock folder, and the bundle's files are written elsewhere and renamed into place, so a CLI
 * started meanwhile loads either the previous file or the new one, never half of one.
 *
 * Exit status: 0, or 1 when tsc reported errors or webpack failed. tsc still emits on a type error,
 * and the bundle is still made from what it emitted.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'build');
const BUNDLE = path.join(BUILD, 'bundle');
const LOCK = path.join(BUILD, '.build-cli.lock');

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Waits for the lock (at most 5 minutes); a lock left by a process that is gone is taken over. */
function lock() {
  fs.mkdirSync(BUILD, { recursive: true });
  const until = Date.now() + 5 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let owner = NaN;
    try {
      owner = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'));
    } catch {
      // Just made, pid not written yet: wait.
    }
    if (Number.isInteger(owner) && owner > 0 && !alive(owner)) fs.rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > until) throw new Error(`build-cli: ${LOCK} held for 5 minutes; remove it if no build runs`);
    else sleep(100);
  }
}

function unlock() {
  fs.rmSync(LOCK, { recursive: true, force: true });
}

function tsc() {
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) process.stderr.write(r.stdout + r.stderr);
  return r.status === 0;
}

function bundle() {
  const webpack = require('webpack');
  const cliConfig = require('../webpack.cli.config');
  const staging = path.join(BUILD, `.bundle-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  return new Promise((resolve) => {
    webpack(cliConfig({ compiled: BUILD, out: staging }), (err, stats) => {
      if (err || !stats || stats.hasErrors()) {
        process.stderr.write(`${err ? err.message : stats ? stats.toString('errors-only') : 'webpack failed'}\n`);
        fs.rmSync(staging, { recursive: true, force: true });
        resolve(false);
        return;
      }
      fs.mkdirSync(BUNDLE, { recursive: true });
      for (const name of fs.readdirSync(staging)) fs.renameSync(path.join(staging, name), path.join(BUNDLE, name));
      fs.rmSync(staging, { recursive: true, force: true });
      resolve(true);
    });
  });
}

async function build() {
  lock();
  try {
    const typed = tsc();
    const bundled = await bundle();
    return typed && bundled;
  } finally {
    unlock();
  }
}

module.exports = { build, BUNDLE };

if (require.main === module) {
  build().then(
    (ok) => {
      process.exitCode = ok ? 0 : 1;
    },
    (e) => {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
