// The real analyses (NDL reports as extracted from PDF; read from the folder TREATY_EXAMPLES names, since they are
// not ours to redistribute), labelled citation by citation in examples.labels.json: each label finds its text (the
// nth occurrence) and gives the instrument, article and paragraph a careful reader takes it for. Checked twice: as a
// new user has it, the analysis alone (instrument judged by the name it is given), and with test-only treaty files
// of the right structure (instrument judged by the treaty's id).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { createTreatyService } from '../../server/src/core/index';
import { asTreatyDocument } from '../corpus/corpus';
import { InMemoryWorkspace } from '../fixture';
import { normalizeName, Score, type Row } from './score';

const labels = JSON.parse(readFileSync(path.join(__dirname, 'examples.labels.json'), 'utf8')) as {
  readonly instruments: Readonly<Record<string, readonly string[]>>;
  readonly documents: Readonly<Record<string, readonly Label[]>>;
};

interface Label {
  readonly find: string;
  readonly text?: string;
  readonly nth?: number;
  readonly instrument: string;
  readonly article: string | null;
  readonly paragraph?: number;
}

/** A test-only treaty: `count` articles of three paragraphs each, after a preamble. */
function treatyFile(id: string, title: string, count: number): string {
  const articles = Array.from({ length: count }, (_, index) => `## 第${index + 1}条\n本文。\n２　第二項。\n３　第三項。\n`);
  return `---\ntreaty: ${id}\ntitle: ${title}\n---\n## 前文\n前文。\n${articles.join('')}`;
}

const TREATY_FILES = new Map([
  ['file:///treaties/rb.md', treatyFile('rb-security', labels.instruments['rb-security']![0]!, 9)],
  ['file:///treaties/dprk.md', treatyFile('ru-dprk', labels.instruments['ru-dprk']![0]!, 23)],
  ['file:///treaties/un.md', asTreatyDocument('treaties/un-charter.en.txt', 'un-charter', 'Charter of the United Nations', 'aliases: [国連憲章, 国際連合憲章]\nlang: en\n')],
]);

export interface ExamplesResult {
  readonly rows: Row[];
  readonly notes: string[];
}

export function measureExamples(folder: string | undefined): ExamplesResult | null {
  if (!folder || !existsSync(folder)) return null;
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const withTexts of [false, true]) {
    const recognition = new Score();
    const provision = new Score();
    const instrument = new Score();
    let alarms = 0;
    let notices = 0;
    for (const [name, documentLabels] of Object.entries(labels.documents)) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const uri = 'file:///analysis.md';
      const files = new Map(withTexts ? [...TREATY_FILES, [uri, text]] : [[uri, text]]);
      const service = createTreatyService({ workspace: new InMemoryWorkspace(files), config: DEFAULT_CONFIG });
      service.indexWorkspace();
      const citations = service.getCitations(uri);
      const spans = documentLabels.map((label) => labelSpan(text, label));
      const overlaps = (span: { start: number; end: number }, citation: { span: { start: number; end: number } }) => citation.span.start < span.end && span.start < citation.span.end;
      for (const citation of citations) {
        if (spans.some((span) => overlaps(span, citation))) continue;
        recognition.falsePositives++;
        notes.push(`${name}: not a citation: ${citation.text}`);
      }
      documentLabels.forEach((label, index) => {
        const found = citations.find((citation) => overlaps(spans[index]!, citation));
        if (!found) {
          recognition.falseNegatives++;
          notes.push(`${name}: missed: ${label.find}`);
          return;
        }
        recognition.truePositives++;
        const rightArticle = found.article === label.article && (label.paragraph === undefined || found.paragraph === label.paragraph);
        count(provision, rightArticle, `${name}: ${label.find} → ${found.article}(${found.paragraph ?? ''})`, notes);
        const names = labels.instruments[label.instrument]!.map(normalizeName);
        const rightInstrument = withTexts ? found.treatyId === label.instrument : found.treatyName !== null && names.includes(normalizeName(found.treatyName));
        count(instrument, rightInstrument, `${name}${withTexts ? ' (with texts)' : ''}: ${label.find} → «${found.treatyId ?? found.treatyName ?? '-'}»`, notes);
      });
      for (const diagnostic of service.getDiagnostics(uri)) {
        if (diagnostic.code === 'unknown-treaty' && diagnostic.severity !== 'error' && diagnostic.severity !== 'warning') notices++;
        else {
          alarms++;
          notes.push(`${name}${withTexts ? ' (with texts)' : ''}: false alarm: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`);
        }
      }
    }
    const setting = withTexts ? 'real analyses, with treaty texts' : 'real analyses, no treaty texts';
    const alarmNote = `${alarms} false alarms (errors and warnings; the labels have no wrong citation)${withTexts ? '' : `, ${notices} unknown-treaty notes`}`;
    rows.push(
      { set: setting, judgement: 'recognition', score: recognition, note: `2 NDL analyses, 18 citations labelled by hand; ${alarmNote}` },
      { set: setting, judgement: 'provision', score: provision, note: 'article and paragraph (前文 for the preamble)' },
      { set: setting, judgement: 'instrument', score: instrument, note: withTexts ? 'the treaty document of the instrument meant' : 'the name given to the citation is one of the instrument meant' },
    );
  }
  return { rows, notes };
}

function labelSpan(text: string, label: Label): { start: number; end: number } {
  let at = -1;
  for (let seen = 0; seen <= (label.nth ?? 0); seen++) at = text.indexOf(label.find, at + 1);
  if (at < 0) throw new Error(`label not found in the analysis: ${label.find}`);
  const start = at + (label.text ? label.find.indexOf(label.text) : 0);
  return { start, end: start + (label.text ?? label.find).length };
}

function count(score: Score, right: boolean, line: string, notes: string[]): void {
  if (right) score.truePositives++;
  else {
    score.falsePositives++;
    score.falseNegatives++;
    notes.push(line);
  }
}
