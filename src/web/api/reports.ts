/**
 * TanStack Query hooks of the reports (issue 14): the dashboard and the report's tables, with the contract's types
 * (src/contract/reports.ts). Query keys start with 'reports'; a change of the records (a member's event) makes them
 * stale through the 15 s stale time, and the page's «Tính lại» refetches at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from './client.ts';
import type { DashboardResponse, ReportCatalogue, ReportResponse } from '../../contract/reports.ts';
import type { ReportSubmissionDetail, ReportSubmissionList, ReportSubmissionStatus, ReportSubmissionSummary } from '../../contract/reports.submissions.ts';

export type { DashboardResponse, ReportResponse, ReportSubmissionSummary };

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

// --- Submitted reports ----------------------------------------------------------------------------------------------

export function useReportSubmissions(q: { orgId: string; from?: string | undefined; to?: string | undefined }) {
  return useQuery({
    queryKey: [...KEY, 'submissions', q],
    queryFn: ({ signal }) => api.get<ReportSubmissionList>('/reports/submissions', q, signal),
  });
}

/** A submission with, per cell, the live figure where it differs: computed afresh each time it is opened. */
export function useReportSubmission(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'submission', id],
    queryFn: ({ signal }) => api.get<ReportSubmissionDetail>(`/reports/submissions/${id ?? ''}`, {}, signal),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useSubmissionStatus(q: { orgId: string; asOf?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  return useQuery({
    queryKey: [...KEY, 'submission-status', q],
    queryFn: ({ signal }) => api.get<ReportSubmissionStatus>('/reports/submissions/status', q, signal),
  });
}

export function useSubmitReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportParams & { note?: string | undefined }) =>
      api.post<ReportSubmissionDetail>('/reports/submissions', { ...body, breakdown: body.breakdown, compare: body.compare }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'submissions'] }),
  });
}
