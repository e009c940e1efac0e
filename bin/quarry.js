#!/usr/bin/env node
// The `quarry` command runs the bundled CLI; the bundle comes from `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('quarry: not built yet: run `npm run build` first\n');
  process.exit(1);
}
require(cli);
