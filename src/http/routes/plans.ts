/**
 * Plans: import (a document as multipart `file`, or JSON `{title, text}`), list, read, edit,
 * and the plan's tasks and targets. Importing the same file twice answers 200 with the plan
 * already stored and `created: false`; a new plan answers 201.
 */
import { Router, type Request } from 'express';
import type { Config } from '../../config';
import type { Store } from '../../db/store';
import { actorOf, allow, currentAuth } from '../auth';
import { maySeePlan, visiblePlanStates } from '../../shared/index.js';
import { DomainError } from '../../errors';
import { idParam, pageHeaders, reply } from '../route-helpers';
import {
  PageQuery,
  Plan,
  PlanImportFields,
  PlanImportJson,
  PlanImportResponse,
  PlanPatchBody,
  Target,
  Task,
} from '../schemas';
import { acceptBody, jsonBody, parseJson } from '../body';
import { createUpload, originalName, uploadedFile } from '../upload';
import { validate } from '../validate';
import { z } from 'zod';

interface Incoming {
  fileName: string;
  data: Buffer;
  title?: string;
  issuer?: string | null;
  year?: number | null;
}

function incomingDocument(req: Request): Incoming {
  if (req.is('multipart/form-data')) {
    const file = uploadedFile(req);
    const fields = validate(PlanImportFields, req.body ?? {});
    return { fileName: originalName(file), data: file.buffer, ...fields };
  }
  const body = validate(PlanImportJson, req.body);
  const fileName = body.sourceName ?? `${body.title.replace(/[\\/:*?"<>|]/g, '_')}.txt`;
  return {
    fileName,
    data: Buffer.from(body.text, 'utf8'),
    title: body.title,
    issuer: body.issuer,
    year: body.year,
  };
}

export function planRoutes({ config, store }: { config: Config; store: Store }): Router {
  const router = Router();
  const upload = createUpload(config.uploadLimitBytes);

  router.post(
    '/api/plans',
    allow('importPlan'),
    acceptBody('json', 'multipart'),
    ...parseJson(config.uploadLimitBytes),
    ...upload,
    async (req, res) => {
      const doc = incomingDocument(req);
      // Loaded on first import: the document readers (mammoth, exceljs) are not needed to serve.
      const { importPlanFile } = await import('../../app/import-plan-file');
      const { plan, created, tasks, targets } = await importPlanFile(
        store,
        doc.fileName,
        doc.data,
        { title: doc.title, issuer: doc.issuer, year: doc.year },
        actorOf(res),
      );
      // The same file as a plan this user may not see (withdrawn) is not shown through the back door.
      if (!created && !maySeePlan(currentAuth(res).user.role, plan.state)) {
        throw new DomainError(
          'conflict',
          `该文件已导入为方案 ${plan.id}，该方案已撤回，请管理员恢复 / this file is plan ${plan.id}, which was withdrawn: an admin can restore it`,
          [{ path: ['file'], message: `已导入为已撤回的方案 / already imported as a withdrawn plan` }],
        );
      }
      if (created) res.location(`/api/plans/${plan.id}`);
      reply(res, PlanImportResponse, { plan, created, tasks, targets }, created ? 201 : 200);
    },
  );

  router.get('/api/plans', async (req, res) => {
    const states = visiblePlanStates(currentAuth(res).user.role);
    const page = await store.pagePlans({ ...validate(PageQuery, req.query), states });
    pageHeaders(res, page);
    reply(res, z.array(Plan), page.items);
  });

  router.get('/api/plans/:id', async (req, res) => {
    reply(res, Plan, await store.getPlan(idParam(req)));
  });

  router.patch('/api/plans/:id', allow('editPlan'), ...jsonBody(), async (req, res) => {
    const id = idParam(req);
    const { revision, ...patch } = validate(PlanPatchBody, req.body);
    reply(res, Plan, await store.updatePlan(id, patch, revision, actorOf(res)));
  });

  router.get('/api/plans/:id/tasks', async (req, res) => {
    const plan = await store.getPlan(idParam(req));
    reply(res, z.array(Task), await store.listTasks(plan.id));
  });

  router.get('/api/plans/:id/targets', async (req, res) => {
    const plan = await store.getPlan(idParam(req));
    reply(res, z.array(Target), await store.listTargets(plan.id));
  });

  return router;
}
