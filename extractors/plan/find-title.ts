/**
 * The plan's title: the first short line that reads like a heading. Section headings
 * (`四、工作要求`), attachment labels (`附件`) and sentences are passed over; a line naming
 * a kind of plan document (方案, 计划, 清单 …) among the first lines is preferred.
 */
const NUMBERED =
  /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、])/;
const ATTACHMENT = /^附件\s*\d*\s*[：:]?\s*$|^附件\s*\d*\s*[：:]/;
const DOCUMENT_KIND = /(方案|计划|意见|清单|分工|要点|规划|办法|通知|任务表)$/;
/** `# 标题` in a Markdown plan. */
const MARKDOWN_HEADING = /^\s*#{1,6}\s+/;
const SENTENCE_MARK = /[。；;，,！？!?]/;

function isHeadingLike(line: string): boolean {
  const text = line.trim();
  return (
    text.length >= 2 &&
    text.length <= 60 &&
    !SENTENCE_MARK.test(text) &&
    !NUMBERED.test(text) &&
    !ATTACHMENT.test(text)
  );
}

/** @example findTitle(['附件', '重点工作任务分工', '序号']) // '重点工作任务分工' */
export function findTitle(lines: readonly string[]): string | null {
  const headings = lines
    .slice(0, 30)
    .map((l) => l.replace(MARKDOWN_HEADING, '').trim())
    .filter(isHeadingLike);
  return headings.find((h) => DOCUMENT_KIND.test(h)) ?? headings[0] ?? null;
}
