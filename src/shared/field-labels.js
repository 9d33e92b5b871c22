// @ts-check
/**
 * The Chinese name of every field users send or read, so an error, a form and a history
 * line all call a field the same thing (`年度（year）`). A target's own fields have their
 * own list because its `value` is a 目标值 where a figure's `value` is a 数值.
 */

/** A target's fields (the gold schema's), in the order forms and histories list them. */
export const TARGET_FIELD_LABELS = Object.freeze({
  quote: '原文',
  subject: '指标对象',
  op: '比较方式',
  value: '目标值',
  max: '上限',
  unit: '单位',
  deadline: '完成年份',
  per: '按年',
  each: '按成员',
  base: '比例基数',
  change: '比基期变化',
  baseYear: '基期年份',
});
/** @typedef {keyof typeof TARGET_FIELD_LABELS} TargetFieldName */

/** Every other field of a request, a figure or a setting. @type {Readonly<Record<string, string>>} */
export const FIELD_LABELS = Object.freeze({
  ...TARGET_FIELD_LABELS,
  id: '编号',
  year: '年度',
  value: '数值',
  member: '成员',
  members: '成员列表',
  numerator: '分子',
  denominator: '分母',
  note: '备注',
  revision: '版本号',
  title: '标题',
  issuer: '发文单位',
  text: '正文',
  file: '文件',
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  role: '角色',
  status: '状态',
  state: '核实状态',
  startYear: '起始年份',
  documentNumber: '文号',
  jurisdiction: '辖区',
  targets: '目标列表',
  parts: '拆分后的目标',
  fields: '合并后的目标',
  with: '要合并的目标',
  start: '原文起点',
  end: '原文终点',
  horizonYear: '规划期末年份',
  name: '名称',
  kind: '类型',
  width: '宽度',
  height: '高度',
  ratio: '像素比',
  verified: '仅已核实',
  plans: '方案',
  targetId: '目标编号',
  rows: '行',
  format: '格式',
  port: '端口',
  host: '地址',
  database: '数据库',
  uploadLimitBytes: '上传大小上限',
  sheetLimitBytes: '数据表大小上限',
  sheetMaxRows: '数据表行数上限',
  plan: '方案',
  target: '目标',
  user: '用户',
  action: '操作',
  from: '起始日期',
  to: '截止日期',
  limit: '每页条数',
  after: '翻页位置',
  renderThreads: '绘图线程数',
  renderQueue: '绘图排队上限',
  // What the audit log shows of a record before and after a change.
  enteredBy: '填报人',
  enteredAt: '填报时间',
  verifiedBy: '核实人',
  verifiedAt: '核实时间',
  reason: '退回原因',
  units: '责任单位',
  origin: '来源',
  confirmed: '已确认',
  confirmedBy: '确认人',
  disabled: '已停用',
  mustChangePassword: '须修改密码',
  sourceName: '源文件',
  tasks: '任务数',
  expiresAt: '有效期至',
  createdAt: '创建时间',
});

/**
 * `年度（year）` for a path like `['year']`, `成员列表·第 3 项·名称（members.2.name）` for nested
 * ones; `labels` names the fields of the body the path points into.
 * @param {readonly PropertyKey[]} path @param {Readonly<Record<string, string>>} [labels]
 */
export function describeField(path, labels = FIELD_LABELS) {
  if (path.length === 0) return { zh: '请求内容', en: 'request body' };
  const en = path.map(String).join('.');
  const zh = path
    .map((p) =>
      typeof p === 'number' ? `第 ${p + 1} 项` : (labels[String(p)] ?? FIELD_LABELS[String(p)] ?? String(p)),
    )
    .join('·');
  return { zh: `${zh}（${en}）`, en };
}
