/**
 * Figures from a completion report (issue 13): upload a report for a plan and a year and get
 * proposals back (nothing stored); accept some, recorded as 已填报 with their source; read the
 * sources of a target's figures for its history.
 */
import { Router } from 'express';
import type { Config } from '../../config';
import type { Store } from '../../db/store';
import { acceptReportFigures, proposeFiguresFromReport } from '../../app/figures-from-report';
import { actorOf, allow, currentAuth } from '../auth';
import { acceptBody, jsonBody } from '../body';
import { idParam, reply } from '../route-helpers';
import { createUpload, originalName, uploadedFile } from '../upload';
import { validate } from '../validate';
import {
  AcceptReportFiguresBody,
  AcceptReportFiguresResponse,
  FigureSourceList,
  ReportProposals,
  ReportUploadFields,
} from '../report-figure-schemas';

export function reportFigureRoutes({ config, store }: { config: Config; store: Store }): Router {
  const router = Router();
  const upload = createUpload(config.uploadLimitBytes);

  router.post(
    '/api/plans/:id/report-figures',
    allow('recordReportFigures'),
    acceptBody('multipart'),
    ...upload,
    async (req, res) => {
      const file = uploadedFile(req);
      const { year } = validate(ReportUploadFields, req.body ?? {});
      const proposals = await proposeFiguresFromReport(
        store,
        idParam(req),
        year,
        { name: originalName(file), data: file.buffer },
        currentAuth(res).user,
      );
      reply(res, ReportProposals, proposals);
    },
  );

  router.post(
    '/api/plans/:id/report-figures/accept',
    allow('recordReportFigures'),
    ...jsonBody(),
    async (req, res) => {
      const body = validate(AcceptReportFiguresBody, req.body);
      const recorded = await acceptReportFigures(
        store,
        currentAuth(res).user,
        idParam(req),
        body,
        actorOf(res),
      );
      reply(res, AcceptReportFiguresResponse, { recorded }, 201);
    },
  );

  router.get('/api/targets/:id/figure-sources', async (req, res) => {
    reply(res, FigureSourceList, await store.listFigureSources(idParam(req)));
  });

  return router;
}
