// The e-Gov law API v2 (https://laws.e-gov.go.jp/api/2), asked only when the user imports a law from it: find the
// law by id, number or title (/laws), then read its whole text (/law_data). Every failure is an EgovError that says
// what happened in words a user can act on; nothing is retried behind the user's back.

import { lawTreeOfLawData, type LawFacts, type LawNode } from '../core/import/egov';
import { LAW_ID } from '../core/import/lawNumber';
import { ImportError } from '../core/import/result';

export const DEFAULT_EGOV_API = 'https://laws.e-gov.go.jp/api/2';
export const DEFAULT_EGOV_TIMEOUT_MS = 30_000;

export type EgovFailure = 'offline' | 'timeout' | 'not-found' | 'rate-limited' | 'malformed' | 'http';

export class EgovError extends Error {
  constructor(
    readonly kind: EgovFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface EgovOptions {
  readonly apiUrl?: string;
  readonly timeoutMs?: number;
}

/** One law a query found. */
export interface LawChoice {
  readonly lawId: string;
  readonly title: string;
  readonly lawNumber: string;
}

const LAW_NUMBER_QUERY = /^(明治|大正|昭和|平成|令和).+第.+号$/;

/**
 * The law a query names: an e-Gov law id is read at once; a law number or a title is looked up first. A title that
 * matches several laws (none of them exactly) is an ImportError `ambiguous` listing them.
 */
export async function fetchLaw(query: string, options: EgovOptions = {}): Promise<{ law: LawNode; facts: LawFacts }> {
  const trimmed = query.trim();
  if (trimmed === '') throw new ImportError('malformed', 'no law named: give an e-Gov law id, a law number or a title');
  const lawId = LAW_ID.test(trimmed) ? trimmed : (await chooseLaw(trimmed, options)).lawId;
  const data = await getJson(options, `/law_data/${encodeURIComponent(lawId)}`, { law_full_text_format: 'json' }, `law ${lawId}`);
  try {
    return lawTreeOfLawData(data);
  } catch (error) {
    if (error instanceof ImportError) throw new EgovError('malformed', `e-Gov's answer for ${lawId} is not a law: ${error.message}`);
    throw error;
  }
}

/** The laws a law number or title finds, the exact matches only when there are some. */
export async function searchLaws(query: string, options: EgovOptions = {}): Promise<LawChoice[]> {
  const byNumber = LAW_NUMBER_QUERY.test(query);
  const data = await getJson(options, '/laws', byNumber ? { law_num: query } : { law_title: query }, `laws matching “${query}”`);
  const laws = isRecord(data) && Array.isArray(data['laws']) ? data['laws'] : null;
  if (laws === null) throw new EgovError('malformed', `e-Gov's answer to the search for “${query}” has no list of laws`);
  const choices: LawChoice[] = [];
  for (const entry of laws) {
    if (!isRecord(entry)) continue;
    const info = isRecord(entry['law_info']) ? entry['law_info'] : {};
    const revision = isRecord(entry['revision_info']) ? entry['revision_info'] : isRecord(entry['current_revision_info']) ? entry['current_revision_info'] : {};
    const lawId = typeof info['law_id'] === 'string' ? info['law_id'] : '';
    if (!LAW_ID.test(lawId) || choices.some((choice) => choice.lawId === lawId)) continue;
    choices.push({
      lawId,
      title: typeof revision['law_title'] === 'string' ? revision['law_title'] : lawId,
      lawNumber: typeof info['law_num'] === 'string' ? info['law_num'] : '',
    });
  }
  const normalise = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');
  const exact = choices.filter((choice) => normalise(byNumber ? choice.lawNumber : choice.title) === normalise(query));
  return exact.length > 0 ? exact : choices;
}

async function chooseLaw(query: string, options: EgovOptions): Promise<LawChoice> {
  const choices = await searchLaws(query, options);
  if (choices.length === 0) throw new EgovError('not-found', `e-Gov has no law matching “${query}”`);
  if (choices.length > 1) {
    throw new ImportError('ambiguous', `“${query}” matches ${choices.length} laws; name one by its id (egov:<law id>)`, choices);
  }
  return choices[0]!;
}

async function getJson(options: EgovOptions, path: string, query: Record<string, string>, what: string): Promise<unknown> {
  const base = (options.apiUrl ?? DEFAULT_EGOV_API).replace(/\/+$/, '');
  const url = new URL(`${base}${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const timeout = options.timeoutMs ?? DEFAULT_EGOV_TIMEOUT_MS;
  let body: string;
  let status: number;
  try {
    // One deadline for the answer and its whole body.
    const response = await fetch(url, { signal: AbortSignal.timeout(timeout), headers: { accept: 'application/json' } });
    status = response.status;
    body = await response.text();
  } catch (error) {
    throw networkError(error, base, timeout);
  }
  if (status === 404) throw new EgovError('not-found', `e-Gov has no ${what} (404)`);
  if (status === 429) throw new EgovError('rate-limited', 'e-Gov is limiting requests (429): wait a minute and try again');
  if (status < 200 || status >= 300) throw new EgovError('http', `e-Gov answered ${status} for ${what}`);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new EgovError('malformed', `e-Gov's answer for ${what} is not JSON`);
  }
}

function networkError(error: unknown, base: string, timeout: number): EgovError {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new EgovError('timeout', `e-Gov did not answer within ${Math.round(timeout / 1000)} s (${base})`);
  const cause = (error as { cause?: { code?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code ?? '';
  if (/^(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNRESET)$/.test(code)) {
    return new EgovError('offline', `cannot reach e-Gov at ${base} (${code}): are you offline?`);
  }
  const reason = (cause as { message?: string } | undefined)?.message ?? (error as Error)?.message ?? String(error);
  return new EgovError('offline', `cannot reach e-Gov at ${base}: ${reason}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
