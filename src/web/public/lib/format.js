/** Chinese labels and number formats shared by every view (mirrors src/progress/types.ts). */

export const STATUS_LABELS = {
  met: '已达标',
  on_track: '进度正常',
  behind: '进度滞后',
  missed: '未达标',
  unreported: '未填报',
};
export const STATUS_ORDER = ['met', 'on_track', 'behind', 'missed', 'unreported'];

export const QUALITATIVE_LABELS = { not_started: '未启动', in_progress: '推进中', done: '已完成' };
export const STATE_LABELS = { reported: '已填报', verified: '已核实', returned: '退回' };
export const ROLE_LABELS = { admin: '管理员', statistician: '填报员', evaluator: '评估员', leader: '领导' };
export const ORIGIN_LABELS = { extracted: '抽取', edited: '人工修改', manual: '人工添加' };
export const OP_LABELS = {
  gte: '不少于（≥）',
  gt: '超过（>）',
  eq: '等于（=）',
  approx: '左右（≈）',
  range: '区间',
  lte: '不超过（≤）',
  lt: '低于（<）',
};

/** A number as a table shows it: at most two decimals, thousands grouped. */
export function formatNumber(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number(value.toFixed(2)).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** `20 门`, `30%`. */
export function formatAmount(value, unit) {
  if (value === null || value === undefined) return '—';
  return unit === '%' || !unit ? `${formatNumber(value)}${unit ?? ''}` : `${formatNumber(value)} ${unit}`;
}

/** A ratio as a percentage (`0.873` → `87.3%`), or `—`. */
export function formatPercent(ratio, digits = 1) {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${Number((ratio * 100).toFixed(digits))}%`;
}

/** The target in words (`不少于 20 门`, `15-20%`), as src/progress/describe-target.ts says it. */
export function describeTarget(t) {
  const amount = formatAmount(t.value, t.unit);
  switch (t.op) {
    case 'gte':
      return `不少于 ${amount}`;
    case 'gt':
      return `超过 ${amount}`;
    case 'lte':
      return `不超过 ${amount}`;
    case 'lt':
      return `低于 ${amount}`;
    case 'approx':
      return `${amount}左右`;
    case 'range':
      return t.max === null ? `${amount}以上` : `${formatNumber(t.value)}-${formatAmount(t.max, t.unit)}`;
    default:
      return amount;
  }
}

/** `2025-03-01 14:05` from an ISO time. */
export function formatTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The Chinese half of a `中文 / English` message. */
export function chinese(message) {
  if (!message) return '';
  const cut = message.indexOf(' / ');
  return cut > 0 ? message.slice(0, cut) : message;
}

/** What a role may do; the server checks the same rules (src/http/auth.ts CAN). */
const CAN = {
  importPlan: ['evaluator'],
  editTargets: ['evaluator'],
  setTaskStatus: ['evaluator'],
  verifyMeasurements: ['evaluator'],
  recordMeasurements: ['statistician'],
};

/** @param {{role: string} | null} user @param {keyof typeof CAN} action */
export function can(user, action) {
  return !!user && (user.role === 'admin' || CAN[action].includes(user.role));
}

/**
 * A field's error as shown beside that field: the field's own name in front is dropped
 * (`数值（value）：必须填写` → `必须填写`, `数值：数值应为非负数` → `数值应为非负数`).
 */
export function fieldMessage(message) {
  const named = Object.values(FIELD_NAMES).join('|');
  return message
    .replace(/^[^：:]{0,24}（[A-Za-z0-9_.]+）[：:]\s*/, '')
    .replace(new RegExp(`^(?:[A-Za-z0-9_.]+|${named})[：:]\\s*`), '');
}

/** Field names the API may put in front of a message (`value：…`), in the user's words. */
const FIELD_NAMES = {
  year: '年度',
  value: '数值',
  member: '成员',
  numerator: '分子',
  denominator: '分母',
  note: '备注',
  subject: '指标对象',
  unit: '单位',
  deadline: '完成年份',
  max: '上限',
};

/** An issue message in Chinese only: the English half dropped, an English field name translated. */
export function issueMessage(message) {
  return chinese(message).replace(/^([A-Za-z]+)([：:])/, (all, key, colon) =>
    FIELD_NAMES[key] ? FIELD_NAMES[key] + colon : all,
  );
}
