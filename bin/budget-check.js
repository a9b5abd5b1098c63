#!/usr/bin/env node
'use strict';
// Thin launcher: the compiled CLI lives in build/ after `npm run build`.
require('../build/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
