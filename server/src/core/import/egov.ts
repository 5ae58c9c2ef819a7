// e-Gov's Standard Law XML (法令標準XML) and the law API v2's law_data JSON, which holds the same tree as
// `{tag, attr, children}` nodes, converted into one treaty document: front matter with the law id, title, short
// title, law number, as-of date and source, then the law in the plain layout the treaty parser reads, with Markdown
// headings for divisions, articles and 附則 blocks so that the outline and the preview show its structure.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { egovLawUrl, LAW_ID } from './lawNumber';
import { escapeMarkdownLine, frontMatterBlock } from './markdown';
import { ImportError, type ImportedDocument } from './result';

/** One element of the law tree, as the API writes it; a child is an element or a string. */
export interface LawNode {
  readonly tag: string;
  readonly attr: Readonly<Record<string, string>>;
  readonly children: readonly (LawNode | string)[];
}

/** What is known of a law besides its tree (from the API's `law_info`/`revision_info`, or a file's name). */
export interface LawFacts {
  readonly lawId?: string | null;
  readonly asOf?: string | null;
  readonly title?: string | null;
  readonly abbrev?: string | null;
  /** The `treaty:` id the user chose instead of the law id. */
  readonly treatyId?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Reading the sources into the tree
// ---------------------------------------------------------------------------------------------

type OrderedNode = Record<string, unknown>;

/** Parses Standard Law XML into the law tree; a malformed file or one that is not a law is an ImportError. */
export function lawTreeOfXml(xml: string): LawNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportError('malformed', `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const ordered = parser.parse(xml) as OrderedNode[];
  const roots = ordered.map(toLawNode).filter((node): node is LawNode => typeof node !== 'string');
  const law = roots.find((node) => node.tag === 'Law');
  if (!law) throw new ImportError('malformed', `the XML is not an e-Gov law (its root element is ${roots[0]?.tag ?? 'missing'}, not Law)`);
  return law;
}

function toLawNode(entry: OrderedNode): LawNode | string {
  if ('#text' in entry) return String(entry['#text']);
  const tag = Object.keys(entry).find((key) => key !== ':@')!;
  const attributes = (entry[':@'] ?? {}) as Record<string, unknown>;
  const attr: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) attr[key] = String(value);
  const children = ((entry[tag] ?? []) as OrderedNode[]).map(toLawNode);
  return { tag, attr, children };
}

/** Reads a law_data response of the API (already parsed from JSON): the tree and what it says of the law. */
export function lawTreeOfLawData(data: unknown): { law: LawNode; facts: LawFacts } {
  if (!isRecord(data)) throw new ImportError('malformed', 'the law_data answer is not a JSON object');
  const fullText = data['law_full_text'];
  if (!isRecord(fullText)) throw new ImportError('malformed', 'the law_data answer has no law_full_text tree');
  const law = checkedNode(fullText, 0);
  if (law.tag !== 'Law') throw new ImportError('malformed', `the law_data tree starts with ${law.tag}, not Law`);
  const info = isRecord(data['law_info']) ? data['law_info'] : {};
  const revision = isRecord(data['revision_info']) ? data['revision_info'] : isRecord(data['current_revision_info']) ? data['current_revision_info'] : {};
  const text = (record: Record<string, unknown>, key: string): string | null => (typeof record[key] === 'string' && record[key] !== '' ? (record[key] as string) : null);
  return {
    law,
    facts: {
      lawId: text(info, 'law_id'),
      asOf: text(revision, 'amendment_enforcement_date') ?? text(info, 'promulgation_date'),
      title: text(revision, 'law_title'),
      abbrev: text(revision, 'abbrev'),
    },
  };
}

const MAX_DEPTH = 200;

/** A node of the JSON tree, checked all the way down (a malformed answer must not pass for a law). */
function checkedNode(value: Record<string, unknown>, depth: number): LawNode {
  if (depth > MAX_DEPTH) throw new ImportError('malformed', 'the law_data tree is nested too deeply');
  const { tag, attr, children } = value;
  if (typeof tag !== 'string') throw new ImportError('malformed', 'a node of the law_data tree has no tag');
  const attributes: Record<string, string> = {};
  if (isRecord(attr)) for (const [key, field] of Object.entries(attr)) attributes[key] = String(field);
  if (children !== undefined && !Array.isArray(children)) throw new ImportError('malformed', `the children of ${tag} are not a list`);
  const list = (children ?? []) as unknown[];
  return {
    tag,
    attr: attributes,
    children: list.map((child) => {
      if (typeof child === 'string') return child;
      if (isRecord(child)) return checkedNode(child, depth + 1);
      throw new ImportError('malformed', `a child of ${tag} is neither text nor a node`);
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Writing the document
// ---------------------------------------------------------------------------------------------

const ERA_DIGITS: Readonly<Record<string, string>> = { Meiji: '1', Taisho: '2', Showa: '3', Heisei: '4', Reiwa: '5' };
const LAW_TYPE_CODES: Readonly<Record<string, string>> = { Act: 'AC', Constitution: 'CONSTITUTION' };

/** The law's id from its own attributes, for an Act (`Era="Heisei" Year="05" Num="088"` → 405AC0000000088). */
function lawIdOfAttributes(law: LawNode): string | null {
  const era = ERA_DIGITS[law.attr['Era'] ?? ''];
  const code = LAW_TYPE_CODES[law.attr['LawType'] ?? ''];
  const year = Number.parseInt(law.attr['Year'] ?? '', 10);
  const number = Number.parseInt(law.attr['Num'] ?? '', 10);
  if (era === undefined || code !== 'AC' || !Number.isFinite(year) || !Number.isFinite(number)) return null;
  return `${era}${String(year).padStart(2, '0')}AC${String(number).padStart(10, '0')}`;
}

const child = (node: LawNode, tag: string): LawNode | undefined => node.children.find((item): item is LawNode => typeof item !== 'string' && item.tag === tag);
const elements = (node: LawNode): LawNode[] => node.children.filter((item): item is LawNode => typeof item !== 'string');

/** The text of an element: its strings in order, ruby readings (`Rt`) left out, white space at the ends trimmed. */
function textOf(node: LawNode | undefined): string {
  if (node === undefined) return '';
  const parts: string[] = [];
  const walk = (current: LawNode): void => {
    for (const item of current.children) {
      if (typeof item === 'string') parts.push(item);
      else if (item.tag !== 'Rt') walk(item);
    }
  };
  walk(node);
  return parts.join('').replace(/[\r\n\t]+/g, '').trim();
}

/** A provision's sentence: its `Sentence`s run on; `Column`s (a defined term and its definition) apart by a full-width space. */
function sentenceOf(node: LawNode | undefined): string {
  if (node === undefined) return '';
  const columns = elements(node).filter((item) => item.tag === 'Column');
  if (columns.length > 0) return columns.map((column) => textOf(column)).filter((text) => text !== '').join('　');
  return textOf(node);
}

const DIVISIONS: Readonly<Record<string, string>> = {
  Part: 'PartTitle', Chapter: 'ChapterTitle', Section: 'SectionTitle', Subsection: 'SubsectionTitle', Division: 'DivisionTitle',
};
const APPENDICES = new Set([
  'AppdxTable', 'AppdxNote', 'AppdxStyle', 'AppdxFormat', 'AppdxFig', 'Appdx',
  'SupplProvisionAppdxTable', 'SupplProvisionAppdxStyle', 'SupplProvisionAppdx',
]);

class Writer {
  readonly lines: string[] = [];
  articles = 0;

  // Lines of one provision follow each other with no blank line between them, as in e-Gov's own text: after a blank
  // line the parser takes text below an item list for the paragraph's, not the item's.

  /** A line of the source's text. */
  text(line: string): void {
    if (line.trim() !== '') this.lines.push(escapeMarkdownLine(line));
  }

  /** A line that must stay text, never a label: indented with a full-width space, as e-Gov indents quoted matter. */
  quoted(line: string): void {
    if (line.trim() !== '') this.lines.push(`　${escapeMarkdownLine(line)}`);
  }

  heading(level: number, title: string): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.lines.push(`${'#'.repeat(level)} ${escapeMarkdownLine(title)}`, '');
  }

  /** The body of a law: everything after its title. */
  body(node: LawNode): void {
    for (const item of elements(node)) {
      if (item.tag === 'LawTitle' || item.tag === 'TOC') continue;
      if (item.tag === 'EnactStatement') this.text(textOf(item));
      else if (item.tag === 'Preamble') this.preamble(item);
      else if (item.tag === 'MainProvision') this.provisions(item);
      else if (item.tag === 'SupplProvision') this.supplementary(item);
      else if (APPENDICES.has(item.tag)) this.appendix(item);
    }
  }

  preamble(node: LawNode): void {
    this.heading(2, '前文');
    for (const paragraph of elements(node)) this.quoted(sentenceOf(child(paragraph, 'ParagraphSentence')) || textOf(paragraph));
  }

  /** Divisions, articles and (in a law without articles) bare paragraphs, in order. */
  provisions(node: LawNode): void {
    for (const item of elements(node)) {
      const titleTag = DIVISIONS[item.tag];
      if (titleTag !== undefined) {
        this.heading(2, textOf(child(item, titleTag)));
        this.provisions(item);
      } else if (item.tag === 'Article') {
        this.article(item);
      } else if (item.tag === 'Paragraph') {
        this.paragraph(item);
      } else if (APPENDICES.has(item.tag)) {
        this.appendix(item);
      } else if (!item.tag.endsWith('Title')) {
        this.other(item);
      }
    }
  }

  article(node: LawNode): void {
    this.articles++;
    const title = textOf(child(node, 'ArticleTitle'));
    const caption = textOf(child(node, 'ArticleCaption'));
    this.heading(3, `${title}${caption}`);
    for (const item of elements(node)) {
      if (item.tag === 'Paragraph') this.paragraph(item);
      else if (item.tag === 'SupplNote') this.quoted(textOf(item));
    }
  }

  paragraph(node: LawNode): void {
    const caption = textOf(child(node, 'ParagraphCaption'));
    if (caption !== '') this.text(caption);
    const number = textOf(child(node, 'ParagraphNum'));
    const sentence = sentenceOf(child(node, 'ParagraphSentence'));
    this.text(number === '' ? sentence : `${number}　${sentence}`);
    for (const item of elements(node)) {
      if (item.tag === 'Item') this.item(item, 'Item');
      else if (item.tag === 'AmendProvision') this.amendment(item);
      else if (!['ParagraphCaption', 'ParagraphNum', 'ParagraphSentence'].includes(item.tag)) this.other(item);
    }
  }

  /** `Item` or `SubitemN`: its title and sentence on one line, then its own sub-items and any table or list. */
  item(node: LawNode, tag: string): void {
    const title = textOf(child(node, `${tag}Title`));
    const sentence = sentenceOf(child(node, `${tag}Sentence`));
    this.text(title === '' ? sentence : `${title}　${sentence}`);
    for (const item of elements(node)) {
      if (/^Subitem[0-9]+$/.test(item.tag)) this.item(item, item.tag);
      else if (item.tag !== `${tag}Title` && item.tag !== `${tag}Sentence`) this.other(item);
    }
  }

  /** An amending act's instructions and the provisions it inserts: quoted text, never the law's own articles. */
  amendment(node: LawNode): void {
    for (const item of elements(node)) {
      if (item.tag === 'AmendProvisionSentence') this.quoted(textOf(item));
      else this.flatten(item);
    }
  }

  supplementary(node: LawNode): void {
    const label = textOf(child(node, 'SupplProvisionLabel')) || '附則';
    const act = node.attr['AmendLawNum'];
    this.heading(2, `${label}${act ? `　（${act}）` : ''}${node.attr['Extract'] === 'true' ? '　抄' : ''}`);
    this.provisions({ ...node, children: node.children.filter((item) => typeof item === 'string' || item.tag !== 'SupplProvisionLabel') });
  }

  appendix(node: LawNode): void {
    const title = elements(node).find((item) => item.tag.endsWith('Title'));
    this.heading(2, textOf(title) || '別表');
    for (const item of elements(node)) if (item !== title) this.flatten(item);
  }

  /** Tables, lists, figures, notes and styles: each row or sentence a line of quoted text. */
  other(node: LawNode): void {
    this.flatten(node);
  }

  flatten(node: LawNode): void {
    if (node.tag === 'TableRow') {
      this.quoted(elements(node).map((column) => flatText(column)).join('　'));
      return;
    }
    const nested = elements(node);
    const structural = nested.some((item) => item.tag === 'TableRow' || /Sentence$|^(?:Article|Paragraph|Item|Subitem[0-9]+|List|Sublist[0-9]+|Table|TableStruct|Fig|FigStruct)$/.test(item.tag));
    if (!structural) {
      this.quoted(flatText(node));
      return;
    }
    for (const item of node.children) {
      if (typeof item === 'string') this.quoted(item.trim());
      else if (/Sentence$/.test(item.tag) || /Title$|Caption$|Num$/.test(item.tag)) this.quoted(sentenceOf(item));
      else this.flatten(item);
    }
  }
}

/** All the text under an element on one line, its parts apart by a full-width space. */
function flatText(node: LawNode): string {
  const parts: string[] = [];
  const walk = (current: LawNode): void => {
    if (current.tag === 'Sentence' || current.tag.endsWith('Title') || current.tag === 'Column') {
      const text = textOf(current);
      if (text !== '') parts.push(text);
      return;
    }
    for (const item of current.children) {
      if (typeof item === 'string') {
        if (item.trim() !== '') parts.push(item.trim());
      } else if (item.tag !== 'Rt') {
        walk(item);
      }
    }
  };
  walk(node);
  return parts.join('　');
}

/** The treaty document of a law tree. `facts` come from the API or the file's name and win over the tree's own. */
export function convertLaw(law: LawNode, facts: LawFacts = {}): ImportedDocument {
  const body = child(law, 'LawBody');
  if (body === undefined) throw new ImportError('malformed', 'the law has no LawBody');
  const titleNode = child(body, 'LawTitle');
  const title = facts.title ?? textOf(titleNode);
  if (title === '') throw new ImportError('malformed', 'the law has no title');
  const lawNumber = textOf(child(law, 'LawNum'));
  const lawId = facts.lawId && LAW_ID.test(facts.lawId) ? facts.lawId : lawIdOfAttributes(law);
  const abbrevs = (facts.abbrev ?? titleNode?.attr['Abbrev'] ?? '').split(/[,、，]/).map((name) => name.trim()).filter((name) => name !== '');
  const writer = new Writer();
  writer.body(body);
  if (writer.articles === 0 && writer.lines.length === 0) throw new ImportError('nothing', `${title} has no provisions to import`);
  const head = [`# ${escapeMarkdownLine(title)}`, ''];
  if (lawNumber !== '') head.push(escapeMarkdownLine(`（${lawNumber}）`), '');
  const frontMatter = frontMatterBlock({
    treaty: facts.treatyId || lawId || title,
    title,
    short: abbrevs[0] ?? null,
    aliases: abbrevs.slice(1),
    lang: 'ja',
    law_number: lawNumber || null,
    as_of: facts.asOf ?? null,
    source: lawId ? egovLawUrl(lawId) : null,
  });
  return {
    id: facts.treatyId || lawId || title,
    title,
    text: `${frontMatter}\n${[...head, ...writer.lines].join('\n').replace(/\n+$/, '')}\n`,
    articles: writer.articles,
  };
}
