// `npm run accuracy`: precision and recall of citation recognition and resolution on labelled real text, printed as a
// table; `--write` also regenerates docs/accuracy.md. How each set was labelled is said in that document.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { measureCases } from './cases';
import { measureEgovLinks } from './egovLinks';
import { measureExamples } from './examples';
import { renderTable } from './score';

const ROOT = path.resolve(__dirname, '../..');
const cases = measureCases();
const egov = measureEgovLinks();
const examples = measureExamples(process.env.TREATY_EXAMPLES);
const table = renderTable([...cases.rows, ...egov.rows, ...(examples?.rows ?? [])]);
console.log(table);
if (!examples) console.log('(the real analyses were not measured: set TREATY_EXAMPLES to the folder that holds them)');
console.log(`e-Gov links: ${egov.counts.links} to a provision, ${egov.counts.egovWrong} judged wrong by hand, ${egov.counts.takenForWorkspaceLaw} taken for a workspace law's own provision`);

if (process.argv.includes('--write')) {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const list = (lines: readonly string[]) => (lines.length === 0 ? '- none' : lines.map((line) => `- ${line.replace(/\|/g, '\\|')}`).join('\n'));
  const egovErrors = egov.disagreements.filter((entry) => entry.egovWrong);
  const egovMisses = egov.disagreements.filter((entry) => !entry.egovWrong);
  const describeLink = (entry: (typeof egov.disagreements)[number]) =>
    `\`${entry.key}\`: e-Gov links ${entry.link.target_law.split(' ')[0]} article ${entry.link.article}${entry.link.branch ? `の${entry.link.branch}` : ''}; found ${entry.found}${entry.egovWrong ? `. ${entry.egovWrong}` : ''}`;
  const document = `# Accuracy

How often Treaty Annotator finds a citation, and gives it the provision and the instrument a careful reader does,
measured on labelled real text. \`npm run accuracy\` prints the table; \`npm run accuracy -- --write\` regenerates this
page (the real analyses are read from the folder \`TREATY_EXAMPLES\` names: they are not ours to redistribute, so a
clone without them measures the other sets only).

Measured at commit \`${commit}\`.

${table}

Precision: of what the tool found (or gave an instrument or provision), how much is right. Recall: of what is there,
how much it found right. A citation found with a wrong instrument or provision counts once as wrong and once as missed.

## How each set was labelled

- **Labelled cases** (\`test/data/corpus/citation-cases.jsonl\`, conventions in section 0 of
  \`test/data/corpus/citation-forms.md\`): 170 sentences from statutes, treaty texts and analyses in Japanese, English
  and Russian, each labelled with its citations, their provision and instrument. Each case is checked as a document
  on its own with no treaty texts in the workspace; sentences cut from statutes and treaty texts are read as treaty
  documents. A labelled citation counts as found when a citation of the tool overlaps it (one label of a list or range
  stands for several citations). Headings and whole-instrument pointers (この法律) are not citations. Not judged:
  provisions of citations that count from an article outside the sentence (次条, this Article), and instruments that
  only text outside the case names.
- **e-Gov cross-law links** (\`test/data/corpus/egov-links\`): e-Gov's own hyperlinks from the six statutes of the corpus
  to provisions of other laws. The six statutes are one workspace. A link to one of the six must resolve to that law's
  provision; a link to any other law must stay with that law (the name e-Gov links for it, or the short name the
  statute defines for it), never taken for a workspace law's own article. e-Gov's links are machine-made; each
  disagreement was read in context, and the ones where e-Gov errs are listed below and judged by what the text says.
- **Real analyses**: the two NDL analyses of the team's shared examples (raw PDF text), labelled by hand citation by
  citation in \`test/accuracy/examples.labels.json\` (the text each citation reads, its instrument, article and
  paragraph). Checked as a new user has them (the analysis alone, no treaty texts: the instrument is judged by the name
  the citation is given) and with test-only treaty files of the right structure (judged by the treaty's id). Every
  error or warning on them is a false alarm: neither analysis cites anything wrongly.

## Where e-Gov errs

${list(egovErrors.map(describeLink))}

## What the tool still gets wrong

e-Gov links:

${list(egovMisses.map(describeLink))}

Labelled cases:

${list(cases.misses)}

Real analyses:

${list(examples?.notes ?? ['not measured in this run'])}
`;
  writeFileSync(path.join(ROOT, 'docs/accuracy.md'), document);
  console.log('wrote docs/accuracy.md');
}
