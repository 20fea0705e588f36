/**
 * TanStack Query hooks of discipline decisions (issue 15 parts 4, 9): the decisions of a subtree or of a member, and
 * the writes (a decision, a complaint and its outcome, a revocation, a deferral). Types from src/contract/discipline.ts;
 * keys start with 'discipline', and a write also refreshes the member files (their disciplines tab).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client.ts';
import type { DecisionList, DeferralView, DisciplineDecisionView } from '../../contract/discipline.ts';

/** The list's query (contract DecisionListQuery). */
export interface DisciplineListQuery {
  orgId?: string;
  memberId?: string;
  inForceOn?: string;
  year?: number;
  page?: number;
  pageSize?: number;
}

const KEY = ['discipline'] as const;

export function useDisciplineDecisions(q: DisciplineListQuery, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'decisions', q],
    queryFn: ({ signal }) => api.get<DecisionList>('/discipline/decisions', { ...q }, signal),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Every write of the discipline tab: refreshes the lists and the member files. */
export function useDisciplineWrite<T>(send: (body: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: KEY }), qc.invalidateQueries({ queryKey: ['members'] })]),
  });
}

export const disciplineApi = {
  create: (body: unknown) => api.post<DisciplineDecisionView>('/discipline/decisions', body),
  revoke: (v: { id: string; body: unknown }) => api.post<DisciplineDecisionView>(`/discipline/decisions/${v.id}/revoke`, v.body),
  complain: (v: { id: string; body: unknown }) => api.post<DisciplineDecisionView>(`/discipline/decisions/${v.id}/complaints`, v.body),
  outcome: (v: { id: string; complaintId: string; body: unknown }) =>
    api.post<DisciplineDecisionView>(`/discipline/decisions/${v.id}/complaints/${v.complaintId}/outcome`, v.body),
  defer: (body: unknown) => api.post<DeferralView>('/discipline/deferrals', body),
};

/** The decision as a Word file (its download is audited). */
export const disciplineDocumentUrl = (id: string) => apiUrl(`/discipline/decisions/${id}/document.docx`);
