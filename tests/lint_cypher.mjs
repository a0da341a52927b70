// Lint Cypher with Neo4j's own semantic analysis (@neo4j-cypher/language-support).
//
// Reads JSON on stdin: {"schema": {labels, relationshipTypes, propertyKeys, graphSchema},
// "statements": [{"name", "text", "parameters": {name: sample value}}]} and prints JSON:
// [{"name", "diagnostics": [{"severity", "message", "line", "column"}]}]. Severity 1 is an
// error, 2 a warning. Functions and procedures are checked against the registry of a Neo4j 5
// server recorded in the pinned package (its test fixture), so a FalkorDB-only or misspelt
// function is reported too. Run by tests/test_cypher_lint.py; needs `npm ci` first.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The package's "exports" hide package.json and the fixture: reach them by path.
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', 'node_modules', '@neo4j-cypher', 'language-support');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { lintCypherQuery } = await import('@neo4j-cypher/language-support');
const fixture = join(root, 'dist/esm/project/language-support/src/tests/testData.js');
const { testData } = await import(pathToFileURL(fixture).href);

const input = JSON.parse(readFileSync(0, 'utf8'));
const registry = testData.mockSchema;
const results = input.statements.map(({ name, text, parameters }) => {
  const dbSchema = {
    ...input.schema,
    functions: registry.functions,
    procedures: registry.procedures,
    parameters,
  };
  const { diagnostics } = lintCypherQuery(text, dbSchema);
  return {
    name,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify({ version, results }) + '\n');
