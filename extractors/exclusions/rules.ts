import {
  alternation,
  clauseSpan,
  compose,
  firstChars,
  matchRules,
  words,
  type Found,
  type Rule,
} from '../rules/rule';
import {
  PAST_LEAD_IN,
  AIM_DATES,
  AIM_WORDS,
  OP_WORDS,
  OWN_ITEM_LEADS,
  STATE_LEAD_INS,
  OWN_ITEM_NOUNS,
  PER_HEAD_NOUNS,
  REPORT_WORDS,
  SIZE_UNITS,
  YEAR_ON_YEAR_WORDS,
} from '../lexicon';

/** Why a stretch of text holds no target: a number inside it is part of a name, a date, … */
export type Reason =
  'name' | 'ordinal' | 'date' | 'document' | 'vague' | 'period' | 'attribute' | 'past' | 'start';

// Named parts.
const HAN = '[\\u4e00-\\u9fa5]';
const CN_DIGIT = '[零〇一二两三四五六七八九十百千]';
const ANY_DIGIT = '[0-9０-９零〇一二两三四五六七八九十百千]';
/** a run of digits, matched from its first digit only (no restart inside a long run) */
const DIGITS = `(?<![0-9０-９零〇一二两三四五六七八九十百千.．])${ANY_DIGIT}{1,12}`;
/** Names and idioms built on numerals; data, so a new one is a one-word change. */
export const NUMERAL_NAMES = words(
  '一张网 一张图 一张蓝图 一件事 一条龙 一门式 一次性 一次办 跑一次 一网通 一网统管 一盘棋 一站式 一把手',
  '一路 一体化 一对一 一窗 一码通 一卡通 一线 一流 一级 一类 一号 一套 一支 一项 一种 一道 一般 一直 一致 之一',
  '万一 唯一 统一 同一 进一步 东三省 两个维护 两个确立 四个意识 四个自信 三个代表 五位一体 四个全面',
  '两学一做 三农 双一流 两新 一老一小 一带一路 二十大 十九大 三公 一个不落 一个都不能少 两个责任 一个中心',
);
/** Vague quantities: a count without a figure. */
export const VAGUE_WORDS = words('一批 一大批 一系列 一揽子 一部分 一些 一定 一定比例');
/** What a duration before it frames in time, not a target: `三年行动`, `五年一贯制`, `两到三年内完成`. */
const TIME_FRAME_AFTER = '(?:行动|规划|计划|攻坚|一贯制|制|期间|时间|努力|来|以来|内(?!容))';
const PAST_MARKERS = [...REPORT_WORDS, ...YEAR_ON_YEAR_WORDS];
const YEAR_ON_YEAR = new RegExp(alternation(YEAR_ON_YEAR_WORDS));
/** A qualifier, an op word or a due date aims a figure (`同比增长10%以上`): a report states it bare. */
const AIMED = new RegExp(`${alternation(AIM_WORDS)}|${AIM_DATES}`);
/** A due date leading the sentence (`到2025年，累计建成…`) aims every clause after it. */
const AIM_DATE = new RegExp(AIM_DATES);
const SENTENCE_START = /[。；;！？!?\n]/;
/** Whether the clause aims, or a due date earlier in its sentence does. */
function aims(text: string, at: number, clause: string): boolean {
  if (AIMED.test(clause)) return true;
  let start = at;
  while (start > 0 && at - start < 120 && !SENTENCE_START.test(text[start - 1]!)) start--;
  return AIM_DATE.test(text.slice(start, at));
}

export const EXCLUSION_RULES: Rule<Reason>[] = [
  {
    name: 'quoted name (“三全育人”, “1+X”)',
    needs: '“"「',
    pattern: /“[^”]{0,30}”|"[^"]{0,30}"|「[^」]{0,30}」/g,
    produce: () => 'name',
  },
  { name: 'title of a document (《…》)', needs: '《', pattern: /《[^》]{0,80}》/g, produce: () => 'name' },
  {
    name: 'document number (〔2019〕4号)',
    needs: '号',
    pattern:
      /[〔［\[【(（][0-9０-９]{4}[〕］\]】)）]\s*[0-9０-９]+\s*号|(?<![0-9０-９])[0-9０-９]{1,8}\s*号/g,
    produce: () => 'document',
  },
  {
    name: 'vague quantity (一批, 一定比例)',
    needs: '一',
    pattern: compose('g', `(?:${alternation(VAGUE_WORDS)})`),
    produce: () => 'vague',
  },
  {
    name: 'numeral names and idioms (一村一名, 东三省, 二十大)',
    needs: firstChars(NUMERAL_NAMES) + '一十',
    pattern: compose(
      'g',
      `(?:${alternation(NUMERAL_NAMES)})|一${HAN}一${HAN}|十[一二三四五六七八九]?(?:届|大)`,
    ),
    produce: () => 'name',
  },
  {
    name: 'bare scale word before a measure word (千所优质校, 百县千乡)',
    needs: '百千万亿',
    pattern: /(?<![0-9０-９零〇一二两三四五六七八九十百千万亿]\s?)[百千万亿](?=[所家个项人村县乡企户校])/g,
    produce: () => 'name',
  },
  {
    name: 'plan period (十四五)',
    needs: '五',
    pattern: compose('g', `十[一二三四五六七八九]五`),
    produce: () => 'period',
  },
  {
    name: 'ordinal (第一, 第3)',
    needs: '第',
    pattern: compose('g', `第\\s*${ANY_DIGIT}{1,12}`),
    produce: () => 'ordinal',
  },
  {
    name: 'list marker ((三), （1）, 1. at the start, 一是)',
    needs: '（(是、.．①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳',
    pattern: compose(
      'g',
      `[（(]\\s*${ANY_DIGIT}{1,3}\\s*[）)]|^\\s*[0-9０-９]{1,2}\\s*[.、．](?![0-9])|${CN_DIGIT}{1,2}(?:是|、)|[①-⑳]`,
    ),
    produce: () => 'ordinal',
  },
  {
    name: 'date (2023年, 6月底, 3月15日)',
    needs: '年月日号',
    pattern: compose(
      'g',
      `(?<![0-9０-９])(?:19|20)[0-9]{2}\\s*(?:年|[-－—–~～至到]\\s*(?:19|20)[0-9]{2}\\s*年)|${ANY_DIGIT}{1,3}\\s*月(?!份?\\s*以[上下内])|${ANY_DIGIT}{1,3}\\s*[日号]`,
    ),
    produce: () => 'date',
  },
  {
    name: 'number glued to Latin letters or a plus (5G, PM2.5, 1+X, 3+2)',
    needs: /[A-Za-z+]/,
    pattern:
      /(?<![A-Za-z])[A-Za-z]{1,8}[0-9.]{1,8}|(?<![0-9])[0-9]{1,12}(?!(?:Mbps|Gbps|GB|TB|MW|kW|km|KM)(?![A-Za-z]))[A-Za-z]{1,8}|(?<![0-9A-Za-z])[0-9A-Za-z]{1,12}\s*\+\s*[0-9A-Za-z]{1,12}/g,
    produce: () => 'name',
  },
  {
    name: 'time frame (三年行动, 两到三年内完成, 用三年时间, 每两年, 近三年, 连续3年)',
    needs: '年月周天',
    pattern: compose(
      'g',
      `(?:${DIGITS}\\s*(?:[-－—～~至到]\\s*${ANY_DIGIT}{1,12}\\s*)?(?:个)?(?:年|个月|月|周|天)${TIME_FRAME_AFTER})|(?:每|近|连续|用|通过|经过|历时)\\s*${ANY_DIGIT}{1,12}\\s*(?:个)?(?:年|月|周|天)`,
    ),
    produce: (m, text) =>
      /(?:压缩|缩短|控制|不超过|减少|降)[至到在]?\s*$/.test(text.slice(Math.max(0, m.index - 4), m.index))
        ? null
        : 'period',
  },
  {
    name: 'per-capita scale (每千人口, 每万人)',
    needs: '每',
    pattern: compose(
      'g',
      `每\\s*${ANY_DIGIT}{1,12}(?=\\s*[万千百]?(?:${alternation([...PER_HEAD_NOUNS, '名', '个', '平方'])}))`,
    ),
    produce: () => 'attribute',
  },
  {
    name: 'age or size describing the noun after it (60岁以上老年人, 5000万元以上的项目)',
    needs: '岁的',
    pattern: compose(
      'g',
      `${DIGITS}[0-9０-９.]{0,6}\\s*(?:[-－—～~至到]\\s*${ANY_DIGIT}{1,12}\\s*)?(?:周岁|岁)(?:及以上|以上|以下|及以下)?(?=${HAN})|(?<![0-9０-９.])[0-9０-９.]{1,15}\\s*[万亿千]?(?:${alternation(SIZE_UNITS)})(?:及)?(?:以上|以下)的`,
    ),
    produce: (m, text) =>
      /^(?:以上|以下)?[，。；]/.test(text.slice(m.index + m[0].length)) ? null : 'attribute',
  },
  {
    name: 'starting value of a change (由20个工作日压缩至…)',
    needs: '由从',
    pattern: compose(
      'g',
      `[由从]\\s*[0-9０-９.]{1,15}\\s*[万亿千]?[^，。；0-9０-９]{0,8}?(?:提高|提升|增加|增长|压缩|缩短|降低|下降|减少|扩大|调整)?(?:到|至)`,
    ),
    produce: () => 'start',
  },
  {
    name: 'service-hour and walking-time names (24小时自助服务, 15分钟生活圈)',
    needs: '小分',
    pattern:
      /(?:[0-9０-９]{1,2}\s*[×xX*]\s*)?24\s*小时(?=[\u4e00-\u9fa5])(?!以[内上下]|之内|内)|[0-9０-９]{1,3}\s*分钟(?=[\u4e00-\u9fa5]{0,6}圈)/g,
    produce: () => 'name',
  },
  {
    name: 'distance or time in an indicator name (公交站点500米覆盖率, 30分钟通达率)',
    needs: '米里钟时',
    pattern: compose(
      'g',
      `${DIGITS}\\s*(?:米|公里|千米|分钟|小时)(?=[\\u4e00-\\u9fa5]{0,4}(?:覆盖率|通达率|可达率|服务半径|服务圈|生活圈|健身圈|救援圈))`,
    ),
    produce: () => 'name',
  },
  {
    name: 'parts of a text (从5个方面)',
    needs: '方',
    pattern: compose('g', `${DIGITS}\\s*个?方面`),
    produce: () => 'name',
  },
  {
    name: 'count of the divisions a plan covers (全市12个县（市、区）)',
    needs: '全',
    pattern: compose('g', `全[市省县区州]\\s*${DIGITS}\\s*个?(?=县|市|区|乡|镇|街道|村|社区|部门|单位)`),
    produce: () => 'attribute',
  },
  {
    name: "count of the document's own items (今年确定12件民生实事, 其余5项中)",
    needs: firstChars(OWN_ITEM_LEADS),
    pattern: compose(
      'g',
      `(?:${alternation(OWN_ITEM_LEADS)})的?\\s*${DIGITS}\\s*[件项个类条大]\\s*(?:${alternation(OWN_ITEM_NOUNS)})`,
    ),
    produce: () => 'attribute',
  },
  {
    name: 'session of a congress (十八届人大三次会议)',
    needs: '次',
    pattern: compose('g', `${CN_DIGIT}{1,3}次(?:会议|全会|全体会议|代表大会)`),
    produce: () => 'name',
  },
  {
    name: 'a service given once to each person (提供一次健康体检), a fixed phrase',
    needs: '一',
    pattern: /(?<![0-9０-９])一次(?=[\u4e00-\u9fa5])(?!以上|及以上)/g,
    // `至少开展一次应急演练` counts the drills a body must hold: that is a target.
    produce: (m, text) =>
      new RegExp(`(?:${alternation(OP_WORDS)})[^，。；]{0,4}$`).test(
        text.slice(Math.max(0, m.index - 10), m.index),
      )
        ? null
        : 'name',
  },
  {
    name: 'project phase (二期工程)',
    needs: '期',
    pattern: compose('g', `${DIGITS}\\s*期(?=工程|项目|建设|改造|扩建)`),
    produce: () => 'name',
  },
  {
    name: 'fraction (三分之一)',
    needs: '之',
    // 百分之 / 千分之 write a percentage (the numbers dimension reads them), not a fraction.
    pattern: compose('g', `(?![百千]分之)${DIGITS}分之${ANY_DIGIT}{1,12}`),
    produce: () => 'vague',
  },
  {
    name: 'past report in its clause (已建成, 截至, 同比, 较上年 without an aim)',
    needs: firstChars(PAST_MARKERS),
    pattern: compose('g', `(?:${alternation(PAST_MARKERS)})`),
    produce: (m, text, clause) => (YEAR_ON_YEAR.test(m[0]) && aims(text, m.index, clause) ? null : 'past'),
  },
  {
    name: 'past lead-in (“十三五”期间，… ; 2023年以来，…)',
    needs: '五年来',
    pattern: compose('g', `(?<=^|[。；;！？!?\n])\s*(?:${PAST_LEAD_IN})`),
    produce: () => 'past',
  },
  {
    name: 'running total without an aim (累计建成 … , no due date)',
    needs: '累',
    pattern: /累计/g,
    produce: (m, text, clause) => (aims(text, m.index, clause) ? null : 'past'),
  },
];

const STATE_LEAD_IN = new RegExp(`^\\s*(?:${alternation(STATE_LEAD_INS)}|${PAST_LEAD_IN})`);
const SENTENCE_END = /[。；;！？!?\n]/;
/** A state lead-in opening its sentence (`目前，…`, `截至6月底，…`) makes the whole sentence a report. */
function leadInSentence(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const lead = text.slice(span.start, span.end);
  if (!STATE_LEAD_IN.test(lead) || lead.length > 16) return span;
  let end = span.end;
  while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
  return { start: span.start, end };
}

/** Every stretch of the text where a number is not a target, with the reason. */
export function findExclusions(text: string): Found<Reason>[] {
  let clause = { start: -1, end: -1 };
  return matchRules(text, EXCLUSION_RULES).map((f) => {
    if (f.value !== 'past') return f;
    // A past marker reports on its whole clause; markers in one clause share its bounds.
    if (f.start >= clause.end) clause = leadInSentence(text, clauseSpan(text, f.start, f.end));
    return { ...f, start: clause.start, end: clause.end };
  });
}

/** The dimension's probe: why the longest excluded stretch holds no target, or null. */
export function probeExclusion(text: string): Reason | null {
  let best: Found<Reason> | null = null;
  for (const f of findExclusions(text)) if (!best || f.end - f.start > best.end - best.start) best = f;
  return best?.value ?? null;
}
