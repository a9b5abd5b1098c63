#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is one bundled file, build/bundle/budget-check.js, made by
// `npm run build:cli` (or `npm run build`); see webpack.cli.config.js.
let cli;
try {
  cli = require('../build/bundle/budget-check.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /build[\\/]bundle[\\/]budget-check\.js/.test(e.message)) {
    process.stderr.write(
      'budget-check: 尚未构建：请先在项目目录运行 npm run build:cli（not built yet: run npm run build:cli）\n',
    );
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
