// fontkit ships no types; dabiao only opens a TTF and hands the object to pdfkit.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    layout(text: string): unknown;
  }
  export function openSync(path: string, postscriptName?: string): Font | { fonts: Font[] };
  export function create(buffer: Uint8Array, postscriptName?: string): Font | { fonts: Font[] };
}
