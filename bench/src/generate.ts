// Generates the benchmark workspaces from a fixed seed: treaties, Japanese analyses citing them in every form
// the grammar knows (5% dangling), and a "linked" twin where each citation is a Markdown link for the peers.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, argValue, workspaceDir, type Manifest, type Probe } from './common';

export const GENERATOR_VERSION = 7;
export const DEFAULT_SEED = 20241124;

const ARTICLES_PER_TREATY = 100;
const ANALYSIS_BYTES = 20_000;
const CITATIONS_PER_ANALYSIS = 100;
const BIG_BYTES = 1_000_000;
const HOT_ARTICLE = 7;
const HOT_PER_DOCUMENT = 10;
const DANGLING_RATE = 0.05;
const EDITS = 200;
const PROBE_DOCUMENTS = 50;
const PROBES_PER_DOCUMENT = 20;
/** The real-prose variant: the share of single existing provisions that carry a quotation, and of those, the misquoted. */
const QUOTED_RATE = 0.5;
const MISQUOTED_RATE = 0.1;

/**
 * The counts at one size; the 1 MB analysis stands in for 50 ordinary ones so every size is exactly proportional.
 * Scale 0 is the tiny workspace of the smoke test.
 */
export function sizeOf(scale: number): { treaties: number; regular: number; hotDocuments: number; bigBytes: number } {
  if (scale === 0) return { treaties: 3, regular: 20, hotDocuments: 10, bigBytes: 100_000 };
  return { treaties: Math.round(12.5 * scale), regular: 250 * scale - 50, hotDocuments: 125 * scale, bigBytes: BIG_BYTES };
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  /** mulberry32: tiny, fast, and good enough to vary prose. */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Numerals and vocabulary
// ---------------------------------------------------------------------------------------------

const KANJI_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function toKanji(value: number): string {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  return (
    (hundreds === 0 ? '' : hundreds === 1 ? '百' : `${KANJI_DIGITS[hundreds]}百`) +
    (tens === 0 ? '' : tens === 1 ? '十' : `${KANJI_DIGITS[tens]}十`) +
    KANJI_DIGITS[ones]
  );
}

function toFullWidth(value: number): string {
  return String(value).replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
}

const PARTNERS = [
  'フランス', 'オーストラリア', 'インド', 'フィリピン', 'ドイツ', 'イタリア', 'カナダ', 'ベトナム', 'タイ', 'インドネシア',
  'マレーシア', 'シンガポール', 'ニュージーランド', 'スペイン', 'オランダ', 'スウェーデン', 'ノルウェー', 'ポーランド', 'ブラジル',
  'メキシコ', 'チリ', 'ペルー', 'トルコ', 'エジプト', 'ケニア', 'モンゴル', 'カザフスタン', 'ウクライナ', 'フィンランド', 'エストニア',
];
const TOPICS: readonly { short: string; long: string; kind: string }[] = [
  { short: '防衛協力', long: '防衛協力', kind: '協定' },
  { short: '物品役務相互提供', long: '物品又は役務の相互の提供', kind: '協定' },
  { short: '情報保護', long: '秘密情報の保護', kind: '協定' },
  { short: '円滑化', long: '部隊間の協力の円滑化', kind: '協定' },
  { short: '投資', long: '投資の促進及び保護', kind: '協定' },
  { short: '租税', long: '所得に対する租税に関する二重課税の回避', kind: '条約' },
  { short: '社会保障', long: '社会保障', kind: '協定' },
  { short: '航空', long: '航空業務', kind: '協定' },
  { short: '原子力', long: '原子力の平和的利用における協力', kind: '協定' },
  { short: '犯罪人引渡', long: '犯罪人引渡し', kind: '条約' },
  // From ×25 on (more than 300 treaties).
  { short: '文化交流', long: '文化の交流', kind: '協定' },
  { short: '科学技術協力', long: '科学技術における協力', kind: '協定' },
  { short: '漁業', long: '漁業', kind: '協定' },
  { short: '捜索救助', long: '海上における捜索及び救助', kind: '協定' },
  { short: '刑事共助', long: '刑事に関する共助', kind: '条約' },
  { short: '査証免除', long: '査証の相互免除', kind: '協定' },
  { short: '運転免許', long: '運転免許の相互承認', kind: '協定' },
  { short: '環境保護', long: '環境の保護', kind: '協定' },
  { short: '宇宙協力', long: '宇宙空間の平和的利用における協力', kind: '協定' },
  { short: '経済連携', long: '経済上の連携', kind: '協定' },
];
const CAPTIONS = [
  '目的', '定義', '適用範囲', '一般的義務', '協議', '情報の交換', '秘密の保護', '費用', '紛争の解決', '改正', '効力発生', '終了',
  '実施取決め', '合同委員会', '通報', '手続', '権限のある当局', '相互援助', '輸送', '役務の提供', '物品の提供', '決済', '補償',
  '保安措置', '査察', '記録', '報告', '協力の分野', '研修', '見直し', '適用除外', '言語',
];
const TREATY_SUBJECTS = ['締約国は、', '両締約国は、', '各締約国は、', '一方の締約国は、', '締約国の権限のある当局は、', '合同委員会は、'];
const TREATY_MIDDLES = ['この協定の実施に関し、', '相互の合意により、', '自国の法令に従い、', '必要に応じて、', '遅滞なく、', '書面により、', ''];
const TREATY_ENDS = [
  '必要な措置をとる。', '他方の締約国に通報する。', '協議を行う。', '情報を交換する。', '適当な便宜を与える。',
  'これを秘密として取り扱う。', '共同で検討する。', '実施のための取決めを作成する。', '要請に応じて援助を与える。',
];
const TREATY_ITEMS = [
  '物品の輸送に関する事項', '役務の提供に関する事項', '施設の使用に関する事項', '訓練の実施に関する事項',
  '情報の管理に関する事項', '費用の負担に関する事項', '人員の派遣に関する事項',
];
const PROSE_SUBJECTS = ['両国は', '政府は', '関係国は', '当局は', '各国の専門家は', '議会は', '両首脳は', '国際社会は', '実務家は', '締約国は'];
const PROSE_CONTEXTS = [
  '近年の安全保障環境の変化を踏まえ、', '地域情勢の緊迫化を受けて、', '従来の協力関係を基礎として、', '国内の議論を経て、',
  '交渉の過程において、', '批准手続の完了に伴い、', '実務上の要請から、', '過去の運用実績に照らして、',
];
const PROSE_PREDICATES = [
  '協力の範囲を拡大することで合意した。', '情報共有の枠組みを整備することとした。', '共同訓練の頻度を高める方針を示した。',
  '定期的な協議を行うことを確認した。', '手続の簡素化を進めることが期待されている。', '具体的な運用については今後の調整に委ねられている。',
  '実施状況を毎年見直すこととされた。', '相互の理解を深めることが重視されている。', '新たな課題への対応を急いでいる。',
];
const SECTION_TITLES = ['概要', '経緯', '主な規定', '運用の実態', '評価', '今後の課題'];

/**
 * Sentences of real prose from ../shared/examples that carry no citation, treaty name or markup, so the planted
 * citations stay the only ones and the expected counts stay exact.
 */
function exampleSentences(): string[] {
  // BENCH_EXAMPLES names the folder when the repository is not beside it (a worktree elsewhere).
  const dir = process.env.BENCH_EXAMPLES ?? path.resolve(REPO_ROOT, '..', 'shared', 'examples');
  if (!fs.existsSync(dir)) return [];
  const text = fs
    .readdirSync(dir)
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    .join('\n')
    .replace(/[ \t]*\r?\n[ \t]*/g, '');
  return text
    .split(/(?<=。)/)
    .map((sentence) =>
      sentence
        .trim()
        .replace(/([^\d\s.])\d{1,2}(?=[、。」）])/g, '$1')
        .replace(/(\d) (?=[年月日か])/g, '$1')
        .replace(/\s+/g, ''),
    )
    .filter(
      (sentence) =>
        sentence.length >= 15 &&
        sentence.length <= 140 &&
        sentence.endsWith('。') &&
        !/^[0-9（）]/.test(sentence) &&
        !/[A-Za-zА-яЁё#*_`<>[\]＊]|条|項|号|法|協定|憲章|第/.test(sentence),
    );
}

// ---------------------------------------------------------------------------------------------
// Treaties
// ---------------------------------------------------------------------------------------------

interface TreatyPlan {
  readonly id: string;
  readonly title: string;
  readonly short: string;
  /** paragraphs[n] = number of paragraphs of article n (index 0 unused). */
  readonly paragraphs: number[];
  readonly captions: string[];
  /** sentences[n][p - 1] = the first sentence of paragraph p of article n, as rendered (for quotations). */
  readonly sentences: string[][];
}

function treatyId(index: number): string {
  return `t${String(index + 1).padStart(2, '0')}`;
}

/**
 * The partner and topic of treaty `index`: every partner with the first topic, then the next topic, and so on; past
 * every pair (×49 and up), the partner is a pair of countries. Names never repeat (uniqueNames checks it), so every
 * citation by short name has one treaty and the planted counts stay exact.
 */
function partnerAndTopic(index: number): { partner: string; topic: (typeof TOPICS)[number] } {
  const pairs = PARTNERS.length * TOPICS.length;
  const round = Math.floor(index / pairs);
  const first = index % PARTNERS.length;
  const partner = (PARTNERS[first] as string) + (round === 0 ? '' : (PARTNERS[(first + round) % PARTNERS.length] as string));
  return { partner, topic: TOPICS[Math.floor((index % pairs) / PARTNERS.length)] as (typeof TOPICS)[number] };
}

/** Throws when two treaties would share a title or short name (the workspace would measure name collisions instead). */
function uniqueNames(plans: readonly TreatyPlan[]): void {
  const seen = new Map<string, string>();
  for (const plan of plans) {
    for (const name of [plan.title, plan.short]) {
      const other = seen.get(name);
      if (other !== undefined) throw new Error(`the generator gave ${other} and ${plan.id} the same name ${name}`);
      seen.set(name, plan.id);
    }
  }
}

function planTreaties(count: number, random: Random): TreatyPlan[] {
  if (count > PARTNERS.length * PARTNERS.length * TOPICS.length) throw new Error(`at most ${PARTNERS.length ** 2 * TOPICS.length} treaties have distinct names`);
  const plans: TreatyPlan[] = [];
  for (let index = 0; index < count; index++) {
    const { partner, topic } = partnerAndTopic(index);
    const paragraphs = [0];
    const captions = [''];
    for (let article = 1; article <= ARTICLES_PER_TREATY; article++) {
      paragraphs.push(random.int(1, 3));
      captions.push(CAPTIONS[(article * 7 + index) % CAPTIONS.length] as string);
    }
    plans.push({
      id: treatyId(index),
      title: `日本国と${partner}との間の${topic.long}に関する${topic.kind}`,
      short: `${partner}${topic.short}${topic.kind}`,
      paragraphs,
      captions,
      sentences: [],
    });
  }
  uniqueNames(plans);
  return plans;
}

/** The treaty document, and where each article's section starts (index = article number). */
function renderTreaty(plan: TreatyPlan, random: Random): { text: string; sectionStarts: number[] } {
  const sentence = (): string => random.pick(TREATY_SUBJECTS) + random.pick(TREATY_MIDDLES) + random.pick(TREATY_ENDS);
  let text = `---\ntreaty: ${plan.id}\ntitle: ${plan.title}\nshort: ${plan.short}\n---\n\n# ${plan.title}\n\n`;
  const sectionStarts = [0];
  plan.sentences.length = 0;
  plan.sentences.push([]);
  for (let article = 1; article <= ARTICLES_PER_TREATY; article++) {
    sectionStarts.push(text.length);
    text += `## 第${article}条（${plan.captions[article]}）\n\n`;
    const count = plan.paragraphs[article] as number;
    const firstSentences: string[] = [];
    plan.sentences.push(firstSentences);
    for (let paragraph = 1; paragraph <= count; paragraph++) {
      const label = paragraph === 1 ? '' : `${toFullWidth(paragraph)}\u3000`;
      const first = sentence();
      firstSentences.push(first);
      text += `${label}${first}${random.next() < 0.4 ? sentence() : ''}\n`;
      if (random.next() < 0.2) {
        const items = random.int(2, 4);
        for (let item = 1; item <= items; item++) text += `${toKanji(item)}\u3000${random.pick(TREATY_ITEMS)}\n`;
      }
    }
    text += '\n';
  }
  sectionStarts.push(text.length);
  return { text, sectionStarts };
}

// ---------------------------------------------------------------------------------------------
// Analyses
// ---------------------------------------------------------------------------------------------

/** One piece of an analysis in both variants; citations carry what the manifest needs. */
interface Segment {
  readonly plain: string;
  readonly linked: string;
  /** Set on a citation that is a good probe (a single, existing provision). */
  readonly probe?: boolean;
  /** Set on prose that may be typed into. */
  readonly prose?: boolean;
}

type Form = 'plain' | 'spaced' | 'fullwidth' | 'kanji';

function provisionText(form: Form, article: number, paragraph: number | null): string {
  const number = (value: number): string =>
    form === 'fullwidth' ? toFullWidth(value) : form === 'kanji' ? toKanji(value) : form === 'spaced' ? ` ${value} ` : String(value);
  return `第${number(article)}条${paragraph === null ? '' : `第${number(paragraph)}項`}`;
}

interface DocumentCounters {
  citations: number;
  dangling: number;
  hot: number;
  quotations: number;
  misquotes: number;
}

class AnalysisWriter {
  readonly segments: Segment[] = [];
  readonly counters: DocumentCounters = { citations: 0, dangling: 0, hot: 0, quotations: 0, misquotes: 0 };
  bytes = 0;

  constructor(
    private readonly random: Random,
    private readonly treaties: readonly TreatyPlan[],
    private readonly own: TreatyPlan,
    private readonly hot: TreatyPlan,
    private readonly examples: readonly string[],
    private readonly prose: boolean,
  ) {}

  push(plain: string, linked: string = plain, flags: { probe?: boolean; prose?: boolean } = {}): void {
    this.segments.push({ plain, linked, ...flags });
    this.bytes += Buffer.byteLength(plain);
  }

  pushSegments(segments: readonly Segment[]): void {
    for (const segment of segments) {
      this.segments.push(segment);
      this.bytes += Buffer.byteLength(segment.plain);
    }
  }

  /** Prose without citations: real example sentences mixed with generated ones. */
  filler(): string {
    const random = this.random;
    if (this.examples.length > 0 && random.next() < 0.3) return random.pick(this.examples);
    return random.pick(PROSE_SUBJECTS) + '、' + random.pick(PROSE_CONTEXTS) + random.pick(PROSE_PREDICATES);
  }

  link(text: string, treaty: TreatyPlan, fragment: string): string {
    return `[${text}](../treaties/${treaty.id}.md#${fragment})`;
  }

  /** The heading slug both peers compute for `## 第N条（caption）`: full-width brackets are dropped. */
  slug(treaty: TreatyPlan, article: number): string {
    return `第${article}条${treaty.captions[article]}`;
  }

  /** An existing article, never the hot one (its citations are counted exactly). */
  article(treaty: TreatyPlan): number {
    let article = this.random.int(1, ARTICLES_PER_TREATY);
    if (treaty === this.hot && article === HOT_ARTICLE) article = HOT_ARTICLE + 1;
    return article;
  }

  /** A sentence around citation segments, in one of the shapes analyses use. */
  sentence(citation: Segment[]): void {
    const random = this.random;
    const shape = random.int(0, 3);
    const before = (text: string): void => this.push(text, text, { prose: true });
    if (shape === 3) {
      before(this.filler().slice(0, -1) + '（');
      this.pushSegments(citation);
      this.push('）。');
      return;
    }
    this.pushSegments(citation);
    this.push(['では、', 'によれば、', 'に基づき、'][shape] as string);
    before(this.filler());
  }

  cite(text: string, treaty: TreatyPlan, fragment: string, probe: boolean, dangling: boolean): Segment {
    this.counters.citations++;
    if (dangling) this.counters.dangling++;
    return { plain: text, linked: this.link(text, treaty, fragment), probe };
  }

  /** One citation unit: a single provision, 同条, a list, a range or a citation qualified by another treaty. */
  unit(hotDocument: boolean, hotWanted: number): void {
    const random = this.random;
    const own = this.own;
    const form = random.pick<Form>(['plain', 'plain', 'plain', 'spaced', 'fullwidth', 'kanji', 'kanji']);
    if (hotDocument && this.counters.hot < hotWanted) {
      this.counters.hot++;
      const text = provisionText(form, HOT_ARTICLE, null);
      const qualified = own === this.hot ? text : `${this.hot.short}${text}`;
      this.sentence([this.cite(qualified, this.hot, this.slug(this.hot, HOT_ARTICLE), false, false)]);
      return;
    }
    const danglingNext = this.counters.dangling < DANGLING_RATE * this.counters.citations;
    const roll = random.next();
    if (roll < 0.1) {
      // 第N条 … 同条第M項
      const article = this.article(own);
      const paragraph = random.int(1, own.paragraphs[article] as number);
      const first = this.cite(provisionText(form, article, null), own, this.slug(own, article), true, false);
      const same = this.cite(`同条第${paragraph}項`, own, this.slug(own, article), false, false);
      this.pushSegments([first]);
      this.push('は、');
      this.push(this.filler().slice(0, -1) + 'とし、', undefined, { prose: true });
      this.pushSegments([same]);
      this.push('は、');
      this.push(this.filler(), undefined, { prose: true });
      return;
    }
    if (roll < 0.28) {
      // 第N条及び第M条 / 第N条から第M条まで (never spanning the hot article, whose citations are counted)
      let from = Math.min(this.article(own), ARTICLES_PER_TREATY - 4);
      let to = from + random.int(1, 4);
      if (own === this.hot && from < HOT_ARTICLE && to >= HOT_ARTICLE) {
        from = HOT_ARTICLE + 1;
        to = HOT_ARTICLE + 3;
      }
      const a = this.cite(provisionText(form, from, null), own, this.slug(own, from), false, false);
      const b = this.cite(provisionText(form, to, null), own, this.slug(own, to), false, false);
      const list = roll < 0.2;
      const joiner: Segment = { plain: list ? '及び' : 'から', linked: list ? '及び' : 'から' };
      const tail: Segment[] = list ? [] : [{ plain: 'まで', linked: 'まで' }];
      this.sentence([a, joiner, b, ...tail]);
      return;
    }
    const qualified = roll < 0.4 && this.treaties.length > 1;
    let treaty = own;
    while (qualified && treaty === own) treaty = random.pick(this.treaties);
    const withParagraph = random.next() < 0.35;
    if (danglingNext) {
      if (withParagraph) {
        const article = this.article(treaty);
        const paragraph = random.int(4, 6);
        const text = provisionText(form, article, paragraph);
        this.sentence([this.cite(qualified ? treaty.short + text : text, treaty, `第${article}条第${paragraph}項`, false, true)]);
      } else {
        const article = random.int(ARTICLES_PER_TREATY + 1, ARTICLES_PER_TREATY + 30);
        const text = provisionText(form, article, null);
        this.sentence([this.cite(qualified ? treaty.short + text : text, treaty, `第${article}条`, false, true)]);
      }
      return;
    }
    const article = this.article(treaty);
    const paragraph = withParagraph ? random.int(1, treaty.paragraphs[article] as number) : null;
    const text = provisionText(form, article, paragraph);
    const citation = this.cite(qualified ? treaty.short + text : text, treaty, this.slug(treaty, article), true, false);
    if (this.prose && random.next() < QUOTED_RATE) this.quote(citation, treaty.sentences[article]![(paragraph ?? 1) - 1]!);
    else this.sentence([citation]);
  }

  /**
   * The citation with the cited paragraph's first sentence quoted after it, as analyses quote a provision; a misquote
   * changes the subject (締約国 → 当事国, 合同委員会 → 合同会議), which the quotation check reports and the peers cannot.
   */
  quote(citation: Segment, sentence: string): void {
    this.counters.quotations++;
    let words = sentence.slice(0, -1);
    if (this.random.next() < MISQUOTED_RATE) {
      this.counters.misquotes++;
      words = words.replace(/締約国|合同委員会/, (subject) => (subject === '締約国' ? '当事国' : '合同会議'));
    }
    this.pushSegments([citation]);
    this.push(`は、「${words}」と定めている。`);
  }

  write(name: string, targetBytes: number, targetCitations: number, hotDocument: boolean): void {
    const random = this.random;
    this.push(`---\ncites: ${this.own.id}\n---\n\n# 分析メモ ${name}\n\n`);
    let section = 0;
    while (this.bytes < targetBytes) {
      if (section === 0 || random.next() < 0.15) {
        section++;
        this.push(`## ${SECTION_TITLES[(section - 1) % SECTION_TITLES.length]}\n\n`);
      }
      const sentences = random.int(3, 6);
      for (let index = 0; index < sentences && this.bytes < targetBytes; index++) {
        const progress = this.bytes / targetBytes;
        if (this.counters.citations < targetCitations * progress + 1) this.unit(hotDocument, Math.min(HOT_PER_DOCUMENT, HOT_PER_DOCUMENT * progress + 1));
        else this.push(this.filler(), undefined, { prose: true });
      }
      this.push('\n\n');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The workspace
// ---------------------------------------------------------------------------------------------

function evenlySpaced<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const out: T[] = [];
  for (let index = 0; index < count; index++) out.push(items[Math.floor(((index + 0.5) * items.length) / count)] as T);
  return out;
}

export interface GenerateOptions {
  /** Where to write (default: bench/out/ws/x<scale>). */
  readonly dir?: string;
  /** Mix in real sentences from ../shared/examples when it exists (default); tests read nothing outside the repository. */
  readonly examples?: boolean;
  /** The real-prose variant (bench/out/ws/x<scale>-prose): quotations of the cited provisions, some misquoted. */
  readonly prose?: boolean;
}

/** Generates (or reuses, when the manifest matches) the workspace at one size. */
export function generateWorkspace(scale: number, seed: number = DEFAULT_SEED, log: (line: string) => void = () => {}, options: GenerateOptions = {}): Manifest {
  const realProse = options.prose === true;
  const dir = options.dir ?? workspaceDir(scale, realProse);
  const manifestPath = path.join(dir, 'manifest.json');
  if (fs.existsSync(manifestPath)) {
    const existing = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
    if (existing.generatorVersion === GENERATOR_VERSION && existing.seed === seed && (existing.prose === true) === realProse && fs.existsSync(existing.plainRoot)) return existing;
  }
  const started = Date.now();
  fs.rmSync(dir, { recursive: true, force: true });
  const plainRoot = path.join(dir, 'plain');
  const linkedRoot = path.join(dir, 'linked');
  for (const root of [plainRoot, linkedRoot]) {
    fs.mkdirSync(path.join(root, 'treaties'), { recursive: true });
    fs.mkdirSync(path.join(root, 'analyses'), { recursive: true });
  }
  const random = new Random(seed ^ Math.imul(scale, 0x9e3779b1));
  const sizes = sizeOf(scale);
  const treaties = planTreaties(sizes.treaties, random);
  const hot = treaties[0] as TreatyPlan;
  const examples = options.examples === false ? [] : exampleSentences();
  let plainBytes = 0;
  let linkedBytes = 0;
  let hotSection = { start: 0, end: 0 };
  for (const plan of treaties) {
    const { text, sectionStarts } = renderTreaty(plan, random);
    if (plan === hot) hotSection = { start: sectionStarts[HOT_ARTICLE] as number, end: sectionStarts[HOT_ARTICLE + 1] as number };
    for (const root of [plainRoot, linkedRoot]) fs.writeFileSync(path.join(root, 'treaties', `${plan.id}.md`), text);
    plainBytes += Buffer.byteLength(text);
    linkedBytes += Buffer.byteLength(text);
  }

  let citations = 0;
  let dangling = 0;
  let quotations = 0;
  let misquotes = 0;
  let hotCitations = 0;
  const hotDocuments: string[] = [];
  const documentsWithProblems: string[] = [];
  const probeCandidates: Probe[][] = [];
  let bigEdits: { plain: number; linked: number }[] = [];
  let bigBytes = 0;
  const total = sizes.regular + 1;
  for (let index = 0; index < total; index++) {
    const big = index === 0;
    const name = `a${String(index).padStart(4, '0')}`;
    const relative = `analyses/${name}.md`;
    // Hot documents are spread evenly over the ordinary analyses.
    const hotDocument =
      !big && Math.floor((index * sizes.hotDocuments) / sizes.regular) !== Math.floor(((index - 1) * sizes.hotDocuments) / sizes.regular);
    const own = big ? (treaties[1 % treaties.length] as TreatyPlan) : random.pick(treaties);
    const writer = new AnalysisWriter(random, treaties, own, hot, examples, realProse);
    writer.write(
      name,
      big ? sizes.bigBytes : ANALYSIS_BYTES,
      big ? (CITATIONS_PER_ANALYSIS * sizes.bigBytes) / ANALYSIS_BYTES : CITATIONS_PER_ANALYSIS,
      hotDocument,
    );
    let plain = '';
    let linked = '';
    const probes: Probe[] = [];
    const prose: { plain: number; linked: number }[] = [];
    for (const segment of writer.segments) {
      if (segment.probe) {
        probes.push({
          path: relative,
          offset: plain.length,
          text: segment.plain,
          linkedFragmentOffset: linked.length + segment.linked.indexOf('#') + 1,
        });
      }
      if (segment.prose) {
        const middle = Math.floor(segment.plain.length / 2);
        prose.push({ plain: plain.length + middle, linked: linked.length + middle });
      }
      plain += segment.plain;
      linked += segment.linked;
    }
    fs.writeFileSync(path.join(plainRoot, relative), plain);
    fs.writeFileSync(path.join(linkedRoot, relative), linked);
    const bytes = Buffer.byteLength(plain);
    plainBytes += bytes;
    linkedBytes += Buffer.byteLength(linked);
    citations += writer.counters.citations;
    dangling += writer.counters.dangling;
    quotations += writer.counters.quotations;
    misquotes += writer.counters.misquotes;
    if (writer.counters.dangling > 0 || writer.counters.misquotes > 0) documentsWithProblems.push(relative);
    if (hotDocument) {
      hotDocuments.push(relative);
      hotCitations += writer.counters.hot;
    }
    if (big) {
      bigEdits = evenlySpaced(prose, EDITS);
      bigBytes = bytes;
    } else probeCandidates.push(probes);
  }
  const probes = evenlySpaced(probeCandidates, PROBE_DOCUMENTS).flatMap((candidates) => evenlySpaced(candidates, PROBES_PER_DOCUMENT));
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    scale,
    plainRoot,
    linkedRoot,
    treaties: treaties.length,
    analyses: total,
    plainBytes,
    linkedBytes,
    citations,
    dangling,
    ...(realProse ? { prose: true, quotations, misquotes } : {}),
    links: citations,
    brokenLinks: dangling,
    documentsWithProblems,
    big: {
      path: 'analyses/a0000.md',
      bytes: bigBytes,
      editOffsets: bigEdits.map((edit) => edit.plain),
      linkedEditOffsets: bigEdits.map((edit) => edit.linked),
    },
    hot: {
      treatyPath: `treaties/${hot.id}.md`,
      article: HOT_ARTICLE,
      documents: hotDocuments,
      citations: hotCitations,
      sectionStart: hotSection.start,
      sectionEnd: hotSection.end,
    },
    probes,
  };
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  log(
    `generated ×${scale}: ${treaties.length} treaties, ${total} analyses, ${(plainBytes / 1e6).toFixed(1)} MB, ` +
      `${citations} citations (${dangling} dangling)${realProse ? `, ${quotations} quotations (${misquotes} misquoted)` : ''}, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return manifest;
}

if (require.main === module) {
  const scale = Number(argValue(process.argv, '--scale') ?? '1');
  const seed = Number(argValue(process.argv, '--seed') ?? String(DEFAULT_SEED));
  generateWorkspace(scale, seed, (line) => console.log(line), { prose: process.argv.includes('--prose') });
}
