/**
 * `Content-Disposition` for downloads with Chinese names: an ASCII fallback plus the RFC 5987
 * `filename*` that every current browser prefers, so `吉林市…进度表.xlsx` arrives intact.
 */
export function attachment(fileName: string): string {
  const ext = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : '';
  return `attachment; filename="dabiao${ext}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
