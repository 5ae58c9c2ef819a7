// Export and import, bundled apart from the check (dist/cli-export-import.js) and loaded by main.ts when one of
// them runs: their libraries (unified, htmlparser2, fast-xml-parser) are most of the command line's code, and
// parsing them cost every check about 40 ms of its start.
export { runExport } from './export';
export { runImport } from './import';
