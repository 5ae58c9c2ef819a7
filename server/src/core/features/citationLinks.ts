// Feature: citation links — what a rendered document needs to make its citations live (the Markdown preview,
// the HTML edition): each citation of an article with that article's document, anchor and a title holding its
// caption and first words; each dangling citation with what is wrong; in a treaty, an anchor per article.
// Renderers only place what this gives them: no second reading of the text.

import type { ArticleAnchor, CitationLink, DiagnosticCode, CitationLinks } from '../api';
import { effectiveSeverity } from '../config';
import { isSuppressed } from '../document';
import { messagesFor } from '../messages/index';
import type { Article, Span } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { citationMessage } from './diagnostics';
import { SUMMARY_LINE } from './hover';
import { captionAfterLabel } from '../treaty/labels';

/** Characters of the cited text a title shows before it is cut. */
const TITLE_TEXT = 240;

/** A stable anchor for an article, from its number: `article-5`, `article-6_2`, `suppl-2-article-3` (附則 blocks count from 1). */
export function articleAnchor(article: Pick<Article, 'number' | 'supplementaryGroup'>): string {
  const number = article.number.replace(/[^A-Za-z0-9_]/g, '-');
  return article.supplementaryGroup === null ? `article-${number}` : `suppl-${article.supplementaryGroup + 1}-article-${number}`;
}

export function findCitationLinks(index: WorkspaceIndex, uri: string): CitationLinks {
  const facts = index.facts(uri);
  if (!facts) return { citations: [], anchors: [] };
  const messages = messagesFor(index.config.language);
  const citations: CitationLink[] = [];
  for (const citation of index.resolved(uri)) {
    const span = citation.syntax.span;
    const found = index.articleOf(citation);
    if (citation.status === 'resolved' && found) {
      const { entry, article } = found;
      const cited = citation.target && citation.target.span.start > article.labelSpan.end ? citation.target.span : article.bodySpan;
      const text = index.facts(entry.uri)?.text ?? '';
      citations.push({
        span,
        target: { uri: entry.uri, span: article.labelSpan, anchor: articleAnchor(article) },
        title: `${heading(entry.treaty.short ?? entry.treaty.title, article, entry.treaty.lang)}\n${firstWords(text, cited)}`,
        problem: null,
      });
      continue;
    }
    const message = citationMessage(citation, messages, index);
    const code = citation.status as DiagnosticCode;
    if (message && effectiveSeverity(index.config, code) !== null && !isSuppressed(facts, code, span)) {
      citations.push({ span, target: null, title: message, problem: code });
    }
  }
  const anchors: ArticleAnchor[] = [];
  for (const article of facts.treaty?.articles ?? []) {
    // Articles sharing one label (`第六十条から第六十二条まで　削除`) share the first one's anchor.
    if (article.number === '' || anchors.at(-1)?.span.start === article.labelSpan.start) continue;
    anchors.push({ span: article.labelSpan, anchor: articleAnchor(article) });
  }
  return { citations, anchors };
}

/** `NATO条約 第5条（集団防衛）`, `Harbor Convention Article 4 — Ships in distress`: the caption as the treaty writes it. */
function heading(treaty: string, article: Article, lang: string | null): string {
  return `${treaty} ${article.label.replace(/\s+/g, ' ')}${captionAfterLabel(article, lang)}`;
}

/** The cited text's first words, lines joined, cut at TITLE_TEXT characters. */
function firstWords(text: string, span: Span): string {
  const words = text
    .slice(span.start, Math.min(span.end, span.start + TITLE_TEXT * 2))
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('<!--') && !SUMMARY_LINE.test(line))
    .join(' ');
  return words.length > TITLE_TEXT ? `${words.slice(0, TITLE_TEXT)}…` : words;
}
