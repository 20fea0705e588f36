/**
 * TanStack Query hooks of the reports (issue 14): the dashboard and the report's tables, with the contract's types
 * (src/contract/reports.ts). Query keys start with 'reports'; a change of the records (a member's event) makes them
 * stale through the 15 s stale time, and the page's «Tính lại» refetches at once.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from './client.ts';
import type { DashboardResponse, ReportCatalogue, ReportResponse } from '../../contract/reports.ts';

export type { DashboardResponse, ReportResponse };

const KEY = ['reports'] as const;

export function useDashboard(orgId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'dashboard', orgId ?? null],
    queryFn: ({ signal }) => api.get<DashboardResponse>('/reports/dashboard', orgId ? { orgId } : {}, signal),
    placeholderData: keepPreviousData,
  });
}

/** The query string of a report, as the API takes it (`GET /api/reports`, the exports, a submission). */
export interface ReportParams {
  orgId: string;
  asOf?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  compare?: boolean | undefined;
  breakdown?: 'children' | undefined;
  fromYear?: number | undefined;
  toYear?: number | undefined;
}

export function reportQueryValues(p: ReportParams): Record<string, QueryValue> {
  return {
    orgId: p.orgId,
    asOf: p.asOf,
    from: p.from,
    to: p.to,
    compare: p.compare ? 'true' : undefined,
    breakdown: p.breakdown,
    fromYear: p.fromYear,
    toYear: p.toYear,
  };
}

export function useReport(p: ReportParams | null) {
  return useQuery({
    queryKey: [...KEY, 'report', p],
    queryFn: ({ signal }) => api.get<ReportResponse>('/reports', reportQueryValues(p!), signal),
    enabled: p !== null,
    placeholderData: keepPreviousData,
  });
}

export function useReportCatalogue() {
  return useQuery({
    queryKey: [...KEY, 'catalogue'],
    queryFn: ({ signal }) => api.get<ReportCatalogue>('/reports/catalogue', {}, signal),
    staleTime: Infinity,
  });
}
