/**
 * Term targets over the HTTP API (issue 17 part 6): the terms of an organisation, the targets page of a term, a new
 * target, the yearly actuals of a hand-entered one. Types from src/contract/congress.targets.ts; keys start with
 * 'congress'.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { TermListResponse } from '../../contract/congress.ts';
import type { CreateTargetBody, SetActualsBody, TermTarget, TermTargetsResponse } from '../../contract/congress.targets.ts';

export type { CreateTargetBody, SetActualsBody, TermTarget, TermTargetsResponse };

const KEY = ['congress'] as const;

export function useOrgTerms(orgId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'terms', orgId],
    queryFn: ({ signal }) => api.get<TermListResponse>('/congress/terms', { orgId: orgId! }, signal),
    enabled: Boolean(orgId),
  });
}

export function useTermTargets(termId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'targets', termId],
    queryFn: ({ signal }) => api.get<TermTargetsResponse>(`/congress/terms/${termId!}/targets`, undefined, signal),
    enabled: Boolean(termId),
  });
}

export function useAddTarget(termId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTargetBody) => api.post<TermTargetsResponse>(`/congress/terms/${termId}/targets`, body),
    onSuccess: (data) => qc.setQueryData([...KEY, 'targets', termId], data),
  });
}

export function useSetActuals(termId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SetActualsBody }) => api.patch<TermTargetsResponse>(`/congress/targets/${id}/actuals`, body),
    onSuccess: (data) => qc.setQueryData([...KEY, 'targets', termId], data),
  });
}
