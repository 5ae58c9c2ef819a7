// `.treaty-annotator.json` as the server and treaty-check both read it (core/configFile.ts): JSON with comments,
// every problem at the exact span it concerns, in UTF-16 offsets of the file's text.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { parseConfigFile } from '../../server/src/core/configFile';

/** The text each problem's span covers, with its message. */
const problemsOf = (text: string): [string, string][] =>
  parseConfigFile(text).problems.map(({ span, message }) => [text.slice(span.start, span.end), message]);

describe('parseConfigFile', () => {
  it('reads line and block comments', () => {
    const text = '// shared by the team\n{\n  /* the drafts are not ours */ "exclude": ["drafts/**"],\n  "severity": { "no-antecedent": "off" } // noisy\n}\n';
    const parsed = parseConfigFile(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.config.exclude).toEqual(['drafts/**']);
    expect(parsed.config.severity).toEqual({ 'no-antecedent': 'off' });
  });

  it('places a problem of a setting at its key, and a problem inside severity at the code', () => {
    const text = '{\r\n  // 😀 a comment with a surrogate pair before the keys\r\n  "severity": { "unknown-article": "loud", "no-such-code": "off" },\r\n  "maxFileSize": -1,\r\n  "colour": "red"\r\n}';
    expect(problemsOf(text)).toEqual([
      ['"unknown-article"', 'severity.unknown-article: severity must be one of error, warning, information, hint, off'],
      ['"no-such-code"', "severity.no-such-code: unknown diagnostic code 'no-such-code'"],
      ['"maxFileSize"', 'maxFileSize: expected a positive number of bytes'],
      ['"colour"', "colour: unknown setting 'colour'"],
    ]);
  });

  it('finds an unknown top-level key that has a dot in its name', () => {
    expect(problemsOf('{ "severity": {}, "severity.extra": 1 }')).toEqual([['"severity.extra"', "severity.extra: unknown setting 'severity.extra'"]]);
  });

  it('places a file that is not an object at its value', () => {
    expect(problemsOf('/* settings */ ["**/*.md"]\n')).toEqual([['["**/*.md"]', 'the configuration must be a JSON object']]);
  });

  it('reports the first syntax error where the parser stopped, and keeps the defaults', () => {
    const text = '{ "severity": { "unknown-article": "off" }, }\n';
    const parsed = parseConfigFile(text);
    expect(parsed.raw).toBeUndefined();
    expect(parsed.config).toBe(DEFAULT_CONFIG);
    expect(parsed.problems).toEqual([{ span: { start: text.indexOf('}\n'), end: text.indexOf('}\n') + 1 }, message: 'invalid JSON: a property name in double quotes expected' }]);
    expect(problemsOf('{ "include": ["a" "b"] }')).toEqual([['"b"', 'invalid JSON: a comma expected']]);
    expect(problemsOf('{ "include": /* never closed')).toEqual([['/* never closed', 'invalid JSON: unclosed comment']]);
    expect(problemsOf('')).toEqual([['', 'invalid JSON: a value expected']]);
  });
});
