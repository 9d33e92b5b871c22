/** What every plain-text table layout returns, and the page furniture they all skip. */
export interface TableRead {
  rows: string[][];
  /** Index of the first line after the table. */
  next: number;
}

/** Page furniture between table rows: `- 5 -`, `— 12 —`, `第 3 页`. */
export const PAGE_NUMBER = /^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?[-—–\s]*$/;

export const isBlank = (line: string): boolean => line.trim() === '';
