// Japanese law numbers (法令番号) and e-Gov law ids: 昭和二十九年法律第百六十五号 is the law 329AC0000000165, whose page
// is https://laws.e-gov.go.jp/law/329AC0000000165.

import { parseAnyNumber } from '../text/numerals';

const ERA_DIGITS: Readonly<Record<string, number>> = { 明治: 1, 大正: 2, 昭和: 3, 平成: 4, 令和: 5 };

const NUMERAL = '[0-9０-９〇一二三四五六七八九十百千元]+';

/** A 法律's number anywhere in a text: era, year, optional date, `法律第…号`. */
export const LAW_NUMBER_PATTERN = new RegExp(`(明治|大正|昭和|平成|令和)(${NUMERAL})年(?:${NUMERAL}月${NUMERAL}日)?法律第(${NUMERAL})号`, 'g');

/** An e-Gov law id as e-Gov writes it (`329AC0000000165`, `405AC0000000088`, `360M50000040001`). */
export const LAW_ID = /^[1-5][0-9]{2}[A-Z]{1,3}[0-9A-Z]{7,12}$/;

/**
 * The e-Gov law id of a 法律 (Act) given its number: the era's digit (明治 1 … 令和 5), the two-digit year, `AC` and
 * the ten-digit number. Null for anything else (政令 and 省令 ids carry the issuing body, which a number does not say).
 */
export function lawIdOfNumber(lawNumber: string): string | null {
  const pattern = new RegExp(LAW_NUMBER_PATTERN.source);
  const match = pattern.exec(lawNumber.trim());
  if (!match || match.index !== 0 || match[0].length !== lawNumber.trim().length) return null;
  const year = parseAnyNumber(match[2]!);
  const number = parseAnyNumber(match[3]!);
  if (year === null || number === null || year < 1 || year > 99 || number < 1) return null;
  return `${ERA_DIGITS[match[1]!]!}${String(year).padStart(2, '0')}AC${String(number).padStart(10, '0')}`;
}

/** A law's page on e-Gov. */
export function egovLawUrl(lawId: string): string {
  return `https://laws.e-gov.go.jp/law/${encodeURIComponent(lawId)}`;
}
