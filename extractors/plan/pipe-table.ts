/**
 * Markdown pipe tables (`| 序号 | 工作任务 | 责任单位 |`), the form a plan takes when pasted
 * into a `.md` file: the `|---|` rule is skipped, `<br>` inside a cell is a line break, and
 * `\|` is a literal bar.
 */
import { findColumns } from './find-columns';
import type { TableRead } from './table-read';

const PIPE_LINE = /^\s*\|.*\|\s*$/;

const isPipeLine = (line: string): boolean => PIPE_LINE.test(line);

/** Cells of one pipe line. */
function pipeCells(line: string): string[] {
  const inner = line.trim().slice(1, -1);
  return inner.split(/(?<!\\)\|/).map((cell) =>
    cell
      .replace(/\\\|/g, '|')
      .replace(/<br\s*\/?>/gi, '\n')
      .trim(),
  );
}

/** Rows of the pipe table starting at `at`, and the index of the first line after it. */
function readPipeRows(lines: readonly string[], at: number): TableRead {
  const rows: string[][] = [];
  let i = at;
  for (; i < lines.length && isPipeLine(lines[i]!); i++) {
    const cells = pipeCells(lines[i]!);
    // The `| --- | :-: |` rule under the header.
    if (!cells.every((cell) => /^:?-+:?$/.test(cell))) rows.push(cells);
  }
  return { rows, next: i };
}

/** The table whose header is the line at `at`, or null when that line is no such header. */
export function readPipeTable(lines: readonly string[], at: number): TableRead | null {
  const line = lines[at]!;
  return isPipeLine(line) && findColumns(pipeCells(line)) ? readPipeRows(lines, at) : null;
}
