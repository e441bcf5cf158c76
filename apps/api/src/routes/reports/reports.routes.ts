import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getReport, recordReportExport, reportCsv, reportFilename, teamsInView } from '@keluh/core';
import { errorResponseSchema, reportParamsSchema, reportQuerySchema, reportResultSchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['reports'], summary, security: staffSecurity });

/** `/api/reports/:report`: figures from the hourly rollups, per local day and group, as JSON or CSV. */
const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/:report',
    {
      config: { permission: 'reports.view' },
      schema: { ...docs('A report over a date range in the team time zone, grouped (supervisors)'), params: reportParamsSchema, querystring: reportQuerySchema, response: { 200: reportResultSchema, ...errors } },
    },
    async (request) => getReport(core, { report: request.params.report, ...request.query, teamIds: teamsInView(request.user!, request.query.teamId) }),
  );

  app.get(
    '/:report/export.csv',
    {
      config: { permission: 'reports.export' },
      schema: { ...docs('The same rows as CSV for a spreadsheet (UTF-8 with BOM)'), params: reportParamsSchema, querystring: reportQuerySchema, response: { 200: z.string(), ...errors } },
    },
    async (request, reply) => {
      const result = await getReport(core, { report: request.params.report, ...request.query, teamIds: teamsInView(request.user!, request.query.teamId) });
      await recordReportExport(core, request.user!.id, result);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${reportFilename(result)}"`)
        .header('cache-control', 'no-store')
        .send(reportCsv(result));
    },
  );
};

export default reportsRoutes;
