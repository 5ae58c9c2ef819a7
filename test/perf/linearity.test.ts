// Speed: each scanner and parser takes time linear in its input, on ordinary and hostile text. These are the timing
// assertions, kept out of the unit suite (`npm test`) because a loaded machine makes them fail without a bug:
// `npm run test:perf` runs them (CI does, on its own machine). Hangs on hostile input are still caught in `npm test`
// by the reliability suite's generous guards (test/reliability/adversarial.test.ts, frontMatter.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanEnglish } from '../../server/src/core/citation/english';
import { scanJapanese } from '../../server/src/core/citation/japanese';
import { scanRussian } from '../../server/src/core/citation/russian';
import { readMarkdownStructure } from '../../server/src/core/markdown/structure';
import { parseTreaty } from '../../server/src/core/treaty/parse';
import { dedent, indexFixture, uriOf } from '../fixture';
import { prose, treaty } from '../unit/citationTestKit';

const CORPUS = path.resolve(__dirname, '../data/corpus');
const META = { id: 't', title: 'Test treaty', short: null, aliases: [], lang: null };

/** The fastest of three runs, in milliseconds of CPU time (wall time on a shared machine measures the neighbours). */
function timed(run: () => void): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Ten times the input takes about ten times as long (quadratic work would take a hundred), and under 1.5 s. */
function expectLinearTime(scan: (text: string) => unknown, make: (size: number) => string): void {
  const small = make(100_000);
  const large = make(1_000_000);
  const smallTime = timed(() => scan(small));
  const largeTime = timed(() => scan(large));
  expect(largeTime).toBeLessThan(1500);
  expect(largeTime).toBeLessThan(Math.max(30 * smallTime, 60));
}

const ADVERSARIAL: readonly [string, (size: number) => string][] = [
  ['a million digits after "Article"', (size) => `Article ${'1'.repeat(size)}`],
  ['ten thousand dangling "and"s', (size) => `Articles 1${' and'.repeat(size / 100)}${' and 1'.repeat(size / 100)}`],
  ['"Article" repeated with no number', (size) => 'Article '.repeat(size / 8)],
  ['"paragraph 1 of" repeated', (size) => 'paragraph 1 of '.repeat(size / 15)],
  ['one huge capitalised word before a citation', (size) => `${'A'.repeat(size)} Article 5`],
  ['a name that never ends', (size) => `Article 5 of the ${'North Atlantic '.repeat(size / 15)}`],
  ['a megabyte of spaces', (size) => `${' '.repeat(size)}Article 5`],
  ['instrument nouns only', (size) => 'Treaty '.repeat(size / 7)],
  ['nothing but citations', (size) => 'Article 1(1)(a)(i) and '.repeat(size / 23)],
];

describe('English scanning speed', () => {
  for (const [name, make] of ADVERSARIAL) {
    it(`scans ${name} in linear time`, () => {
      expectLinearTime((text) => scanEnglish(text, prose), make);
    });
  }

  it('scans a megabyte of treaty prose in tens of milliseconds', () => {
    const charter = readFileSync(path.join(CORPUS, 'treaties/un-charter.en.txt'), 'utf8');
    const text = charter.repeat(Math.ceil(1_000_000 / charter.length));
    expect(timed(() => scanEnglish(text, treaty))).toBeLessThan(150);
  });
});

describe('Russian scanning speed', () => {
  const adversarial: readonly [string, (size: number) => string][] = [
    ['a million digits after "статья"', (size) => `статья ${'1'.repeat(size)}`],
    ['ten thousand dangling "и"s', (size) => `статьи 1${' и'.repeat(size / 100)}${' и 1'.repeat(size / 100)}`],
    ['"пункт 1" repeated with no article', (size) => 'пункт 1 '.repeat(size / 8)],
    ['a name that never ends', (size) => `статьи 5 Договора о ${'коллективной '.repeat(size / 13)}`],
    ['instrument nouns only', (size) => 'Договора '.repeat(size / 9)],
    ['nothing but citations', (size) => 'пункт 1 статьи 2 Устава ООН и '.repeat(size / 30)],
  ];
  for (const [name, make] of adversarial) {
    it(`scans ${name} in linear time`, () => {
      expectLinearTime((text) => scanRussian(text, prose), make);
    });
  }

  it('scans a megabyte of Russian prose in tens of milliseconds', () => {
    const sentence = 'Государства-участники окажут помощь в соответствии со статьей 51 Устава ООН и пунктом 2 статьи 4 Договора. ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    expect(timed(() => scanRussian(text, prose))).toBeLessThan(400);
  });
});

describe('Japanese scanning speed', () => {
  it('scans a megabyte of hostile text in linear time', () => {
    const megabyte = 1 << 20;
    const hostile = ['第' + '1'.repeat(megabyte), '第' + '一'.repeat(megabyte), '第1条' + '及び'.repeat(10_000), '（'.repeat(megabyte), '（以下「'.repeat(megabyte / 4), '国法の'.repeat(megabyte / 3), '第 '.repeat(megabyte / 2), '（第1条'.repeat(megabyte / 4), '第1号それぞれイ又はロ、'.repeat(megabyte / 12), '第1条（捜索調書'.repeat(megabyte / 8), '3項。'.repeat(megabyte / 3)];
    for (const text of hostile) {
      const before = process.cpuUsage();
      scanJapanese(text, { treatyDocument: false });
      const used = process.cpuUsage(before);
      // CPU time, generous for a loaded machine: quadratic behaviour would take minutes.
      expect((used.user + used.system) / 1000).toBeLessThan(5000);
    }
  });
});

describe('Markdown structure speed', () => {
  it('stays linear on ten thousand unmatched backtick runs', () => {
    const source = '`'.repeat(1) + ' ``'.repeat(10_000);
    const started = performance.now();
    readMarkdownStructure(source);
    // A hang guard, not a speed target.
    expect(performance.now() - started).toBeLessThan(500);
  });
});

const TREATY = dedent(`
  //- /treaties/dprk.md
  ---
  treaty: dprk
  title: 包括的戦略的パートナーシップ条約
  lang: ja
  ---
  ## 第四条
  一方の締約国が、武力攻撃を受けた場合に、他方の締約国は、直ちに軍事援助及びその他の援助を提供しなければならない。
`);

/** The misquote diagnostics of /main.md. */
function misquotes(analysis: string, _settings?: unknown, workspace = TREATY): unknown[] {
  const { service } = indexFixture(`${dedent(analysis)}\n${workspace}`);
  return service.getDiagnostics(uriOf('/main.md')).filter((diagnostic) => diagnostic.code === 'misquote');
}

describe('the cost of the quotation check', () => {
  it('stays linear: 2,000 quotations of a 60,000-character article, indexing included, take well under three seconds', () => {
    const sentence = '締約国は、海洋環境の保全及び航行の安全の確保のために協力し、その成果を共有する。';
    const article = Array.from({ length: 60_000 / sentence.length }, (_, index) => sentence.replace('共有', `共有${index}`)).join('');
    const workspace = `//- /treaties/big.md\n---\ntreaty: big\ntitle: 大条約\nlang: ja\n---\n## 第1条\n${article}\n`;
    const quotes = Array.from({ length: 2000 }, (_, index) => `第1条は「海洋環境の保全及び航行の安全の確保のために協${index % 2 ? '力' : '調'}し」とする。`).join('\n');
    const started = performance.now();
    const found = misquotes(quotes, undefined, workspace);
    const elapsed = performance.now() - started;
    expect(found).toHaveLength(1000);
    expect(elapsed).toBeLessThan(3000);
  });

  it('stays linear on hostile text: long runs of digits and spaces inside quotations, unclosed and stray marks', () => {
    const hostile = [
      ...Array.from({ length: 150 }, () => `第4条は「${'１'.repeat(2900)}」と定める。`),
      ...Array.from({ length: 150 }, () => `第4条は「${' '.repeat(1400)}軍事援助${'\n'.repeat(1400)}」と定める。`),
      '第4条は「'.repeat(20_000),
      '第4条は"'.repeat(20_000),
    ].join('\n');
    expect(hostile.length).toBeGreaterThan(900_000);
    const started = performance.now();
    misquotes(hostile);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('treaty parsing speed on the corpus', () => {
  it('parses a one-megabyte statute (自衛隊法 repeated) in linear time', () => {
    const text = readFileSync(path.join(CORPUS, 'treaties/jp-law-jieitai-ho_S29HO165.txt'), 'utf8');
    let big = '';
    while (big.length < 1_000_000) big += `${text}\n`;
    const meta = { id: 'big', title: 'big', short: null, aliases: [], lang: null };
    let best = Infinity;
    let articles = 0;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      articles = parseTreaty(big, 0, meta).articles.length;
      if (run >= 2) best = Math.min(best, performance.now() - started);
    }
    console.log(`1 MB statute (${big.length} chars, ${articles} articles): best of 3 warm runs ${best.toFixed(1)} ms`);
    expect(articles).toBeGreaterThan(4000);
    // Generous for a shared machine; a quadratic scan would take seconds.
    expect(best).toBeLessThan(1000);
  });
});

describe('treaty parsing speed', () => {
  it('parses in time linear in the length of the text', () => {
    const article = (n: number) => `（見出し）\n第${n}条　締約国は、次に掲げる措置をとる。\n一　措置\nイ　細目\n２　前項の規定は適用しない。\n`;
    const build = (length: number) => {
      let text = '';
      for (let n = 1; text.length < length; n++) text += article(n);
      return text;
    };
    const best = (text: string) => {
      let fastest = Infinity;
      for (let run = 0; run < 4; run++) {
        const started = performance.now();
        parseTreaty(text, 0, META);
        if (run > 0) fastest = Math.min(fastest, performance.now() - started);
      }
      return fastest;
    };
    const quarter = best(build(250_000));
    const whole = best(build(1_000_000));
    expect(parseTreaty(build(1_000_000), 0, META).problems).toEqual([]);
    // Four times the text should take about four times as long; a quadratic scan would take sixteen.
    expect(whole / quarter).toBeLessThan(10);
  });
});
