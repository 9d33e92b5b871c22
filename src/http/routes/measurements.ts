/**
 * Actual figures: record and revise one (history kept), read a target's figures, verify or
 * return them, and the bulk path — download the plan's template (.xlsx or .csv), fill it
 * in, upload it back; all-or-nothing with a row-by-row report.
 */
import { Router } from 'express';
import type { Config } from '../../config';
import type { Store } from '../../db/store';
import { actorOf, allow, currentAuth } from '../auth';
import { guardFigure } from '../../app/figure-guard';
import { recordMeasurementSheet } from '../../app/record-measurement-sheet';
import { templateCsv, templateRows, templateXlsx } from '../../app/measurement-template';
import { idParam, reply } from '../route-helpers';
import {
  BulkUploadResponse,
  Measurement,
  MeasurementBody,
  MeasurementList,
  MeasurementStateBody,
} from '../schemas';
import { acceptBody, jsonBody } from '../body';
import { createUpload, originalName, uploadedFile } from '../upload';
import { validate } from '../validate';
import { attachment } from '../attachment';
import { assertPlanVisible } from '../plan-visibility';

export function measurementRoutes({ config, store }: { config: Config; store: Store }): Router {
  const router = Router();
  const upload = createUpload(config.sheetLimitBytes);

  router.post(
    '/api/targets/:id/measurements',
    allow('recordMeasurements'),
    ...jsonBody(),
    async (req, res) => {
      const id = idParam(req);
      const { revision, ...input } = validate(MeasurementBody, req.body);
      await guardFigure(store, currentAuth(res).user, await store.getTarget(id), input.member ?? null);
      const record = await store.recordMeasurement(id, input, actorOf(res), revision);
      reply(res, Measurement, record, 201);
    },
  );

  router.get('/api/targets/:id/measurements', async (req, res) => {
    const target = await store.getTarget(idParam(req));
    const current = await store.listMeasurements({ targetId: target.id });
    const histories = await Promise.all(
      current.map((m) => store.measurementHistory(m.targetId, m.year, m.member)),
    );
    reply(res, MeasurementList, { current, history: histories.flat() });
  });

  router.post('/api/measurements/state', allow('verifyMeasurements'), ...jsonBody(), async (req, res) => {
    const body = validate(MeasurementStateBody, req.body);
    await assertPlanVisible(store, res, { targetId: body.targetId });
    await guardFigure(
      store,
      currentAuth(res).user,
      await store.getTarget(body.targetId),
      body.member ?? null,
    );
    const record = await store.setMeasurementState(
      body.targetId,
      body.year,
      body.member ?? null,
      body.state,
      body.revision,
      actorOf(res),
      body.reason ?? null,
    );
    reply(res, Measurement, record);
  });

  async function planTemplate(planId: number) {
    const plan = await store.getPlan(planId);
    const [tasks, targets, members, current] = await Promise.all([
      store.listTasks(plan.id),
      store.listTargets(plan.id),
      store.listMembers(plan.id),
      store.listMeasurements({ planId: plan.id }),
    ]);
    return { plan, rows: templateRows({ plan, tasks, targets, members, current }) };
  }

  router.get('/api/plans/:id/measurements/template.xlsx', async (req, res) => {
    const { plan, rows } = await planTemplate(idParam(req));
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachment(`${plan.title}-数据填报模板.xlsx`));
    res.send(await templateXlsx(rows));
  });

  router.get('/api/plans/:id/measurements/template.csv', async (req, res) => {
    const { plan, rows } = await planTemplate(idParam(req));
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', attachment(`${plan.title}-数据填报模板.csv`));
    res.send(templateCsv(rows));
  });

  router.post(
    '/api/plans/:id/measurements/upload',
    allow('recordMeasurements'),
    acceptBody('multipart'),
    ...upload,
    async (req, res) => {
      const file = uploadedFile(req);
      const result = await recordMeasurementSheet(
        store,
        idParam(req),
        { name: originalName(file), data: file.buffer },
        { maxRows: config.sheetMaxRows },
        actorOf(res),
        currentAuth(res).user,
      );
      reply(res, BulkUploadResponse, result);
    },
  );

  return router;
}
