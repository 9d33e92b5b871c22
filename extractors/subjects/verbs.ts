import { words } from '../rules/rule';

/**
 * Verbs of plan language. A subject is a noun phrase, so these are cut from its edges; a
 * distributive scope (`每个县（市）区建设…`) ends where one begins. Only general verbs of
 * administration: never a subject noun.
 */
export const VERBS = words(
  // building and creating
  '建设 新建 建成 建好 办好 办成 创建 创办 兴办 组建 成立 设立 设置 建立 打造 培育 培树 选树 树立 塑造 构建',
  '形成 整合 改造 改建 扩建 新改建 改扩建 新增 增设 增加 增至 扩大 扩容 提标 开工 新开工 竣工 投用 投运 投产',
  '挂牌 认定 评定 评选 遴选 命名 申报 立项 争创 入选 获批 创成',
  // doing and delivering
  '完成 实现 达到 开展 举办 举行 组织 实施 推进 推动 推广 落实 保障 确保 提供 配备 配置 安排 选派 派驻',
  '招收 招聘 招募 引进 引育 吸引 吸纳 带动 培训 培养 输送 服务 帮扶 救助 资助 补贴 发放 投入 投资 筹集',
  '争取 安置 转移 治理 修复 整治 清理 种植 植树 造林 铺设 安装 更新 淘汰 改善 解决 接待 处理 办理 审批',
  '签约 招引 引导 支持 鼓励 发展 壮大 拥有 建有 覆盖 惠及 受益 参与 参加 进入 纳入 列入 获得 获评 通过',
  '承担 承接 开设 开发 研发 制定 修订 出台 发布 编制 开通 打通 贯通 连通 接入 部署 上线 普及 推行 创新',
  '撬动 升级 转型 培优 扶持 孵化 认证 检测 监测 排查 检查 督导 统筹 加强 深化 优化 完善 健全 探索 围绕 结合',
  '依托 利用 聚焦 坚持 按照 根据 加大 强化 规范 做好 抓好 用好 管好 对接 联合 协同 合作 共建 共享 带领',
  '指导 督促 要求 明确 负责 牵头 配合 落地 实行 施行 采取 采用 给予 选聘 评审 表彰 奖励 开放 举荐 推荐',
  // hiring, starting
  '新聘 续聘 聘用 聘请 招录 录用 启动 开启 启用 新开发 新开通 新认定',
  // sending, fitting, recovering: `派出医师`, `加装电梯`, `追回违规基金`
  '派出 派遣 加装 增装 追回 挽回 追缴 加固 维修 修缮 翻新',
  // changing a measure
  '提高 提升 增长 下降 降低 减少 缩短 压缩 压减 控制 保持 稳定 维持 突破 超过',
);

/** Verbs that take a whole clause as object (`确保耕地保有量不低于…`): always cut from a subject. */
export const GOVERNING_VERBS = words(
  '保障 确保 实现 推动 推进 力争 争取 促进 支持 鼓励 要求 力求 努力 保证 做到 使 让 引导 督促 推动实现',
);

/** Adverbs that open a predicate: `积极创建`, `力争达到`. Cut only when a verb follows. */
export const ADVERBS = words(
  '积极 全面 重点 加快 大力 力争 争取 进一步 有序 全力 持续 着力 逐步 稳步 深入 切实 努力 基本 初步 同步',
  '力求 共同 累计 优先 统一 不断 扎实 高质量 有效 分别 各自 全部 陆续 率先 依法 定期 每年 计划 预计 拟 力争 将 同步',
);

/** Heads of measure nouns: after `培训`, `规模` alone would lose what is measured. */
export const MEASURE_HEADS = words(
  '规模 人次 人数 数量 总量 数 量 比例 比重 率 面积 能力 次数 时长 金额 总额 额 覆盖面 范围 水平 指数 时间 周期 效率',
);

/** Nouns that begin with a verb (`建成区`, `研发经费`): a subject starting so keeps its first word. */
export const VERB_NOUNS = words(
  '建成区 服务业 开发区 投资额 发展改革 建设用地 服务中心 服务站 研发经费 研发投入 培训机构 管理人员 服务机构 审批时限 审批事项',
);
