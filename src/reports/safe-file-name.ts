/** Characters Windows, macOS or Linux file systems reject, and spaces. */
const UNSAFE = /[\\/:*?"<>|\s]+/g;

/** A file name safe on any file system: `各县（市）/区政府` → `各县（市）_区政府`. */
export function safeFileName(name: string): string {
  return name.replace(UNSAFE, '_');
}
