import { alternation, compose, words } from '../rules/rule';
import {
  CHANGE_WORDS,
  COUNT_WORDS,
  DURATION_WORDS,
  LEVEL_VERBS,
  LIST_JOINER,
  OP_WORDS,
  PER_HEAD_NOUNS,
  SIZE_UNITS,
} from '../lexicon';
import { MEMBER_HEAD } from '../scopes/rules';
import { ADVERBS, GOVERNING_VERBS, MEASURE_HEADS, VERB_NOUNS, VERBS } from './verbs';

/**
 * A trimming rule: a named pattern anchored at one edge of a candidate subject, removed while
 * what remains still names something. `keep` vetoes the cut (e.g. `培训规模` must keep `培训`).
 */
interface TrimRule {
  name: string;
  pattern: RegExp;
  keep?: (rest: string) => boolean;
}

// Named parts.
const YEAR = '(?:19|20)[0-9]{2}\\s*';
const VERB = `(?:${alternation(VERBS)})`;
/** `新建、改建`: verbs joined into one predicate */
/** `新建、改建`, `新建改建`: verbs joined into one predicate (building verbs may touch) */
const VERB_RUN = `${VERB}(?:[、和及与或]${VERB}|${alternation(words('新建 改建 扩建 新改建 改扩建 改造 提升 建设 实施'))})*`;
const startsWithVerb = new RegExp(`^${VERB}`);
const isVerbNoun = new RegExp(`^(?:${alternation(VERB_NOUNS)})`);
/** Verbs of completion written after what they complete: `5条断头路贯通`, `50个项目成功入库`. */
const COMPLETION_AFTER = words(
  '贯通 入库 通车 建成 完工 投用 投运 投产 开工 竣工 上线 达标 挂牌 落地 签约 销号 验收',
);
/** the predicate between a subject on the left and its figure */
const PREDICATES = [
  ...OP_WORDS,
  ...LEVEL_VERBS,
  ...CHANGE_WORDS.rise,
  ...CHANGE_WORDS.fall,
  ...words(
    '达到 达 实现 为 是 有 在 到 至 提高 提升 增长 增加 下降 降低 减少 缩短 压缩 控制 保持 稳定 维持 突破',
  ),
  ...words(
    '挂牌 建成 完成 新增 累计 拥有 占 增至 降至 年均 每年 力争 确保 争取 基本 总计 合计 共计 共 约 分别 同比 平均',
  ),
];
const PREDICATE_WORDS = new Set([...PREDICATES, ...GOVERNING_VERBS]);
/** scope words in front of a subject that are not what is counted: `全市森林覆盖率` → `森林覆盖率` */
const SCOPE_WORDS = words(
  '全市 全省 全县 全区 全州 全镇 全乡 全国 全年 各类 各种 各项 所有 全部 现有 相关 其中 其余 同时 并',
);
/** units that alone cannot be a subject: `培训人次` keeps its verb */
const BARE_UNITS = new Set([...COUNT_WORDS, ...DURATION_WORDS, ...MEASURE_HEADS]);

const isMeaningless = (rest: string): boolean =>
  rest.length < 2 || BARE_UNITS.has(rest) || /^[的之与和及、]/.test(rest);
/** `植树造林`: a verb followed only by another verb is one activity, kept whole. */
const LONE_VERB = new RegExp(`^${VERB}$`);
const isLoneVerb = (rest: string): boolean => LONE_VERB.test(rest);
/** `保障性住房`, `服务型政府`: a verb followed by 性/型/类 forms an adjective, not a predicate. */
const keepVerb = (rest: string): boolean =>
  isMeaningless(rest) || isLoneVerb(rest) || /^[性型类式]/.test(rest);

const EDGE_LEFT: TrimRule[] = [
  { name: 'punctuation and quotes at the edge', pattern: /^[\s，、：:；,]+/ },
  {
    name: 'list joiner opening an item (以及安防工程, 和充电桩)',
    pattern: compose('', `^${LIST_JOINER}`),
    keep: isMeaningless,
  },
  {
    name: 'list marker ((二), 1., 一、)',
    pattern:
      /^(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.、．]|[一二三四五六七八九十]{1,2}[、是])/,
  },
  {
    name: 'due date (到2025年, 2023年底前)',
    pattern: compose('', `^(?:到|至|力争到|在|于)?\\s*${YEAR}年(?:底|末|年底|年末)?(?:前|以前|之前)?`),
  },
  {
    name: 'due date without a year (年底前, 年内)',
    pattern: /^(?:年底前|年底|年内|年末前?|年初|上半年|下半年|当年)(?=[\u4e00-\u9fa5]{2})/,
  },
  {
    name: 'plan period end (“十四五”末)',
    pattern: /^(?:到|至)?[“"]?十[一二三四五六七八九]五[”"]?(?:末|期末|期间|时期)/,
  },
  { name: 'yearly rate (每年, 年均)', pattern: /^(?:每一?年度?|年均)/ },
  { name: 'yearly verb (年培训)', pattern: compose('', `^年(?=${VERB})`) },
  {
    name: 'scope word (全市, 各类)',
    pattern: compose('', `^(?:${alternation(SCOPE_WORDS)})`),
    keep: isMeaningless,
  },
  {
    name: 'adverbs before a verb (积极创建, 将力争接待)',
    pattern: compose('', `^(?:${alternation(ADVERBS)})+(?=${VERB}|${alternation(GOVERNING_VERBS)})`),
  },
  {
    name: 'prepositional phrase before a verb (为乡镇卫生院招聘)',
    pattern: compose('', `^(?:为|向|对|给|帮助|在)[\\u4e00-\\u9fa5（）()]{1,12}?(?=${VERB})`),
  },
  {
    name: 'governing verb (确保, 推动)',
    pattern: compose('', `^(?:${alternation(GOVERNING_VERBS)})`),
    keep: keepVerb,
  },
];
/** Verbs of completion before an activity: `完成投资` counts `投资`, `完成植树造林` counts `植树造林`. */
const GENERIC_VERB: TrimRule = {
  name: 'completion verb before an activity (完成投资)',
  pattern: compose('', `^(?:${alternation(words('完成 实现 新增 开展 组织 累计 全年完成'))})(?=${VERB}$)`),
};
/** In verb-object order (`新建5G基站1.2万个`) the leading action verb is cut. */
const ACTION_VERB: TrimRule = {
  name: 'action verb (建设, 新培育)',
  pattern: compose('', `^新?${VERB_RUN}`),
  keep: keepVerb,
};
const MEASURE_END = new RegExp(
  `(?:${alternation(words('率 额 量 值 比 标准 比重 强度 规模 时限 期限 年限 时间 时长 经费 投入 收入 总量 面积 比例 占比 指数 水平 能力 密度 浓度 天数 人数 次数 数'))})$`,
);
/**
 * Before a predicate, a leading verb is kept when the phrase names a measure (`审批时限`,
 * `研发经费投入`) and cut when it names things acted on (`举办招聘会不少于20场`).
 */
const ACTION_VERB_BEFORE_THINGS: TrimRule = {
  name: 'action verb before the things it acts on (培训各类乡村人才)',
  pattern: compose('', `^${VERB_RUN}`),
  keep: (rest) => keepVerb(rest) || MEASURE_END.test(rest),
};
const PREPOSITION: TrimRule = {
  name: 'preposition (到企业, 对…)',
  pattern: /^(?:到|对|向|把|让|使|在|于)/,
  keep: isMeaningless,
};

export const RIGHT_TRIMS: TrimRule[] = [
  { name: 'punctuation at the edge', pattern: /[\s，、：:；,的]+$/ },
  {
    name: 'predicate before the figure (达到, 稳定在, 下降)',
    pattern: compose('', `(?:${alternation(PREDICATES)})$`),
    keep: (r) => r.length < 1,
  },
  {
    name: 'per-head scale written after the predicate (床位数达到每千人口)',
    pattern: compose(
      '',
      `每\\s*(?:[0-9０-９]+|[一二两三四五六七八九十百千万]+)\\s*(?:${alternation(PER_HEAD_NOUNS)})$`,
    ),
    keep: (r) => r.length < 2,
  },
  {
    name: 'frequency or per-head rate after the predicate (达到每日, 提高到每人每月)',
    pattern: /每\s*(?:人|户|日|天|月|周)(?:每\s*(?:年|月|日|天))?$/,
    keep: (r) => r.length < 2,
  },
  {
    name: 'base year (较2020年, 比上年)',
    pattern: compose('', `(?:较|比|与|同)\\s*(?:${YEAR}年(?:底|末)?|上年|去年|上一年|基期)(?:相比)?\\s*$`),
  },
  {
    name: 'task word after a project (建设任务, 认定)',
    pattern: /(?:的)?(?:建设任务|创建任务|建设|任务|认定|创建|工作|等)$/,
    // `违法建设`, `违章建设` name structures, not a task
    keep: (rest) => isMeaningless(rest) || /(?:违法|违章)$/.test(rest),
  },
  { name: 'dangling conjunction', pattern: /(?:和|及|以及|与|或|、)$/ },
  {
    name: 'completion verb after the noun (断头路贯通, 项目成功入库)',
    pattern: compose('', `(?:成功|顺利|全部|全面|基本)?(?:${alternation(COMPLETION_AFTER)})$`),
    keep: isMeaningless,
  },
  { name: 'starting value (办理时限由20个工作日)', pattern: /(?:由|从)[^由从]{0,20}$/, keep: isMeaningless },
];

/** Applies trim rules at one edge until none applies. */
function trim(s: string, rules: TrimRule[], edge: 'left' | 'right', rounds = 20): string {
  for (let changed = true, guard = 0; changed && guard < rounds; guard++) {
    changed = false;
    for (const rule of rules) {
      if (edge === 'left' && isVerbNoun.test(s)) return s;
      const m = rule.pattern.exec(s);
      if (!m || m[0] === '') continue;
      const rest = edge === 'left' ? s.slice(m[0].length) : s.slice(0, s.length - m[0].length);
      if (rule.keep?.(rest)) continue;
      s = rest;
      changed = true;
    }
  }
  return s;
}

/** Verbs that end a noun phrase written after the unit: `4 所学校进入…序列` → `学校`. */
const STOP_VERBS = words(
  '进入 入选 获得 获评 通过 达到 纳入 列入 参与 参加 承担 实现 完成 覆盖 用于 开展 作为 成为 以上 以下',
  // adverbs that open the predicate after the noun: `3万名农村妇女免费开展…`
  '免费 全部 均 都 已 将 分别 按照 按',
);
const AFTER_STOP = new RegExp(
  `[，。；;,：:！？!?\\n]|等(?![级次])|(?<=[\\u4e00-\\u9fa5]{2})到(?!位|期|达)|(?:和|及|以及|与|、|或)\\s*(?=[0-9０-９一二两三四五六七八九十每各])|${alternation(STOP_VERBS)}`,
);
/**
 * Words that open a new predicate after a figure (`10%以上实现…`). Other verbs there modify the
 * noun (`20个培训基地`, `1000亩新增建设用地指标`) and stay in the subject.
 */
const OPENS_PREDICATE = new RegExp(
  `^(?:${alternation([...OP_WORDS, ...GOVERNING_VERBS, ...STOP_VERBS, ...words('提高 提升 增长 下降 降低 减少 带动 惠及 辐射 吸纳 实施')])}|(?:${alternation(ADVERBS)})(?=${VERB}))`,
);

/**
 * The subject written after the figure (`培育 20 门左右市级思政示范课程` → `市级思政示范课程`), or null
 * when the figure closes its clause or a predicate follows it.
 * @param after the text after the quantity, up to the next figure
 */
export function subjectAfter(after: string): string | null {
  // `3000套（间）`: a second unit in brackets is part of the quantity.
  after = after.replace(/^（[^）]{1,4}）/, '');
  if (/^\s*[、，。；;,：:！？!?]/.test(after)) return null;
  // `危桥改造30座以及安防工程200公里`: a joiner opens the next item, whose subject this is not.
  if (LIST_ITEM_AFTER.test(after)) return null;
  const lead = /^[\s的]*/.exec(after)![0].length;
  let s = after.slice(lead, lead + 40);
  // `1条5公里以上的健身步道`: a size qualifier belongs to the noun it describes.
  const size = SIZE_QUALIFIER.exec(s)?.[0].length ?? 0;
  const stop = AFTER_STOP.exec(s.slice(size));
  if (stop) s = s.slice(0, size + stop.index);
  s = s.slice(0, predicateAfterMember(s));
  if (!s || /^[A-Za-z]?$/.test(s)) return null;
  const opener = OPENS_PREDICATE.exec(s);
  // `补贴` alone names the thing; `实现…` opens a new predicate.
  if (opener && opener[0].length < s.length && !BARE_UNITS.has(s.slice(opener[0].length))) return null;
  return trim(trim(s, RIGHT_TRIMS, 'right'), [EDGE_LEFT[0]!], 'left') || null;
}

const LIST_ITEM_AFTER = compose('', `^\\s*${LIST_JOINER}(?!\\s*[0-9０-９])`);
const SIZE_QUALIFIER = compose(
  '',
  `^[0-9０-９.．]+\\s*[万千]?(?:${alternation(SIZE_UNITS)})(?:及)?(?:以上|以下)的`,
);
const VERB_AT = compose('y', VERB);
/**
 * Where a predicate starts after a noun naming members (`500名困难重度残疾人实施…`,
 * `2家定点医疗机构开通…`): at the first verb that follows a member head. A phrase that itself
 * ends in a member head is one compound noun (`10个“双师型”教师培养培训基地`).
 */
function predicateAfterMember(s: string): number {
  if (MEMBER_HEAD.test(s)) return s.length;
  for (let i = 2; i < s.length; i++) {
    // member heads are at most three characters: a short window keeps the scan linear
    if (!MEMBER_HEAD.test(s.slice(Math.max(0, i - 3), i))) continue;
    VERB_AT.lastIndex = i;
    if (VERB_AT.test(s) && !isVerbNoun.test(s.slice(i))) return i;
  }
  return s.length;
}

/** `市本级财政安排乡村振兴专项资金`: a funder and its funding verb before the money it provides. */
const FUNDING = new RegExp(
  `^[\\u4e00-\\u9fa5]{1,8}?(?:财政|政府|部门|本级|市级|县级|省级|企业)(?:每年)?(?:${alternation(words('安排 投入 筹集 统筹 整合 拨付 下达 设立'))})`,
);
const fundedBy = (s: string): string => {
  const m = FUNDING.exec(s);
  return m && s.length - m[0].length >= 2 ? s.slice(m[0].length) : s;
};

/**
 * The subject written before the figure, from the clause text that precedes the op word
 * (`全市森林覆盖率达到` → `森林覆盖率`, `每年培训各类乡村人才` → `乡村人才`).
 * @param predicate an op word or predicate stands between subject and figure (subject-first order)
 */
export function subjectBefore(before: string, predicate = false): string {
  const right = trim(before, RIGHT_TRIMS, 'right');
  const hasPredicate = predicate || right.length < before.replace(/[\s，、：:；,的]+$/, '').length;
  const verbRule = hasPredicate ? ACTION_VERB_BEFORE_THINGS : ACTION_VERB;
  // One action verb at most: `完成植树造林` → `植树造林`, `年均新增造林绿化面积` → `造林绿化面积`.
  const opened = trim(right, EDGE_LEFT, 'left');
  // After the action verb only edges remain to trim: `建设保障性租赁住房` keeps `保障性`.
  const afterVerb = EDGE_LEFT.filter((r) => !r.name.startsWith('governing'));
  // A second verb goes too (`引进培育高层次人才`) unless the phrase then names a measure.
  const acted = trim(
    trim(opened, [GENERIC_VERB, verbRule], 'left', 1),
    [ACTION_VERB_BEFORE_THINGS],
    'left',
    1,
  );
  const subject = trim(fundedBy(acted), [...afterVerb, PREPOSITION], 'left');
  // A verb or adverb left alone (`力争`) names nothing: the caller then looks elsewhere.
  return PREDICATE_WORDS.has(subject) || ADVERBS.includes(subject) || subject.length < 2 ? '' : subject;
}

export { startsWithVerb, isLoneVerb };
