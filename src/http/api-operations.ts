/**
 * Every operation of the API, with the zod schemas of its query, body and answer and the
 * roles allowed: the one table `openapi.ts` turns into the OpenAPI document.
 */
import { z } from 'zod';
import * as A from './audit-schema';
import * as P from './progress-schema';
import * as T from './todo-schema';
import * as S from './schemas';
import * as R from './review-schemas';
import * as F from './report-figure-schemas';
import type { Action } from '../shared/index.js';

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  /**
   * What the caller must be allowed (src/shared PERMISSIONS); 'public': no session; 'signedIn':
   * any signed-in user whatever their role (one's own session and tokens). Omitted: a read (GET)
   * needs `read`, as every read past the session routes does (create-app); another method, any
   * signed-in user.
   */
  may?: Action | 'public' | 'signedIn';
  query?: z.ZodType;
  body?: z.ZodType;
  /** A multipart upload with a `file` field (and optional form fields). */
  upload?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  /** Non-JSON responses (files). */
  produces?: string;
}

const list = (s: z.ZodType) => z.array(s);

/** The plan lifecycle, target review and divisions routes (issue 9). */
const LIFECYCLE_AND_REVIEW: Operation[] = [
  {
    method: 'post',
    path: '/api/plans/{id}/publish',
    summary: '发布草稿（所有角色可见） / publish a draft',
    may: 'publishPlan',
    body: S.RevisionBody,
    response: S.Plan,
  },
  {
    method: 'post',
    path: '/api/plans/{id}/withdraw',
    summary: '撤回方案（隐藏，数据保留，管理员可恢复） / withdraw a plan',
    may: 'withdrawPlan',
    body: S.RevisionBody,
    response: S.Plan,
  },
  {
    method: 'post',
    path: '/api/plans/{id}/restore',
    summary: '恢复已撤回的方案 / restore a withdrawn plan',
    may: 'restorePlan',
    body: S.RevisionBody,
    response: S.Plan,
  },
  {
    method: 'delete',
    path: '/api/plans/{id}',
    summary: '删除草稿（已有数据的不能删除） / delete a draft',
    may: 'deletePlan',
    query: S.RevisionQuery,
    status: 204,
  },
  {
    method: 'get',
    path: '/api/plans/{id}/history',
    summary: '方案的修改历史 / revisions of a plan',
    response: list(R.PlanRevisionReply),
  },
  {
    method: 'post',
    path: '/api/targets/confirm',
    summary: '一次确认多个目标（同一方案） / confirm several targets at once',
    may: 'editTargets',
    body: R.ConfirmTargetsBody,
    response: R.TargetListReply,
  },
  {
    method: 'post',
    path: '/api/targets/{id}/restore',
    summary: '撤销删除目标 / undo deleting a target',
    may: 'editTargets',
    body: S.RevisionBody,
    response: S.Target,
  },
  {
    method: 'post',
    path: '/api/targets/{id}/split',
    summary: '把一个目标拆成两个 / split a target in two',
    may: 'editTargets',
    body: R.SplitTargetBody,
    response: R.TargetPair,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/targets/{id}/merge',
    summary: '合并同一任务的两个目标 / merge two targets of a task',
    may: 'editTargets',
    body: R.MergeTargetsBody,
    response: S.Target,
  },
  {
    method: 'post',
    path: '/api/tasks/{id}/proposal',
    summary:
      '按选中的任务文字推荐目标（数值、单位、比较方式、对象、期限） / propose a target from selected words',
    may: 'editTargets',
    body: R.SelectionBody,
    response: R.TargetProposal,
  },
  {
    method: 'get',
    path: '/api/divisions',
    summary: '地级行政区划列表 / prefecture-level divisions',
    response: R.DivisionNames,
  },
  {
    method: 'get',
    path: '/api/divisions/{name}',
    summary: '行政区划及其县级成员 / a division with its county-level members',
    response: R.Division,
  },
];

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: '健康检查 / health check',
    may: 'public',
    response: S.Health,
  },
  {
    method: 'get',
    path: '/api/ready',
    summary:
      '就绪检查：数据库可用且迁移已完成（否则 503）/ readiness: database reachable, migrations current',
    may: 'public',
    response: S.Readiness,
  },
  { method: 'get', path: '/api/openapi.json', summary: '本接口文档 / this document', may: 'public' },
  {
    method: 'post',
    path: '/api/session',
    summary: '登录 / sign in',
    may: 'public',
    body: S.LoginBody,
    response: S.SessionResponse,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/session',
    summary: '当前会话 / current session',
    may: 'signedIn',
    response: S.SessionResponse,
  },
  { method: 'delete', path: '/api/session', summary: '退出登录 / sign out', status: 204 },
  {
    method: 'put',
    path: '/api/session/password',
    summary: '修改自己的密码（其他会话和令牌随之失效） / change your own password',
    body: S.PasswordChangeBody,
    response: S.User,
  },
  {
    method: 'get',
    path: '/api/session/tokens',
    summary: '我的 API 令牌 / your named API tokens',
    may: 'signedIn',
    response: list(S.TokenInfo),
  },
  {
    method: 'post',
    path: '/api/session/tokens',
    summary: '新建 API 令牌（令牌只显示这一次） / create a named API token (shown once)',
    body: S.TokenBody,
    response: S.TokenCreated,
    status: 201,
  },
  {
    method: 'delete',
    path: '/api/session/tokens/{name}',
    summary: '吊销我的 API 令牌 / revoke one of your tokens',
    status: 204,
  },
  {
    method: 'get',
    path: '/api/users',
    summary: '用户列表 / list users',
    may: 'manageUsers',
    response: list(S.User),
  },
  {
    method: 'post',
    path: '/api/users',
    summary: '新建用户（可指定责任单位、成员、方案） / create a user',
    may: 'manageUsers',
    body: S.UserCreateBody,
    response: S.User,
    status: 201,
  },
  {
    method: 'patch',
    path: '/api/users/{id}',
    summary: '修改用户角色、姓名、责任单位、成员、方案，或停用 / edit or disable a user',
    may: 'manageUsers',
    body: S.UserPatchBody,
    response: S.User,
  },
  {
    method: 'post',
    path: '/api/users/{id}/password',
    summary: '重置密码（下次登录须修改） / reset a password (to be changed at next sign-in)',
    may: 'manageUsers',
    body: S.PasswordResetBody,
    response: S.PasswordResetResponse,
  },
  {
    method: 'get',
    path: '/api/users/{id}/tokens',
    summary: "用户的 API 令牌 / a user's tokens",
    may: 'manageUsers',
    response: list(S.TokenInfo),
  },
  {
    method: 'delete',
    path: '/api/users/{id}/tokens/{name}',
    summary: "吊销用户的 API 令牌 / revoke a user's token",
    may: 'manageUsers',
    status: 204,
  },
  {
    method: 'post',
    path: '/api/plans',
    summary: '导入方案（文件或正文）；同一文件再次导入返回已有方案 / import a plan',
    may: 'importPlan',
    body: S.PlanImportJson,
    upload: S.PlanImportFields,
    response: S.PlanImportResponse,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/plans',
    summary:
      '方案列表（分页：limit、after；总数在 X-Total-Count，下一页在 X-Next-Cursor）/ list plans, paged',
    query: S.PageQuery,
    response: list(S.Plan),
  },
  {
    method: 'get',
    path: '/api/plan-summaries',
    summary: '方案列表及各方案完成情况（一页至多 50 个）/ plans with their status counts, paged',
    query: S.PageQuery,
    response: P.PlanSummaryPage,
  },
  { method: 'get', path: '/api/plans/{id}', summary: '方案 / one plan', response: S.Plan },
  {
    method: 'patch',
    path: '/api/plans/{id}',
    summary:
      '修改方案（标题、发文单位、文号、规划期、辖区、成员；带 revision，过期 409） / edit any field of a plan',
    may: 'editPlan',
    body: S.PlanPatchBody,
    response: S.Plan,
  },
  {
    method: 'get',
    path: '/api/plans/{id}/tasks',
    summary: '方案的任务 / tasks of a plan',
    response: list(S.Task),
  },
  {
    method: 'get',
    path: '/api/plans/{id}/targets',
    summary: '方案的量化目标 / targets of a plan',
    response: list(S.Target),
  },
  {
    method: 'get',
    path: '/api/plans/{id}/members',
    summary: '辖区成员（县市区） / jurisdiction members',
    response: list(S.Member),
  },
  {
    method: 'put',
    path: '/api/plans/{id}/members',
    summary: '设置辖区成员（带 revision，过期 409） / set jurisdiction members',
    may: 'editMembers',
    body: S.MembersBody,
    response: list(S.Member),
  },
  {
    method: 'patch',
    path: '/api/tasks/{id}/status',
    summary: '设置定性任务状态 / set a qualitative task status',
    may: 'setTaskStatus',
    body: S.TaskStatusBody,
    response: S.Task,
  },
  {
    method: 'post',
    path: '/api/tasks/{id}/targets',
    summary: '手工添加目标 / add a target by hand',
    may: 'editTargets',
    body: S.TargetCreateBody,
    response: S.Target,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/targets/{id}',
    summary: '目标及其修改历史 / a target with its history',
    response: S.TargetWithHistory,
  },
  {
    method: 'patch',
    path: '/api/targets/{id}',
    summary: '修正目标 / correct a target',
    may: 'editTargets',
    body: S.TargetPatchBody,
    response: S.Target,
  },
  {
    method: 'post',
    path: '/api/targets/{id}/confirm',
    summary: '确认目标 / confirm a target',
    may: 'editTargets',
    body: S.RevisionBody,
    response: S.Target,
  },
  {
    method: 'delete',
    path: '/api/targets/{id}',
    summary: '删除目标（保留历史） / delete a target',
    may: 'editTargets',
    query: S.RevisionQuery,
    response: S.Target,
  },
  {
    method: 'post',
    path: '/api/targets/{id}/measurements',
    summary: '填报或修改数据 / record or revise a figure',
    may: 'recordMeasurements',
    body: S.MeasurementBody,
    response: S.Measurement,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/targets/{id}/measurements',
    summary: '目标的数据（当前值与历史） / figures of a target',
    response: S.MeasurementList,
  },
  {
    method: 'post',
    path: '/api/measurements/state',
    summary: '核实或退回数据 / verify or return a figure',
    may: 'verifyMeasurements',
    body: S.MeasurementStateBody,
    response: S.Measurement,
  },
  {
    method: 'get',
    path: '/api/plans/{id}/measurements/template.xlsx',
    summary: '数据填报模板（Excel） / figure template',
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    method: 'get',
    path: '/api/plans/{id}/measurements/template.csv',
    summary: '数据填报模板（CSV） / figure template',
    produces: 'text/csv',
  },
  {
    method: 'post',
    path: '/api/plans/{id}/measurements/upload',
    summary: '批量上传数据（全部成功或全部不写入） / bulk upload, all-or-nothing',
    may: 'recordMeasurements',
    upload: z.object({}),
    response: S.BulkUploadResponse,
  },
  {
    method: 'post',
    path: '/api/plans/{id}/report-figures',
    summary:
      '上传完成情况报告（.txt/.docx/.pdf），返回建议填报的数据，不写入 / read a completion report, propose figures',
    may: 'recordReportFigures',
    upload: F.ReportUploadFields,
    response: F.ReportProposals,
  },
  {
    method: 'post',
    path: '/api/plans/{id}/report-figures/accept',
    summary:
      '确认报告中的数据，记为已填报并保存来源（全部成功或全部不写入） / record accepted report figures',
    may: 'recordReportFigures',
    body: F.AcceptReportFiguresBody,
    response: F.AcceptReportFiguresResponse,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/targets/{id}/figure-sources',
    summary: '目标各版数据的报告来源 / report sources of a target’s figures',
    response: F.FigureSourceList,
  },
  {
    method: 'get',
    path: '/api/plans/{id}/progress',
    summary:
      '方案进度：每个任务一次、每个目标的状态、完成率、序时进度和最新数据（目标按 limit/offset 分页，总数在 X-Total-Count；target 只取一个目标） / plan progress, tasks once, targets paged',
    query: P.ProgressPageQuery,
    response: P.ProgressAnswer,
  },
  {
    method: 'get',
    path: '/api/plans/{id}/units',
    summary: '按责任单位汇总 / summary by responsible unit',
    query: S.ProgressQuery,
    response: P.UnitsView,
  },
  {
    method: 'get',
    path: '/api/units',
    summary: '责任单位（分页：limit、after；总数在 X-Total-Count）/ responsible units, paged',
    query: S.PageQuery,
    response: P.UnitList,
  },
  {
    method: 'get',
    path: '/api/plans/{id}/progress.xlsx',
    may: 'report',
    summary:
      '进度表（Excel；perUnit=true 时每个责任单位另有一页） / progress table, a sheet per unit on request',
    query: S.ProgressXlsxQuery,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    method: 'get',
    path: '/api/plans/{id}/charts/overview.png',
    may: 'report',
    summary: '方案总览图 / overview chart',
    query: S.ChartQuery,
    produces: 'image/png',
  },
  {
    method: 'get',
    path: '/api/plans/{id}/charts/overview.pdf',
    may: 'report',
    summary: '方案总览图（矢量 PDF） / overview chart as PDF',
    query: S.PdfChartQuery,
    produces: 'application/pdf',
  },
  {
    method: 'get',
    path: '/api/plans/{id}/charts/units.png',
    may: 'report',
    summary: '各责任单位目标完成情况 / completion by responsible unit',
    query: S.ChartQuery,
    produces: 'image/png',
  },
  {
    method: 'get',
    path: '/api/plans/{id}/charts/units.pdf',
    may: 'report',
    summary: '各责任单位目标完成情况（矢量 PDF） / completion by responsible unit as PDF',
    query: S.PdfChartQuery,
    produces: 'application/pdf',
  },
  {
    method: 'get',
    path: '/api/plans/{id}/charts/status.png',
    may: 'report',
    summary: '量化目标状态分布 / status distribution',
    query: S.ChartQuery,
    produces: 'image/png',
  },
  {
    method: 'get',
    path: '/api/plans/{id}/charts/status.pdf',
    may: 'report',
    summary: '量化目标状态分布（矢量 PDF） / status distribution as PDF',
    query: S.PdfChartQuery,
    produces: 'application/pdf',
  },
  {
    method: 'get',
    path: '/api/charts/compare.png',
    may: 'report',
    summary: '同类目标跨方案对比（plans=1,2；subject 选定目标类别） / the same kind of target across plans',
    query: S.CompareChartQuery,
    produces: 'image/png',
  },
  {
    method: 'get',
    path: '/api/targets/{id}/chart.png',
    may: 'report',
    summary: '目标逐年图 / one target over the years',
    query: S.ChartQuery,
    produces: 'image/png',
  },
  {
    method: 'get',
    path: '/api/plans/{id}/report.pdf',
    may: 'report',
    summary: '方案进度报告 / progress report',
    query: S.ReportQuery,
    produces: 'application/pdf',
  },
  {
    method: 'get',
    path: '/api/plans/{id}/report.docx',
    may: 'report',
    summary: '方案进度报告（Word，可编辑） / progress report as an editable Word document',
    query: S.ReportQuery,
    produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    method: 'get',
    path: '/api/audit',
    summary:
      '操作日志（按方案、目标、用户、操作、日期筛选，新的在前；总数在 X-Total-Count） / the audit log, newest first',
    may: 'readAudit',
    query: A.AuditQuery,
    response: list(A.AuditEntry),
  },
  {
    method: 'get',
    path: '/api/audit.xlsx',
    summary: '导出操作日志（Excel，同样的筛选） / the audit log as XLSX',
    may: 'readAudit',
    query: A.AuditFilterQuery,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    method: 'post',
    path: '/api/audit/{id}/restore',
    summary: '从“删除目标”的日志恢复被删除的目标 / restore a deleted target from its deletion entry',
    may: 'editTargets',
    response: S.Target,
  },
  {
    method: 'get',
    path: '/api/todo',
    summary:
      '我的待办：被退回的数据（含原因）、本年度应报未报（催报）、待核实 / your to-do list: returned, due, awaiting verification',
    response: T.TodoList,
  },
  {
    method: 'get',
    path: '/api/todo/count',
    summary: '待办数量（页头提示） / how many to-dos, for the header',
    response: T.TodoCounts,
  },
  ...LIFECYCLE_AND_REVIEW,
];
