// The scanning driver and helpers shared by the English and Russian grammars: spaces, gaps and words, provision
// labels, the trigger loop, result assembly, instrument mentions and aliases. Each grammar passes in its own
// letters, trigger words, pointer parser and name reader (see WesternGrammar); the grammar itself stays there.

import type {
  AliasDefinition,
  CitationLanguage,
  CitedDivision,
  CitationSyntax,
  LanguageScan,
  LevelRef,
  Qualifier,
  ScanOptions,
  TreatyMention,
} from '../types';
import { classifyLines } from '../treaty/labels';

// ---------------------------------------------------------------------------------------------
// Characters, gaps and words
// ---------------------------------------------------------------------------------------------

/** Longest run of spaces accepted between two tokens (PDF extraction pads; more is layout, not prose). */
export const MAX_GAP = 16;
/** Words longer than this are never part of a citation; the bound keeps backward scans short. */
export const MAX_WORD = 40;

export function isHorizontalSpace(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f || code === 0x205f || code === 0x3000
  );
}

export function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Skips spaces and up to two line breaks: a line break, or the blank line PDF pasting puts between lines,
 * may fall inside a citation; two blank lines end it. Masked text is not space.
 */
export function skipGap(text: string, index: number): number {
  let position = index;
  let spaces = 0;
  let breaks = 0;
  while (position < text.length && spaces <= MAX_GAP) {
    const code = text.charCodeAt(position);
    if (isHorizontalSpace(code)) {
      position++;
      spaces++;
    } else if (isLineBreak(code) && breaks < 2) {
      breaks++;
      position += code === 0x0d && text.charCodeAt(position + 1) === 0x0a ? 2 : 1;
    } else {
      break;
    }
  }
  return position;
}

/** Skips spaces and at most one line break backwards (a name before a citation is on its line or the one before). */
export function skipGapBack(text: string, index: number): number {
  let position = index;
  let spaces = 0;
  let breaks = 0;
  while (position > 0 && spaces <= MAX_GAP) {
    const code = text.charCodeAt(position - 1);
    if (isHorizontalSpace(code)) {
      position--;
      spaces++;
    } else if (isLineBreak(code) && breaks === 0) {
      breaks++;
      position -= code === 0x0a && text.charCodeAt(position - 2) === 0x0d ? 2 : 1;
    } else {
      break;
    }
  }
  return position;
}

/** End of the run of letters (as the grammar's `isLetter` has them) starting at `index`, bounded by MAX_WORD. */
export function letterRunEnd(text: string, index: number, isLetter: (code: number) => boolean): number {
  let position = index;
  while (position < text.length && position - index <= MAX_WORD && isLetter(text.charCodeAt(position))) position++;
  return position;
}

/** Start of the run of letters ending at `index`, bounded by MAX_WORD. */
export function letterRunStart(text: string, index: number, isLetter: (code: number) => boolean): number {
  let position = index;
  while (position > 0 && index - position <= MAX_WORD && isLetter(text.charCodeAt(position - 1))) position--;
  return position;
}

/** Runs of spaces and line breaks become one space (a name broken across lines reads as one). */
export function normaliseSpace(value: string): string {
  // A hand loop: a global regex replace allocates per match, which adds up over a megabyte of names.
  let clean = true;
  for (let index = 0; index < value.length && clean; index++) {
    const code = value.charCodeAt(index);
    if (code === 0x20) clean = value.charCodeAt(index + 1) !== 0x20;
    else clean = !isHorizontalSpace(code) && !isLineBreak(code);
  }
  if (clean) return value;
  let out = '';
  let inSpace = false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const space = isHorizontalSpace(code) || isLineBreak(code);
    if (!space) out += value[index];
    else if (!inSpace) out += ' ';
    inSpace = space;
  }
  return out;
}

/**
 * True when `index` starts a sentence: text start, after `.`/`!`/`?`/`:`, or after a blank line or heading mark.
 * `isWordCode` is the grammar's: a single line break after a word of its script continues the sentence.
 */
export function atSentenceStart(text: string, index: number, isWordCode: (code: number) => boolean): boolean {
  let position = index;
  let breaks = 0;
  while (position > 0 && index - position <= MAX_GAP) {
    const code = text.charCodeAt(position - 1);
    if (isLineBreak(code)) breaks++;
    else if (!isHorizontalSpace(code)) break;
    position--;
  }
  if (position === 0) return true;
  const code = text.charCodeAt(position - 1);
  if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3a || code === 0x23 || code === 0xfeff) return true;
  return breaks >= 2 || (breaks === 1 && !isWordCode(code) && code !== 0x2c);
}

/**
 * True when the word at `index` is the label that defines a provision in a treaty document (`Article  5` alone on
 * its line, `ARTICLE V`, `Article 5 — Title`, `Статья 2. Название`, `Annex I`, `Preamble`, `CHAPTER VII`): the treaty parser's
 * own line classifier decides, so a label is never both a definition there and a citation here.
 */
export function isDefinitionLabel(text: string, index: number): boolean {
  let lineStart = index;
  while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) {
    const code = text.charCodeAt(lineStart - 1);
    if (index - lineStart > MAX_GAP || !(isHorizontalSpace(code) || code === 0x23 || code === 0xfeff)) return false;
    lineStart--;
  }
  if (text.charCodeAt(lineStart) === 0xfeff) lineStart++;
  let lineEnd = index;
  while (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
  const line = classifyLines(text, [lineStart], [lineEnd])[0];
  return (line?.kind === 'article' || line?.kind === 'annex' || line?.kind === 'preamble' || line?.kind === 'division') && line.labelStart === index;
}

// ---------------------------------------------------------------------------------------------
// Groups: one written pointer, possibly a list or range of several provisions
// ---------------------------------------------------------------------------------------------

export interface Member {
  start: number;
  end: number;
  article: LevelRef | null;
  paragraph: LevelRef | null;
  item: LevelRef | null;
  subitem: string | null;
  rangeRole: 'from' | 'to' | null;
  /** A chapter's number, for `Chapter VII`. */
  division: CitedDivision | null;
}

export interface Group {
  readonly members: Member[];
  readonly kind: string;
  readonly preamble: boolean;
  readonly annex: string | null;
  qualifier: Qualifier | null;
}

export interface Context {
  readonly text: string;
  readonly treatyDocument: boolean;
  /** Where the previous citation ended: a word read backwards (a name, a determiner) may not reach past it. */
  floor: number;
}

export function newMember(start: number, end: number): Member {
  return { start, end, article: null, paragraph: null, item: null, subitem: null, rangeRole: null, division: null };
}

export function numberRef(value: string): LevelRef {
  return { kind: 'number', value };
}

/**
 * Adds `member` to a series after the last member; a range has two ends, so a second range connector
 * (`10 to 13 to 15`) ends the series instead (false).
 */
export function appendMember(members: Member[], member: Member, range: boolean): boolean {
  if (range) {
    const previous = members[members.length - 1]!;
    if (previous.rangeRole === 'to') return false;
    previous.rangeRole = 'from';
    member.rangeRole = 'to';
  }
  members.push(member);
  return true;
}

/**
 * The word just before `index` (after spaces and at most one line break), or null when there is none or it
 * reaches back to `floor` (the end of the previous citation or name).
 */
export function wordBefore(
  text: string,
  index: number,
  floor: number,
  wordStart: (text: string, index: number) => number,
): { readonly start: number; readonly end: number } | null {
  const end = skipGapBack(text, index);
  if (end === index || end <= floor) return null;
  const start = wordStart(text, end);
  return start === end || start < floor ? null : { start, end };
}

// ---------------------------------------------------------------------------------------------
// Instrument names and qualifiers
// ---------------------------------------------------------------------------------------------

export interface NameToken {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface QualifierToken {
  readonly qualifier: Qualifier;
  readonly end: number;
}

/** The qualifier a name read in place makes, or null without a name. */
export function nameQualifier(name: NameToken | null): QualifierToken | null {
  return name === null ? null : { qualifier: { kind: 'name', name: name.name, span: { start: name.start, end: name.end } }, end: name.end };
}

/**
 * `this Treaty` / `настоящего Договора` (self) or `the said Treaty` / `указанного Договора` (same), from `index`
 * where the determiner starts: an instrument noun must follow the determiner, which ends at `determinerEnd`.
 */
export function determinedQualifier(
  text: string,
  index: number,
  determinerEnd: number,
  self: boolean,
  wordEnd: (text: string, index: number) => number,
  isInstrumentNoun: (word: string) => boolean,
): QualifierToken | null {
  const nounStart = skipGap(text, determinerEnd);
  const nounEnd = wordEnd(text, nounStart);
  if (nounStart === determinerEnd || !isInstrumentNoun(text.slice(nounStart, nounEnd))) return null;
  const span = { start: index, end: nounEnd };
  const qualifier: Qualifier = self ? { kind: 'this', span } : { kind: 'same', word: normaliseSpace(text.slice(index, nounEnd)), span };
  return { qualifier, end: nounEnd };
}

// ---------------------------------------------------------------------------------------------
// The driver
// ---------------------------------------------------------------------------------------------

/** What a mention is in one language. */
export interface MentionGrammar {
  /** Instrument nouns (a global regex): where a mention may be. */
  readonly head: RegExp;
  /** The name around the noun `head` matched, starting no earlier than `floor`; null when there is none. */
  readName(text: string, head: RegExpExecArray, floor: number): NameToken | null;
  /** False when the words around a name make it no mention (`this Treaty`, a bare `Treaty`). */
  isMention(text: string, name: NameToken, head: RegExpExecArray): boolean;
  /** True when the sentence is about the instrument (`Under the Treaty, …`). */
  isTopic(text: string, start: number, end: number): boolean;
}

/** One language's part: everything the shared loop does not know. */
export interface WesternGrammar {
  readonly language: CitationLanguage;
  /** The language of a citation read from `start` to `end`, when a grammar reads more than one; else `language`. */
  readonly languageOf?: (text: string, start: number, end: number) => CitationLanguage;
  /** Trigger words (a global regex); the pointer forms are parsed by hand from each. */
  readonly trigger: RegExp;
  /** The pointer the trigger `word` at `start`–`end` starts or ends, or null. */
  parseAt(ctx: Context, start: number, end: number, word: string): Group | null;
  readonly mentions: MentionGrammar;
  /** An alias definition right after a mention (matched against the next 100 characters). */
  readonly alias: RegExp;
  /** The alias an `alias` match defines; empty for none. */
  aliasOf(match: RegExpExecArray): string;
}

/** Every citation, instrument mention and alias definition of one language in `text`, in offset order. */
export function scanWestern(text: string, options: ScanOptions, grammar: WesternGrammar): LanguageScan {
  const citations: CitationSyntax[] = [];
  const qualifierNames: TreatyMention[] = [];
  const ctx: Context = { text, treatyDocument: options.treatyDocument, floor: 0 };
  const trigger = new RegExp(grammar.trigger.source, grammar.trigger.flags);
  let match: RegExpExecArray | null;
  while ((match = trigger.exec(text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    const group = grammar.parseAt(ctx, start, end, match[0]);
    if (group === null) continue;
    const last = group.members[group.members.length - 1]!;
    emit(citations, group, grammar.languageOf?.(text, group.members[0]!.start, last.end) ?? grammar.language);
    ctx.floor = last.end;
    trigger.lastIndex = Math.max(end, last.end);
    const qualifier = group.qualifier;
    if (qualifier?.kind === 'name') qualifierNames.push({ name: qualifier.name, span: qualifier.span, topic: false });
  }
  const mentions = findMentions(text, qualifierNames, grammar.mentions);
  return { citations, mentions, aliases: findAliases(text, mentions, grammar) };
}

/** One citation per member; later members of a list or range point back to the one before. */
function emit(out: CitationSyntax[], group: Group, language: CitationLanguage): void {
  const base = out.length;
  const series = group.members.length > 1;
  for (let index = 0; index < group.members.length; index++) {
    const member = group.members[index]!;
    out.push({
      span: { start: member.start, end: member.end },
      language,
      kind: series ? (group.kind === 'chapter' ? 'chapter-list' : member.rangeRole !== null ? 'range' : 'list') : group.kind,
      article: member.article,
      paragraph: member.paragraph,
      item: member.item,
      subitem: member.subitem,
      part: null,
      supplementary: false,
      preamble: group.preamble,
      annex: group.annex,
      division: member.division,
      qualifier: group.qualifier,
      seriesPrevious: index === 0 ? null : base + index - 1,
      rangeRole: member.rangeRole,
    });
  }
}

function findMentions(text: string, qualifierNames: readonly TreatyMention[], grammar: MentionGrammar): TreatyMention[] {
  const mentions: TreatyMention[] = [];
  const head = new RegExp(grammar.head.source, grammar.head.flags);
  let floor = 0;
  let qualifierIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = head.exec(text)) !== null) {
    // A qualifier's name (in offset order) is already a mention: step over it rather than read it again.
    while (qualifierIndex < qualifierNames.length && qualifierNames[qualifierIndex]!.span.end <= match.index) qualifierIndex++;
    const qualifier = qualifierNames[qualifierIndex];
    if (qualifier !== undefined && qualifier.span.start <= match.index) {
      head.lastIndex = Math.max(head.lastIndex, qualifier.span.end);
      floor = qualifier.span.end;
      continue;
    }
    const name = grammar.readName(text, match, floor);
    if (name === null || name.end <= match.index) continue;
    head.lastIndex = name.end;
    floor = name.end;
    if (!grammar.isMention(text, name, match)) continue;
    mentions.push({ name: name.name, span: { start: name.start, end: name.end }, topic: grammar.isTopic(text, name.start, name.end) });
  }
  const seen = new Set(mentions.map((mention) => mention.span.start));
  for (const mention of qualifierNames) if (!seen.has(mention.span.start)) mentions.push(mention);
  return mentions.sort((left, right) => left.span.start - right.span.start);
}

function findAliases(text: string, mentions: readonly TreatyMention[], grammar: WesternGrammar): AliasDefinition[] {
  const aliases: AliasDefinition[] = [];
  for (const mention of mentions) {
    const match = grammar.alias.exec(text.slice(mention.span.end, mention.span.end + 100));
    if (match === null) continue;
    const alias = grammar.aliasOf(match);
    if (alias.length === 0) continue;
    aliases.push({ alias, fullName: mention.name, span: { start: mention.span.start, end: mention.span.end + match[0].length } });
  }
  return aliases;
}
