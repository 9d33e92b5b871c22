/**
 * Figures from a completion report over HTTP, on SQLite and PostgreSQL: who may read a report
 * and record its figures, which files are refused and how, the statistician's unit guard, and
 * the source kept with each recorded revision (migration 0009-figure-sources).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { importPlanFile } from '../src/app/import-plan-file';
import { JILIN } from '../src/demo/jurisdictions';
import { loadPdfFonts } from '../src/fonts/pdf-fonts';
import type { TargetRecord } from '../src/db/store';
import {
  expectEnvelope,
  login,
  loginAll,
  startTestServer,
  type Client,
  type TestServer,
} from './support/http-harness';
import { dialects } from './support/store-dialects';

const PAIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'report-pairs', 'childcare-elderly');
const REPORT = readFileSync(path.join(PAIR, 'report-2025.txt'), 'utf8');
const PLAN = path.join(PAIR, 'plan.txt');

/** A PDF with a text layer written by pdfkit with the Chinese font, or one with no text at all. */
async function pdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.font(loadPdfFonts().regular as unknown as string);
  if (lines.length === 0) doc.rect(50, 50, 200, 100).fill('#888888');
  for (const line of lines) doc.text(line);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const docx = (lines: string[]) =>
  Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));

describe.each(dialects.map((d) => [d.name, d] as const))(
  'report figures over HTTP (%s)',
  (_name, dialect) => {
    let server: TestServer;
    let users: Awaited<ReturnType<typeof loginAll>>;
    let planId: number;
    let targets: TargetRecord[];
    let minzheng: Client;
    const byQuote = (quote: string) => targets.find((t) => t.quote === quote)!;

    beforeAll(async () => {
      server = await startTestServer({}, dialect);
      users = await loginAll(server.url);
      const { plan } = await importPlanFile(
        server.store,
        PLAN,
        readFileSync(PLAN),
        // Published: statisticians and leaders see it (a draft answers them 404).
        { jurisdiction: JILIN, state: 'published' },
        'test',
      );
      planId = plan.id;
      targets = await server.store.listTargets(planId);
      const password = 'minzheng-password';
      const made = await users.admin.call('POST', '/api/users', {
        username: 'minzheng',
        displayName: '民政填报员',
        role: 'statistician',
        units: ['市民政局'],
        password,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      minzheng = await login(server.url, 'minzheng', password);
    });
    afterAll(() => server?.close());

    const read = (client: Client, name: string, data: Buffer | string, year = '2025') =>
      client.upload(`/api/plans/${planId}/report-figures`, name, data, { year });

    it('an evaluator reads a .txt report: proposals with sentence, offsets and converted values, nothing stored', async () => {
      const r = await read(users.evaluator, 'report-2025.txt', REPORT);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.proposals).toHaveLength(20);
      expect(r.body.unmatched).toHaveLength(6);
      expect(r.body.withoutFigure).toEqual([byQuote('1000人次以上').id]);
      const training = r.body.proposals.find((p: any) => p.targetId === byQuote('2000人次').id);
      expect(training).toMatchObject({
        value: 2600,
        unit: '人次',
        reportValue: 2600,
        mayRecord: true,
        current: null,
      });
      expect(training.sentence.slice(training.figureStart, training.figureEnd)).toBe('0.26万人次');
      expect(REPORT.slice(training.sentenceStart, training.sentenceStart + training.sentence.length)).toBe(
        training.sentence,
      );
      expect(r.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await server.store.listMeasurements({ planId })).toEqual([]);
    });

    it('reads the same report from .docx and from a PDF with a text layer', async () => {
      const lines = [
        '二、重点任务完成情况',
        '全年新增普惠托育机构12家，超额完成年度任务；新增普惠托位926个。',
      ];
      for (const [name, data] of [
        ['报告.docx', await docx(lines)],
        ['报告.pdf', await pdf(lines)],
      ] as const) {
        const r = await read(users.evaluator, name, data);
        expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(200);
        expect(r.body.proposals.map((p: any) => [p.targetId, p.value])).toEqual([
          [byQuote('10家以上').id, 12],
          [byQuote('800个以上').id, 926],
        ]);
      }
    });

    it.each([
      [
        'a spreadsheet',
        'report.xlsx',
        () =>
          readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/eval/holdout-c/employment-indicators.xlsx')),
        415,
        'unsupported_format',
        '不接受表格',
      ],
      [
        'an old .doc',
        'report.doc',
        () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        415,
        'unsupported_format',
        '.doc',
      ],
      [
        'a damaged PDF',
        'report.pdf',
        () => Buffer.from('%PDF-1.7 not really a pdf'),
        415,
        'unsupported_format',
        'PDF',
      ],
      ['a scanned PDF (no text layer)', 'scan.pdf', () => pdf([]), 422, 'unprocessable', '没有文字层'],
      [
        'an image',
        'photo.png',
        () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
        422,
        'binary_document',
        '不是完成情况报告',
      ],
      ['an empty file', 'empty.txt', () => Buffer.alloc(0), 422, 'empty_document', '为空'],
    ])('refuses %s with a bilingual message', async (_what, name, make, status, code, words) => {
      const r = await read(users.evaluator, name, await make());
      expectEnvelope(r, status, code);
      expect(r.body.error.message).toContain(words);
      expect(r.body.error.message).toMatch(/ \/ .*[A-Za-z]{3}/);
    });

    it('asks for the year and the file', async () => {
      const noYear = await users.evaluator.upload(`/api/plans/${planId}/report-figures`, 'r.txt', REPORT);
      expectEnvelope(noYear, 400, 'validation_failed');
      expect(noYear.body.error.issues[0].path).toEqual(['year']);
    });

    it('a leader may not read reports for figures; an unknown plan is 404', async () => {
      expectEnvelope(await read(users.leader, 'report-2025.txt', REPORT), 403, 'forbidden');
      const unknown = await users.evaluator.upload('/api/plans/9999/report-figures', 'r.txt', REPORT, {
        year: '2025',
      });
      expectEnvelope(unknown, 404, 'not_found');
    });

    it('a statistician sees which proposals are its unit’s, records those with their source, and is refused the others', async () => {
      const r = await read(minzheng, 'report-2025.txt', REPORT);
      expect(r.status).toBe(200);
      const meals = r.body.proposals.find((p: any) => p.targetId === byQuote('40个').id);
      const childcare = r.body.proposals.find((p: any) => p.targetId === byQuote('10家以上').id);
      expect(meals.mayRecord).toBe(true);
      expect(childcare.mayRecord).toBe(false);
      const figure = (p: any, value = p.value) => ({
        targetId: p.targetId,
        member: p.member,
        value,
        note: p.note,
        revision: 0,
        sentence: p.sentence,
        sentenceStart: p.sentenceStart,
        figureStart: p.figureStart,
        figureEnd: p.figureEnd,
      });
      const body = (figures: unknown[]) => ({
        year: 2025,
        fileName: 'report-2025.txt',
        sha256: r.body.sha256,
        figures,
      });

      // One figure not the account's refuses the whole request, naming the unit.
      const refused = await minzheng.call(
        'POST',
        `/api/plans/${planId}/report-figures/accept`,
        body([figure(meals), figure(childcare)]),
      );
      expectEnvelope(refused, 403, 'forbidden');
      expect(refused.body.error.message).toContain('市卫健委');
      expect(await server.store.listMeasurements({ planId })).toEqual([]);

      const ok = await minzheng.call(
        'POST',
        `/api/plans/${planId}/report-figures/accept`,
        body([figure(meals, 45)]),
      );
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      expect(ok.body.recorded[0]).toMatchObject({
        value: 45,
        year: 2025,
        state: 'reported',
        enteredBy: 'minzheng',
        note: '完成率115%',
      });
      const sources = await minzheng.call('GET', `/api/targets/${meals.targetId}/figure-sources`);
      expect(sources.body).toEqual([
        {
          measurementId: ok.body.recorded[0].id,
          fileName: 'report-2025.txt',
          sha256: r.body.sha256,
          sentence: meals.sentence,
          sentenceStart: meals.sentenceStart,
          figureStart: meals.figureStart,
          figureEnd: meals.figureEnd,
        },
      ]);
      expect(meals.sentence.slice(meals.figureStart, meals.figureEnd)).toBe('46个');

      // The same page accepting again with the revision it read is stale: 409, nothing written.
      const stale = await minzheng.call(
        'POST',
        `/api/plans/${planId}/report-figures/accept`,
        body([figure(meals, 46)]),
      );
      expectEnvelope(stale, 409, 'stale_revision');
      expect((await server.store.measurementHistory(meals.targetId, 2025, null)).map((m) => m.value)).toEqual(
        [45],
      );

      // The next reading shows the recorded figure as current.
      const again = await read(minzheng, 'report-2025.txt', REPORT);
      expect(again.body.proposals.find((p: any) => p.targetId === meals.targetId).current).toMatchObject({
        value: 45,
        revision: 1,
      });
    });

    it('refuses a figure for a target of another plan, a source outside its sentence, and a leader', async () => {
      const r = await read(users.evaluator, 'report-2025.txt', REPORT);
      const p = r.body.proposals.find((x: any) => x.targetId === byQuote('1200户').id);
      const base = { year: 2025, fileName: 'report-2025.txt', sha256: r.body.sha256 };
      const one = {
        targetId: p.targetId,
        member: null,
        value: p.value,
        sentence: p.sentence,
        sentenceStart: p.sentenceStart,
        figureStart: p.figureStart,
        figureEnd: p.figureEnd,
      };
      const foreign = await users.evaluator.call('POST', `/api/plans/${planId}/report-figures/accept`, {
        ...base,
        figures: [{ ...one, targetId: 999999 }],
      });
      expectEnvelope(foreign, 422, 'unprocessable');
      const outside = await users.evaluator.call('POST', `/api/plans/${planId}/report-figures/accept`, {
        ...base,
        figures: [{ ...one, figureEnd: p.sentence.length + 5 }],
      });
      expectEnvelope(outside, 400, 'validation_failed');
      const leader = await users.leader.call('POST', `/api/plans/${planId}/report-figures/accept`, {
        ...base,
        figures: [one],
      });
      expectEnvelope(leader, 403, 'forbidden');
      expect(await server.store.measurementHistory(p.targetId, 2025, null)).toEqual([]);
    });
  },
);
