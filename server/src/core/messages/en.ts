// The English message catalogue.
import type { ScopeName } from '../resolve';
import type { Messages } from './catalog';

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
/** A branch number as English translations of Japanese law write it (`18_2` → 18-2), a Latin one spaced (`7_bis` → 7 bis). */
const number = (value: string): string => value.replace(/_(?=\d)/g, '-').replace(/_/g, ' ');
const withThe = (name: string): string => (/^the\s/i.test(name) ? name : `the ${name}`);

/** Why a citation belongs to its instrument, by scope rule (ARCHITECTURE.md "Which treaty a citation belongs to"). */
const SCOPES: Readonly<Record<ScopeName, string>> = {
  qualifier: 'named with the citation',
  'same-instrument': 'the instrument named before it',
  'same-genre': 'the last one of its kind named before it',
  'this-instrument': 'the instrument this document is about',
  'law-named-before': 'the law named just before',
  'amendment-quote': 'the provision the quoted wording belongs to',
  anaphora: 'the citation it refers back to',
  'own-document': 'this document itself',
  'last-article': 'the article cited before it',
  topic: 'the topic of the sentence',
  'earlier-in-sentence': 'named earlier in the sentence',
  cites: 'the cites directive',
  principal: 'the instrument this document names most',
  'only-treaty': 'the only treaty in the workspace',
};

export const en: Messages = {
  provision: (article, paragraph, item) => `Article ${number(article)}${paragraph !== null ? `(${paragraph})` : ''}${item !== null ? `(${item})` : ''}`,
  preamble: 'the preamble',
  chapter: (chapter, section) => `Chapter ${number(chapter)}${section !== null ? `, section ${number(section)}` : ''}`,
  annex: (annex) => `Annex ${annex}`,
  articleRange: (first, last) => `Articles ${number(first)}–${number(last)}`,
  noArticles: 'no articles',
  captioned: (label, caption) => (caption ? `${label} — ${caption}` : label),
  paragraph: (value) => `paragraph ${value}`,
  provisionOf: (label, treaty) => `${label} of ${withThe(treaty)}`,

  unknownArticle: (treaty, label, has) => `${treaty} has no ${label} (it has ${has})`,
  unknownParagraph: (treaty, article, paragraph, count) => `${article} of ${treaty} has no paragraph ${paragraph} (it has ${count})`,
  unknownItem: (treaty, article, item) => `${article} of ${treaty} has no item ${item}`,
  unknownTreaty: (treaty) => `'${treaty}' is not in the workspace`,
  citationsInDocument: (count) => ` (${plural(count, 'citation')} in this document)`,
  noAntecedent: (written) => `'${written}' has nothing before it to refer to`,
  ambiguousTreaty: (label) => `which treaty ${label} belongs to is unclear: qualify it or add <!-- cites: id -->`,
  namesakeTreaty: (name, ids) => `'${name}' is the name of ${ids.length} treaties (${ids.join(', ')}): choose one with <!-- cites: id -->`,
  duplicateTreatyName: (name, others) => `'${name}' is also the name of ${others.join(', ')}: a citation of it cannot tell which treaty is meant`,
  misquote: (provision, words) => (words === null ? `The quotation does not match ${provision}` : `The quotation does not match ${provision}, which reads: "${words}"`),
  misquoteElsewhere: (provision, paragraph) => `The quoted words are not in ${provision} but in paragraph ${paragraph} of that Article`,
  version: (language, file) => `the ${language} version (${file})`,
  noCounterpart: (label, version) => `${label} has no counterpart in ${version}`,
  paragraphCountDiffers: (label, here, there, version, otherLabel) => `${label} has ${plural(here, 'paragraph')} here but ${there} in ${version} (${otherLabel})`,

  summary: 'Summary',
  citedInDocuments: (count) => `Cited in ${plural(count, 'document')}`,
  citedInLens: (count) => `cited in ${plural(count, 'document')}`,
  moreArticles: (count) => `and ${count} more`,
  externalProvision: (treaty) => `A provision of ${treaty ?? 'another instrument'}`,
  notResolved: 'Not resolved',
  stillReading: 'The workspace is still being read: the treaty this citation names may be in a file not read yet. Hover again in a moment.',
  chosenBy: (instrument, scope) => `${instrument} (${SCOPES[scope]})`,

  changeTo: (label, caption) => `Change to ${label}${caption ? ` (${caption})` : ''}`,
  qualifyAs: (qualified) => `Qualify as '${qualified}'`,
  addDirective: (directive, title) => `Add ${directive} before this paragraph (${title})`,
  citeNamesake: (id, file, directive) => `Cite ${id} (${file}) here: add ${directive} before this paragraph`,
  createTreatyFile: (fileName, name) => `Create a treaty document for ${name} (${fileName})`,
  importFromEgov: (name) => `Import ${name} from e-Gov`,
  importFromEgovCommand: 'Import from e-Gov',
  quoteTreatyWords: (words) => `Quote the treaty's words: "${words}"`,
  insertArticle: (label, moved) => (moved === null ? `Insert an article after ${label}` : `Insert an article after ${label} and renumber ${moved}`),
  deleteArticle: (label, moved) => (moved === null ? `Delete ${label}` : `Delete ${label} and renumber ${moved}`),
  deleteCitedArticle: (label, citations, documents) => `${label} is cited ${plural(citations, 'time')} in ${plural(documents, 'document')}: change those citations first`,
  renameFromLabel: (label) => `Renumber ${label} from its label in the treaty document, so that every citation of it follows`,
  nothingToRename: 'Nothing to rename here: put the cursor on an article label (第5条, Article 5) in a treaty document',
  notAnArticleNumber: (name) => `'${name}' is not an article number (write 7, 第7条 or Article 7)`,
  articleExists: (label) => `${label} already exists`,
  cannotReadNumber: (label) => `cannot read the number in ${label}`,

  siteTitle: 'Treaties and analyses',
  treaties: 'Treaties',
  analyses: 'Analyses',
  index: 'Index',
  citedBy: 'Cited by',
  articleCitations: (label, count) => `${label}: ${plural(count, 'citation')}`,
  coverageChart: (articles, cited) => `Citations per article: ${cited} of ${articles} articles cited`,
};
