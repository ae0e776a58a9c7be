// Validates AsyncAPI documents with the official parser (the specification's JSON Schema and its Spectral
// ruleset, the same as the AsyncAPI CLI's `validate`). Prints every error and warning; exits 1 if there is any.
// Usage: node lint.mjs <document.json>...
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const parser = new Parser();
const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning' };
let problems = 0;
for (const file of process.argv.slice(2)) {
  const diagnostics = await parser.validate(await readFile(file, 'utf8'), { source: file });
  const shown = diagnostics.filter((d) => d.severity in names);
  for (const d of shown) {
    console.log(`${names[d.severity]} ${file} ${d.code} at ${d.path.join('.')}: ${d.message}`);
  }
  problems += shown.length;
  console.log(`${file}: ${shown.length === 0 ? 'valid' : shown.length + ' problems'}`);
}
process.exit(problems === 0 ? 0 : 1);
