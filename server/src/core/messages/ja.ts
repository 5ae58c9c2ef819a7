// The Japanese message catalogue.
import type { ScopeName } from '../resolve';
import type { Messages } from './catalog';

/** A numbered provision as Japanese law writes a branch number: `18_2` → 第18条の2, not 第18の2条. */
const numbered = (value: string, counter: string): string => {
  const [head, ...branches] = value.split('_');
  return `第${head}${counter}${branches.map((branch) => `の${branch}`).join('')}`;
};

/** Why a citation belongs to its instrument, by scope rule (ARCHITECTURE.md "Which treaty a citation belongs to"). */
const SCOPES: Readonly<Record<ScopeName, string>> = {
  qualifier: '引用に付いた名称',
  'same-instrument': '前に挙げた条約',
  'same-genre': '前に挙げた同じ種類の文書',
  'this-instrument': 'この文書が扱う条約',
  'law-named-before': '直前に挙げた法令',
  'amendment-quote': '引用した文言の規定',
  anaphora: '指し示す前の引用',
  'own-document': 'この文書自身',
  'last-article': '前に引用した条',
  topic: '文の主題',
  'earlier-in-sentence': '同じ文の前の引用',
  cites: 'cites の指定',
  principal: 'この文書が最も多く挙げる条約',
  'only-treaty': 'ワークスペースの唯一の条約',
};

export const ja: Messages = {
  provision: (article, paragraph, item) => `${numbered(article, '条')}${paragraph !== null ? `第${paragraph}項` : ''}${item !== null ? numbered(item, '号') : ''}`,
  preamble: '前文',
  chapter: (chapter, section) => `${numbered(chapter, '章')}${section !== null ? numbered(section, '節') : ''}`,
  annex: (annex) => `附属書${annex}`,
  articleRange: (first, last) => `${numbered(first, '条')}–${numbered(last, '条')}`,
  noArticles: '条文なし',
  captioned: (label, caption) => (caption ? `${label}（${caption}）` : label),
  paragraph: (value) => `第${value}項`,
  provisionOf: (label, treaty) => `${treaty}${label}`,

  unknownArticle: (treaty, label, has) => `${treaty}に${label}はありません（${has}）`,
  unknownParagraph: (treaty, article, paragraph, count) => `${treaty}${article}に第${paragraph}項はありません（第${count}項まで）`,
  unknownItem: (treaty, article, item) => `${treaty}${article}に${numbered(item, '号')}はありません`,
  unknownTreaty: (treaty) => `「${treaty}」はワークスペースにありません`,
  citationsInDocument: (count) => `（この文書に${count}件の引用）`,
  noAntecedent: (written) => `「${written}」が指す先がありません`,
  ambiguousTreaty: (label) => `${label}がどの条約の条文か決められません（条約名を付けるか <!-- cites: id --> を置いてください）`,
  namesakeTreaty: (name, ids) => `「${name}」は${ids.length}つの条約（${ids.join('、')}）の名前です（<!-- cites: id --> でどちらかを選んでください）`,
  duplicateTreatyName: (name, others) => `「${name}」は ${others.join('、')} の名前でもあります（この名前の引用はどちらの条約か決められません）`,
  misquote: (provision, words) => (words === null ? `引用が${provision}の文言と一致しません` : `引用が${provision}の文言と一致しません。条文は「${words}」`),
  misquoteElsewhere: (provision, paragraph) => `引用された文言は${provision}にはなく、同条第${paragraph}項にあります`,
  version: (language, file) => `${language}版（${file}）`,
  noCounterpart: (label, version) => `${label}に対応する条が${version}にありません`,
  paragraphCountDiffers: (label, here, there, version, otherLabel) => `${label}はこの版では${here}項、${version}（${otherLabel}）では${there}項です`,

  summary: '要旨',
  citedInDocuments: (count) => `${count}件の文書が引用`,
  citedInLens: (count) => `${count}件の文書が引用`,
  moreArticles: (count) => `ほか${count}条`,
  externalProvision: (treaty) => `${treaty ?? '他の法令'}の規定`,
  notResolved: '解決できません',
  stillReading: 'ワークスペースを読み込み中です。この引用が指す条約は、まだ読み込んでいないファイルにあるかもしれません。少し待ってからもう一度ポイントしてください。',
  chosenBy: (instrument, scope) => `${instrument}（${SCOPES[scope]}）`,

  changeTo: (label, caption) => `${label}${caption ? `（${caption}）` : ''}に直す`,
  qualifyAs: (qualified) => `「${qualified}」と条約名を付ける`,
  addDirective: (directive, title) => `この段落の前に ${directive} を置く（${title}）`,
  citeNamesake: (id, file, directive) => `ここでは ${id}（${file}）を指す：この段落の前に ${directive} を置く`,
  createTreatyFile: (fileName, name) => `「${name}」の条約文書 ${fileName} を作る`,
  importFromEgov: (name) => `「${name}」を e-Gov から取り込む`,
  importFromEgovCommand: 'e-Gov から取り込む',
  quoteTreatyWords: (words) => `条文の文言に直す：「${words}」`,
  insertArticle: (label, moved) => (moved === null ? `${label}の後に条を挿入` : `${label}の後に条を挿入し、${moved}を繰り下げる`),
  deleteArticle: (label, moved) => (moved === null ? `${label}を削除` : `${label}を削除し、${moved}を繰り上げる`),
  deleteCitedArticle: (label, citations, documents) => `${label}は${documents}件の文書で${citations}回引用されています。先に引用を直してください`,
  renameFromLabel: (label) => `条番号の変更は条約文書の見出し（${label}）の上で行ってください。引用はすべてそれに合わせて変わります`,
  nothingToRename: 'ここには名前を変更できるものがありません。条約文書の条の見出し（第5条など）の上で実行してください',
  notAnArticleNumber: (name) => `「${name}」は条番号として読めません（7、第7条、Article 7 のように書いてください）`,
  articleExists: (label) => `${label}は既にあります`,
  cannotReadNumber: (label) => `${label}の番号を読み取れません`,

  siteTitle: '条約と分析',
  treaties: '条約',
  analyses: '分析',
  index: '目次',
  citedBy: '引用している文書',
  articleCitations: (label, count) => `${label}：引用${count}件`,
  coverageChart: (articles, cited) => `条ごとの引用数：${articles}条中${cited}条が引用済み`,
};
