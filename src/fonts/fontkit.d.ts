// fontkit ships no types; dabiao opens a TTF and hands the object to pdfkit, or asks which
// characters it has (scripts/build-web-font.ts).
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    layout(text: string): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string, postscriptName?: string): Font | { fonts: Font[] };
  export function create(buffer: Uint8Array, postscriptName?: string): Font | { fonts: Font[] };
}
