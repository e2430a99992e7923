#!/usr/bin/env node
'use strict';
const { main } = require('../dist/native/cli/main.js');
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
