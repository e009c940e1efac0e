import { readFileSync } from 'node:fs';

// The engine imports its bundled citation styles as text (`./styles/x.csl?raw`), which the
// build and Vitest understand but plain Node under tsx does not: it would run the XML as
// JavaScript. Scripts that load the whole engine (the search eval, the bench) import this
// module first: such files are then read as text, the way the build inlines them.
type Loader = (module: { exports: unknown }, filename: string) => void;
const extensions = (require as unknown as { extensions: Record<string, Loader> }).extensions;
// tsx hands the name over with its query, as `….csl?raw=`.
const STYLE = /\.csl(\?raw=?)?$/;
const loadScript = extensions['.js']!;
extensions['.js'] = (module, filename) => {
  if (STYLE.test(filename)) module.exports = readFileSync(filename.replace(/\?.*$/, ''), 'utf8');
  else loadScript(module, filename);
};
