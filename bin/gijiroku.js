#!/usr/bin/env node
'use strict';
// job folders hold a meeting's whole decoded audio: owner-only, like the app's data folder
if (process.platform !== 'win32') process.umask(0o077);
const { main } = require('../dist/native/cli/main.js');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
