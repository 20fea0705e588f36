/**
 * The committees' side of the cells' meetings over the HTTP API (issue 16 parts 4, 5, 7): compliance, the absence
 * alert, the member's own view. Types from src/contract/meetings.compliance.ts; query keys start with 'meetings'.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client.ts';
import type {
  AbsenceAlerts,
  ComplianceAnswer,
  ComplianceMeetings,
  ComplianceMeetingsQuery,
  DismissAlertInput,
  MyMeetings,
  StrikeOffInput,
} from '../../contract/meetings.compliance.ts';

export type { AbsenceAlerts, ComplianceAnswer, ComplianceMeetings, MyMeetings };

export function useCompliance(orgId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['meetings', 'compliance', orgId, from, to],
    enabled: !!orgId,
    queryFn: ({ signal }) => api.get<ComplianceAnswer>('/meetings/compliance', { orgId, from, to }, signal),
  });
}

/** The held meetings behind a compliance figure (those failing `check`, or all), a page at a time. */
export function useComplianceMeetings(q: Omit<ComplianceMeetingsQuery, 'page' | 'pageSize'> & { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['meetings', 'compliance', 'meetings', q],
    enabled,
    queryFn: ({ signal }) => api.get<ComplianceMeetings>('/meetings/compliance/meetings', { ...q }, signal),
  });
}

export const complianceXlsxUrl = (orgId: string, from: string, to: string) => apiUrl('/meetings/compliance/export.xlsx', { orgId, from, to });

export function useAbsenceAlerts() {
  return useQuery({ queryKey: ['meetings', 'alerts'], queryFn: ({ signal }) => api.get<AbsenceAlerts>('/meetings/alerts', undefined, signal) });
}

export function useDismissAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DismissAlertInput) => api.post<{ ok: true }>('/meetings/alerts/dismiss', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['meetings', 'alerts'] }),
  });
}

export function useStrikeOff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StrikeOffInput) => api.post<{ ok: true }>('/meetings/alerts/strike-off', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['meetings', 'alerts'] }),
  });
}

export function useMyMeetings(year: number) {
  return useQuery({ queryKey: ['meetings', 'me', year], queryFn: ({ signal }) => api.get<MyMeetings>('/me/meetings', { year }, signal) });
}
