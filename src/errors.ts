/**
 * Errors are data: a `DomainError` carries a stable English `code`, a message in Chinese and
 * English, and zod-shaped `issues` naming the fields at fault. The HTTP layer maps codes to
 * statuses with `ERROR_STATUS`; the CLI prints the message. Every user-facing error text
 * for a code lives here.
 */

export type ErrorCode =
  | 'validation_failed'
  | 'malformed_request'
  | 'not_found'
  | 'stale_revision'
  | 'conflict'
  | 'payload_too_large'
  | 'unprocessable'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'password_change_required'
  | 'too_many_requests'
  | 'unavailable'
  | 'empty_document'
  | 'binary_document'
  | 'unsupported_format'
  | 'no_task_column'
  | 'no_tasks_found'
  | 'internal';

export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_request: 400,
  not_found: 404,
  stale_revision: 409,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  unsupported_media_type: 415,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  password_change_required: 403,
  too_many_requests: 429,
  unavailable: 503,
  empty_document: 422,
  binary_document: 422,
  unsupported_format: 415,
  no_task_column: 422,
  no_tasks_found: 422,
  internal: 500,
};

/** Default message per code: Chinese first, then English. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  validation_failed: '输入有误，请检查标出的字段 / invalid input, see the fields listed',
  malformed_request: '请求格式错误 / malformed request',
  not_found: '找不到所请求的内容 / not found',
  stale_revision: '数据已被他人修改，请刷新后再试 / stale revision: the record changed since you read it',
  conflict: '与现有数据冲突 / conflicts with existing data',
  payload_too_large: '上传文件过大 / upload too large',
  unprocessable: '请求无法执行 / request cannot be carried out',
  unsupported_media_type: '不支持的内容类型 / unsupported media type',
  unauthenticated: '请先登录 / please sign in',
  forbidden: '当前角色无权执行此操作 / your role may not do this',
  csrf_failed: '表单已失效，请刷新页面后重试 / CSRF token missing or invalid',
  password_change_required: '密码已被重置，请先修改密码 / your password was reset: change it first',
  too_many_requests: '尝试次数过多，请稍后再试 / too many attempts, try again later',
  unavailable: '服务暂时繁忙或未就绪，请稍后再试 / service busy or not ready, retry shortly',
  empty_document: '文件为空，没有可读取的内容 / the document is empty',
  binary_document: '文件不是可识别的文本或 Office 文档 / the file is binary, not a readable document',
  unsupported_format: '不支持的文件格式 / unsupported file format',
  no_task_column: '表格中找不到“工作任务”列 / no task column found in the table',
  no_tasks_found:
    '文件中没有找到任务表或量化目标 / no task table and no quantified target found in the document',
  internal: '服务器内部错误 / internal server error',
};

/** One problem with one field, in zod's issue shape. */
export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];

  constructor(code: ErrorCode, message: string = ERROR_MESSAGES[code], issues: ErrorIssue[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
