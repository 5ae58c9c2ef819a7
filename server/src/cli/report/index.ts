// The output formats of treaty-check, one module each. A reporter writes as it goes through `write`, so that
// the output never has to be held whole in memory.
import type { TreatyService } from '../../core/index';
import type { CheckResult } from '../check';
import { coverageJson, coverageTable } from './coverage';
import { githubReport } from './github';
import { jsonReport } from './json';
import { sarifReport } from './sarif';
import { textReport } from './text';

export type Write = (text: string) => void;
export type Reporter = (result: CheckResult, write: Write) => void;
export type CoverageReporter = (service: TreatyService, write: Write) => void;

export const REPORTERS = { text: textReport, json: jsonReport, sarif: sarifReport, github: githubReport } satisfies Record<string, Reporter>;
export type Format = keyof typeof REPORTERS;

export const COVERAGE_REPORTERS: Partial<Record<Format, CoverageReporter>> = { text: coverageTable, json: coverageJson };
