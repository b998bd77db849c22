#!/usr/bin/env node
// The command-line entry: the compiled CLI lives in lib/ (built by `npm install` / `npm run compile`).
import { setFlagsFromString } from 'node:v8';

// Each thread's heap may grow by a third past what it held after its last
// full collection before it collects again, instead of V8's default of up to
// several times: a large build makes garbage faster than it keeps data, and
// the default let the peak memory of a 16,000-article build reach 1.19 GB
// where 0.88 GB does, for the same CPU time (docs/SCALING.md).
setFlagsFromString('--heap-growing-percent=35');

const { main } = await import('../lib/cli.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);
