/**
 * China's prefecture-level divisions and their county-level members (from `@vant/area-data`,
 * see src/app/china-divisions.ts), so a plan's jurisdiction is picked rather than typed.
 */
import { Router } from 'express';
import { findDivision, prefectureDivisions } from '../../app/china-divisions';
import { DomainError } from '../../errors';
import { reply } from '../route-helpers';
import { Division, DivisionNames, DivisionParams } from '../review-schemas';
import { validate } from '../validate';

export function divisionRoutes(): Router {
  const router = Router();

  router.get('/api/divisions', (_req, res) => {
    reply(
      res,
      DivisionNames,
      prefectureDivisions().map((d) => ({ name: d.name, province: d.province })),
    );
  });

  router.get('/api/divisions/:name', (req, res) => {
    const { name } = validate(DivisionParams, req.params);
    const division = findDivision(name);
    if (!division) {
      throw new DomainError('not_found', `找不到行政区划“${name}” / no division named ${name}`, [
        { path: ['name'], message: `找不到行政区划“${name}” / unknown division` },
      ]);
    }
    reply(res, Division, division);
  });

  return router;
}
