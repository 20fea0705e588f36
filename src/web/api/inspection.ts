/**
 * TanStack Query hooks of inspection and supervision (issue 15): plans with progress, progress and coverage of a
 * subtree, items, cases. Types from src/contract/inspection.ts; keys start with 'inspection'.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from './client.ts';
import type { CaseDetail, CoverageResponse, DisciplineFigureRow, ItemView, PlanDetail, PlanSummary, ProgressResponse } from '../../contract/inspection.ts';
import type { ReportTableResponse } from '../../contract/reports.ts';

const KEY = ['inspection'] as const;

export function usePlans(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...KEY, 'plans', orgId, year],
    queryFn: ({ signal }) => api.get<{ items: PlanSummary[] }>('/inspection/plans', { orgId, year }, signal),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'plan', id],
    queryFn: ({ signal }) => api.get<PlanDetail>(`/inspection/plans/${id}`, {}, signal),
    enabled: id !== null,
  });
}

export function useProgress(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...KEY, 'progress', orgId, year],
    queryFn: ({ signal }) => api.get<ProgressResponse>('/inspection/progress', { orgId, year }, signal),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCoverage(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...KEY, 'coverage', orgId, year],
    queryFn: ({ signal }) => api.get<CoverageResponse>('/inspection/coverage', { orgId, year }, signal),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export interface OrgRow {
  id: string;
  name: string;
  kindName: string;
  own: number;
  subjectOf: number;
}

export function useCoverageList(q: Record<string, QueryValue> | null) {
  return useQuery({
    queryKey: [...KEY, 'coverage-list', q],
    queryFn: ({ signal }) => api.get<{ total: number; items: OrgRow[] }>('/inspection/coverage/orgs', { ...q, pageSize: 200 }, signal),
    enabled: q !== null,
  });
}

/** The decisions or complaints behind a discipline figure of the statistics (sensitive). */
export function useDisciplineFigure(q: Record<string, QueryValue>, page: number) {
  return useQuery({
    queryKey: [...KEY, 'disciplines', q, page],
    queryFn: ({ signal }) => api.get<{ total: number; items: DisciplineFigureRow[] }>('/inspection/disciplines', { ...q, page, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useItems(q: Record<string, QueryValue>, page: number) {
  return useQuery({
    queryKey: [...KEY, 'items', q, page],
    queryFn: ({ signal }) => api.get<{ total: number; items: ItemView[] }>('/inspection/items', { ...q, page, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCases(orgId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'cases', orgId],
    queryFn: ({ signal }) => api.get<{ total: number; items: CaseDetail[] }>('/inspection/cases', { orgId, pageSize: 200 }, signal),
    enabled: orgId !== undefined,
    retry: false,
  });
}

export function useInspectionStatistics(orgId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...KEY, 'statistics', orgId, from, to],
    queryFn: ({ signal }) => api.get<ReportTableResponse>('/reports/tables/inspection-work', { orgId, from, to }, signal),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every write of the page: refreshes what the page shows. */
export function useInspectionWrite<T>(send: (body: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const inspectionApi = {
  createPlan: (body: unknown) => api.post<PlanDetail>('/inspection/plans', body),
  createItem: (body: unknown) => api.post<ItemView>('/inspection/items', body),
  updateItem: (id: string, body: unknown) => api.patch<ItemView>(`/inspection/items/${id}`, body),
  createCase: (body: unknown) => api.post<CaseDetail>('/inspection/cases', body),
  updateCase: (id: string, body: unknown) => api.patch<CaseDetail>(`/inspection/cases/${id}`, body),
  revealCase: (id: string) => api.post<CaseDetail>(`/inspection/cases/${id}/reveal`),
};
