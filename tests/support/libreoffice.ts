/**
 * Opens a .docx in LibreOffice (headless) and saves it as PDF, the way an office without Word
 * would open the report. LibreOffice gets the project's own Chinese font (Noto Sans SC from
 * npm) through a fontconfig file of its own, with the report's font names (微软雅黑) mapped to
 * it, so the test does not depend on which CJK fonts the machine has. Each run has a fresh
 * LibreOffice profile, so parallel runs do not collide.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CJK_FONT_FILES } from '../../src/fonts/cjk-font';
import { DOCX_FONT } from '../../src/reports/plan-report-docx';

function fontconfigFile(dir: string): string {
  const aliases = [...new Set(Object.values(DOCX_FONT))]
    .map(
      (name) =>
        `  <alias binding="same"><family>${name}</family><prefer><family>Noto Sans SC</family></prefer></alias>`,
    )
    .join('\n');
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.dirname(CJK_FONT_FILES.regular)}</dir>
  <dir>${path.dirname(CJK_FONT_FILES.bold)}</dir>
  <cachedir>${path.join(dir, 'fontcache')}</cachedir>
${aliases}
</fontconfig>
`,
  );
  return file;
}

/** Converts `docx` to PDF in a new directory; returns the PDF's path. */
export function convertWithLibreOffice(docx: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dabiao-soffice-'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ],
    { env: { ...process.env, FONTCONFIG_FILE: fontconfigFile(dir) }, timeout: 180_000, stdio: 'pipe' },
  );
  const pdf = readdirSync(dir).find((f) => f.endsWith('.pdf'));
  if (!pdf) throw new Error(`LibreOffice wrote no PDF for ${docx}`);
  return path.join(dir, pdf);
}
