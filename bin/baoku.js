#!/usr/bin/env node
// The command-line entry: the compiled CLI lives in lib/ (built by `npm install` / `npm run compile`).
import { main } from '../lib/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);
