/**
 * Request validation with zod, turning each zod issue into one `{ path, message }` that
 * names the field and the problem in Chinese, then English — what a statistician reads when
 * a form or an upload is refused.
 */
import type { z } from 'zod';
import { DomainError, type ErrorIssue } from '../errors';
import { FIELD_LABELS, describeField } from '../shared/index.js';

type ZodIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  undefined: '空',
  null: '空值',
  nan: '非数字',
};

function typeName(t: unknown): string {
  return TYPE_NAMES[String(t)] ?? String(t);
}

/** A field left out (zod says `received undefined`; the input itself is not always reported). */
function isMissing(issue: ZodIssue): boolean {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
}

/** The Chinese half of a message for one zod issue (the English half is zod's own text). */
function problemZh(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue) ? '必须填写' : `应为${typeName(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项`;
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${issue.maximum} 个字符`;
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      return `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return `只能是 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一`;
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的倍数`;
    case 'unrecognized_keys':
      return `包含未知字段 ${issue.keys.join('、')}`;
    case 'invalid_union':
      return '内容不符合任何一种允许的形式';
    default:
      return '内容无效';
  }
}

/**
 * zod issues → our issue shape: same path, message `字段（field）：问题 / field: problem`;
 * `labels` names the body's fields where they differ from FIELD_LABELS (a target's 目标值).
 */
export function translateZodIssues(
  issues: readonly ZodIssue[],
  labels: Readonly<Record<string, string>> = FIELD_LABELS,
): ErrorIssue[] {
  return issues.map((issue) => {
    const field = describeField(issue.path, labels);
    // Our own refinements already carry `中文 / English`: keep their words.
    const [customZh, customEn] = issue.code === 'custom' ? issue.message.split(' / ') : [];
    if (customZh && customEn) {
      return {
        path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
        message: `${field.zh}：${customZh} / ${field.en}: ${customEn}`,
      };
    }
    const en = isMissing(issue) ? 'required' : issue.message;
    return {
      path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: `${field.zh}：${problemZh(issue)} / ${field.en}: ${en}`,
    };
  });
}

/** Parses `data` or throws a 400 `validation_failed` naming every bad field. */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  labels: Readonly<Record<string, string>> = FIELD_LABELS,
): z.output<S> {
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) {
    throw new DomainError('validation_failed', undefined, translateZodIssues(result.error.issues, labels));
  }
  return result.data;
}
