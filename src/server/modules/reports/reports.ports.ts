/**
 * The reports module's own seams (issue 14): the tables' service computes a report; submissions, exports and the
 * dashboard take it through this type, so that each part can be built and tested on its own.
 */
import type { ReportQueryInput, ReportResponse, ReportTableKey, ReportTableResponse } from '../../../contract/reports.ts';
import type { Actor } from '../../http/actor.ts';

/** The whole report (every standard table, or the ones named) for a scope and time, checked against the actor's scope. */
export type ComputeReport = (actor: Actor, query: ReportQueryInput, tables?: readonly ReportTableKey[]) => Promise<ReportResponse>;

/** One table. */
export type ComputeReportTable = (actor: Actor, table: ReportTableKey, query: ReportQueryInput) => Promise<ReportTableResponse>;
