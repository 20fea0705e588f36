/**
 * Composition root: builds the Fastify application from its dependencies (database, configuration, clock). Every
 * module is a plain factory wired here; nothing is hung on the framework instance except the request's session.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import { registerAuthHook } from './http/auth-hook.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerNulGuard } from './http/text-guard.ts';
import { createSerializerCompiler } from './http/serializer.ts';
import { loggerOptions, registerRequestLog, type ConsoleSink } from './http/logging.ts';
import { installVietnameseErrors } from './http/zod-vi.ts';
import { createFsDocumentStore, type DocumentStore } from './storage/document-store.ts';
import { admissionsRoutes } from './modules/admissions/admissions.routes.ts';
import { meetingsRoutes } from './modules/meetings/meetings.routes.ts';
import { createMeetingsService } from './modules/meetings/meetings.service.ts';
import { createAdmissionsService } from './modules/admissions/admissions.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { createAuditService, type EntityNameResolvers } from './modules/audit/audit.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { evaluationRoutes } from './modules/evaluation/evaluation.routes.ts';
import { createEvaluationService } from './modules/evaluation/evaluation.service.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { createCalendarService } from './modules/calendar/calendar.service.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { memberSheetRoutes } from './modules/member-sheet/member-sheet.routes.ts';
import { createMemberSheetService } from './modules/member-sheet/member-sheet.service.ts';
import { memberRecordsRoutes } from './modules/member-records/member-records.routes.ts';
import { createMemberRecordsService } from './modules/member-records/member-records.service.ts';
import { memberDocumentsRoutes } from './modules/member-documents/member-documents.routes.ts';
import { createMemberDocumentsService } from './modules/member-documents/member-documents.service.ts';
import { memberImportRoutes } from './modules/member-import/member-import.routes.ts';
import { createMemberImportService } from './modules/member-import/member-import.service.ts';
import { membersRoutes } from './modules/members/members.routes.ts';
import { disciplineRoutes } from './modules/discipline/discipline.routes.ts';
import { createDisciplineService } from './modules/discipline/discipline.service.ts';
import { memberForDiscipline } from './modules/members/members.discipline.repo.ts';
import { createMembersService } from './modules/members/members.service.ts';
import { refreshTransferPartyAges } from './modules/members/members.events.ts';
import { orgsRoutes } from './modules/orgs/orgs.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { createAlertsService } from './modules/meetings/meetings.alerts.ts';
import { createComplianceService } from './modules/meetings/meetings.compliance.ts';
import { meetingsComplianceRoutes } from './modules/meetings/meetings.compliance.routes.ts';
import { createSelfService } from './modules/meetings/meetings.self.ts';
import { createReportsService } from './modules/reports/reports.service.ts';
import { reportExportsRoutes } from './modules/reports/reports.export.routes.ts';
import { createReportExportsService } from './modules/reports/reports.export.ts';
import { reportSubmissionsRoutes } from './modules/reports/reports.submissions.routes.ts';
import { createReportSubmissionsService } from './modules/reports/reports.submissions.ts';
import { rulesetsRoutes } from './modules/rulesets/rulesets.routes.ts';
import { createRuleSetsService } from './modules/rulesets/rulesets.service.ts';
import { userNames } from './modules/users/users.repo.ts';
import { orgMembersPort } from './modules/members/members.tally.ts';
import { createOrgsService } from './modules/orgs/orgs.service.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { createUsersService } from './modules/users/users.service.ts';
import type { UserSessionsPort } from './modules/users/users.ports.ts';
import { clearLoginFailures, deleteUserSessions } from './modules/auth/auth.repo.ts';
import { dossierNames } from './modules/admissions/admissions.repo.ts';
import { periodHeads } from './modules/evaluation/evaluation.repo.ts';
import { memberNames } from './modules/members/members.repo.ts';
import { namesAsOf } from './modules/orgs/orgs.repo.ts';
import { grantPlaceSql, grassrootsAmong, orgInScopeSql, orgPlaces } from './modules/orgs/orgs.places.repo.ts';
import { createDashboardService } from './modules/reports/reports.dashboard.ts';
import { dashboardRoutes } from './modules/reports/reports.dashboard.routes.ts';
import { directivesRoutes } from './modules/directives/directives.routes.ts';
import { createDirectivesService } from './modules/directives/directives.service.ts';
import { createInspectionCasesService, openCaseOf } from './modules/inspection/inspection.cases.ts';
import { inspectionRoutes } from './modules/inspection/inspection.routes.ts';
import { createInspectionService } from './modules/inspection/inspection.service.ts';
import { congressRoutes } from './modules/congress/congress.routes.ts';
import { createCongressService } from './modules/congress/congress.service.ts';
import { createTermTargetsService } from './modules/congress/congress.targets.ts';
import { termTargetsRoutes } from './modules/congress/congress.targets.routes.ts';

export interface AppDeps {
  db: Kysely<DB>;
  config: Config;
  clock: Clock;
  /** The files of the member dossier; by default the filesystem under DATA_DIR/documents. */
  documents?: DocumentStore;
  /** Where the log's console lines go; by default stdout (stderr for warnings and errors). */
  logSink?: ConsoleSink;
}

/**
 * The names the audit log shows, each read through the module that owns the entity (audit, below every module,
 * imports none of them: issue 11 part 5).
 */
const auditNames: EntityNameResolvers = {
  orgs: namesAsOf,
  members: memberNames,
  users: userNames,
  admissionDossiers: dossierNames,
  evaluationPeriods: periodHeads,
};

/** Organisations as the modules below orgs see them: places, grassroots kinds, the scope condition. */
const orgPlacesPort = { places: orgPlaces, grassrootsAmong, inScopeSql: orgInScopeSql, placeSql: grantPlaceSql };

/** Sessions and login locks, which auth owns, as users (below auth) ends them. */
const userSessionsPort: UserSessionsPort = {
  revokeAll: deleteUserSessions,
  clearLoginFailures: (db, username) => clearLoginFailures(db, username, null),
};

function createRecordServices(deps: AppDeps) {
  // The calendar sits below members: a change of it recomputes members' party ages through this port.
  const calendar = createCalendarService({ ...deps, afterChange: (tx, date, cal) => refreshTransferPartyAges(tx, date, cal, deps.clock.today()) });
  const rulesets = createRuleSetsService(deps);
  // Inspection sits above members: an open case refuses a transfer through this port.
  const members = createMembersService({ ...deps, calendar, openInspectionCase: openCaseOf });
  const evaluation = createEvaluationService(deps);
  const reports = createReportsService({ ...deps, evaluation });
  const reportSubmissions = createReportSubmissionsService({ ...deps, compute: reports.computeReport });
  const documents = deps.documents ?? createFsDocumentStore(path.join(deps.config.dataDir, 'documents'), () => deps.clock.now());
  return {
    calendar,
    rulesets,
    auth: createAuthService({ ...deps, orgs: orgPlacesPort }),
    audit: createAuditService({ ...deps, names: auditNames, orgInScopeSql }),
    orgs: createOrgsService({ ...deps, members: orgMembersPort, users: { namesOf: userNames } }),
    members,
    discipline: createDisciplineService({ ...deps, members: { memberOn: memberForDiscipline, names: memberNames } }),
    memberImport: createMemberImportService(deps),
    memberSheet: createMemberSheetService({ ...deps, members }),
    memberRecords: createMemberRecordsService(deps),
    memberDocuments: createMemberDocumentsService({ ...deps, documents }),
    users: createUsersService({ ...deps, orgs: orgPlacesPort, sessions: userSessionsPort }),
    admissions: createAdmissionsService({ ...deps, calendar, members, rulesets }),
    meetings: createMeetingsService({ ...deps, rulesets, documents }),
    evaluation,
    reports,
    reportSubmissions,
    reportExports: createReportExportsService({ ...deps, compute: reports.computeReport, submissions: reportSubmissions }),
    directives: createDirectivesService({ ...deps, calendar }),
    inspection: createInspectionService(deps),
    inspectionCases: createInspectionCasesService(deps),
    meetingsCommittees: {
      compliance: createComplianceService(deps),
      alerts: createAlertsService({ ...deps, members }),
      self: createSelfService({ ...deps, documents }),
    },
  };
}

/** The services above the record-keeping modules (reports), built on those below through ports. */
function createReportServices(deps: AppDeps, s: ReturnType<typeof createRecordServices>) {
  return {
    congress: createCongressService(deps),
    termTargets: createTermTargetsService({ ...deps, computeReportTable: s.reports.computeReportTable }),
    dashboard: createDashboardService({
      clock: deps.clock,
      orgs: s.orgs,
      admissions: s.admissions,
      evaluation: s.evaluation,
      members: s.members,
      computeReport: s.reports.computeReport,
      memberTotalsOn: s.reports.memberTotalsOn,
    }),
  };
}

export function createServices(deps: AppDeps) {
  const record = createRecordServices(deps);
  return { ...record, ...createReportServices(deps, record) };
}

export type Services = ReturnType<typeof createServices>;

export async function createApp(deps: AppDeps): Promise<{ app: FastifyInstance; services: Services; routes: { method: string; url: string }[] }> {
  installVietnameseErrors();
  const { config, clock } = deps;
  const app = Fastify({
    logger: loggerOptions(config, deps.logSink),
    // One line per request, written by registerRequestLog, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 5 * 1024 * 1024,
    // Ids in URLs are UUIDs; long URLs are garbage.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  // Every route, recorded as it is added: tests check that each one has its isolation and bad-input cases.
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  // Answers are written by serialisers compiled from their zod schemas; tests also check each one with zod (serializer.ts).
  app.setSerializerCompiler(createSerializerCompiler({ check: config.checkResponses }));
  registerErrorHandler(app);
  registerRequestLog(app);
  // The API speaks JSON only; any other body answers 415.
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  // JSON answers of 1 KB and more are compressed when the client accepts it (brotli at quality 4, else gzip). Not the
  // answers of /api/auth/, which carry the CSRF token: a secret in a compressed answer beside text an attacker can
  // choose is what BREACH reads. Request bodies are not decompressed (a compressed upload stays a 400/415 as before).
  app.addHook('onRoute', (r) => {
    if (r.url.startsWith('/api/auth/')) r.compress = false;
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], globalDecompression: false });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({
      statusCode: 429,
      error: { code: 'RATE_LIMITED', message: 'Quá nhiều lần thử, vui lòng đợi một phút rồi thử lại.', details: [] },
    }),
  });
  await app.register(swagger, {
    openapi: { info: { title: 'Hạt Nhân API', version: '0.1.0', description: 'API của Hạt Nhân. Xem thêm docs/api.md.' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const services = createServices(deps);
  // The rule sets of the database become the versions every computation reads (docs/modules/rulesets.md).
  await services.rulesets.registry();
  registerAuthHook(app, (token) => services.auth.resolve(token));
  registerNulGuard(app);
  await app.register(authRoutes(services.auth, config));
  await app.register(orgsRoutes(services.orgs, clock));
  await app.register(usersRoutes(services.users));
  await app.register(membersRoutes(services.members));
  await app.register(disciplineRoutes(services.discipline));
  await app.register(memberRecordsRoutes(services.memberRecords));
  await app.register(memberImportRoutes(services.memberImport, { maxMb: config.importMaxMb }));
  await app.register(memberSheetRoutes(services.memberSheet));
  await app.register(memberDocumentsRoutes(services.memberDocuments, { maxMb: config.documentMaxMb }));
  await app.register(auditRoutes(services.audit));
  await app.register(calendarRoutes(services.calendar));
  await app.register(rulesetsRoutes(services.rulesets));
  await app.register(admissionsRoutes(services.admissions));
  await app.register(meetingsRoutes(services.meetings, { maxMb: config.importMaxMb, documentMaxMb: config.documentMaxMb }));
  await app.register(evaluationRoutes(services.evaluation, { maxMb: config.importMaxMb }));
  await app.register(dashboardRoutes(services.dashboard));
  await app.register(reportsRoutes(services.reports));
  await app.register(reportSubmissionsRoutes(services.reportSubmissions));
  await app.register(reportExportsRoutes(services.reportExports));
  await app.register(directivesRoutes(services.directives));
  await app.register(inspectionRoutes(services.inspection, services.inspectionCases));
  await app.register(meetingsComplianceRoutes(services.meetingsCommittees));
  await app.register(congressRoutes(services.congress));
  await app.register(termTargetsRoutes(services.termTargets));

  const webDir = config.webDir;
  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'));
  // wildcard: files are looked up on each request, so a rebuilt client is served without a restart.
  // preCompressed: the build writes .br and .gz beside each text file (scripts/build-web.mjs); the one the browser
  // accepts is sent. Files under assets/ carry a content hash in their names: cached for a year, never revalidated;
  // everything else (index.html) is revalidated on every load, so a new build is picked up at once.
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      index: 'index.html',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const hashed = path.relative(webDir, filePath).split(path.sep)[0] === 'assets';
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    // A missing file (a script of an older build) answers 404, never the page: a script must not receive HTML.
    const isFile = /\.[a-z0-9]{1,5}$/i.test(path);
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb || isFile) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ yêu cầu.', details: [] } });
    }
    // The single-page application answers every other GET: React Router takes over in the browser.
    return reply.type('text/html').sendFile('index.html');
  });
  return { app, services, routes };
}
