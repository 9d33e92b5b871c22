/**
 * Reads the HTML mammoth makes of a Word file into prose lines and tables, in reading
 * order. Mammoth's HTML is regular (no attributes but colspan/rowspan on cells, entities
 * escaped), so a small tokenizer suffices. A cell spanning several rows or columns is copied
 * into each position it covers, so every row of a table has its units and sequence cell.
 */
import type { DocBlock } from '../../extractors/plan';

interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
}

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
/** Tags whose end is a line break: in a cell it separates lines, outside it ends a paragraph. */
const LINE_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'br', 'tr', 'td', 'th', 'div']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function spanOf(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 && n <= 1000 ? n : 1;
}

/** Lays spanning cells out on a grid, copying each into every position it covers. */
function toGrid(rows: readonly Cell[][]): string[][] {
  const grid: string[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = cell.text;
      }
      c += cell.colspan;
    }
  });
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** @example htmlBlocks('<p>方案</p><table><tr><td>序号</td></tr></table>') // prose, then table */
export function htmlBlocks(html: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let prose: string[] = [];
  let line = '';
  let rows: Cell[][] | null = null;
  let cell: Cell | null = null;
  /** Tables nested inside a cell: read as lines of that cell. */
  let nested = 0;

  const endLine = (): void => {
    if (cell) cell.text += '\n';
    else if (line.trim()) prose.push(line.trim());
    if (!cell) line = '';
  };
  for (const m of html.matchAll(TOKEN)) {
    const [, closing, rawTag, attrs = '', text] = m;
    if (text !== undefined) {
      const decoded = decodeEntities(text);
      if (cell) cell.text += decoded;
      else if (!rows) line += decoded;
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'table') {
      if (cell && !closing) nested++;
      else if (cell && closing && nested > 0) nested--;
      else if (!closing) {
        endLine();
        if (prose.length > 0) blocks.push({ kind: 'prose', lines: prose });
        prose = [];
        rows = [];
      } else if (rows) {
        blocks.push({ kind: 'table', rows: toGrid(rows) });
        rows = null;
        cell = null;
      }
      continue;
    }
    if (nested > 0 || !rows) {
      if ((closing || tag === 'br') && LINE_TAGS.has(tag)) endLine();
      continue;
    }
    if (tag === 'tr' && !closing) rows.push([]);
    else if ((tag === 'td' || tag === 'th') && !closing) {
      if (rows.length === 0) rows.push([]);
      cell = { text: '', colspan: spanOf(attrs, 'colspan'), rowspan: spanOf(attrs, 'rowspan') };
      rows.at(-1)!.push(cell);
    } else if ((tag === 'td' || tag === 'th') && closing) {
      if (cell) cell.text = cell.text.replace(/\n+$/, '');
      cell = null;
    } else if (cell && (closing || tag === 'br') && LINE_TAGS.has(tag)) endLine();
  }
  endLine();
  if (rows) blocks.push({ kind: 'table', rows: toGrid(rows) });
  if (prose.length > 0) blocks.push({ kind: 'prose', lines: prose });
  return blocks;
}
