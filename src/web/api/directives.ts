/**
 * Directives over the HTTP API: the TanStack Query hooks of /api/directives/*, with the contract's types
 * (src/contract/directives.ts) re-exported for the pages. Query keys start with 'directives'; every write makes them
 * all stale (a report changes the directive's progress, the programme's summary and the work queue).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type {
  CreateDirectiveBody,
  CreateTaskBody,
  CreateTopicBody,
  Directive,
  DirectiveListResponse,
  DirectiveQueueResponse,
  ProgrammeListResponse,
  ReportBody,
  Share,
  ShareResponse,
  SplitBody,
  Task,
} from '../../contract/directives.ts';

export type { CreateDirectiveBody, CreateTaskBody, CreateTopicBody, Directive, DirectiveListResponse, ReportBody, Share, ShareResponse, SplitBody, Task };
export type DirectiveWorkItem = DirectiveQueueResponse['items'][number];
export type Programme = ProgrammeListResponse['items'][number];

const KEY = ['directives'] as const;

export function useDirectives(query: { q?: string; kind?: string; page: number }) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: ({ signal }) => api.get<DirectiveListResponse>('/directives', { ...query, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDirective(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<Directive>(`/directives/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useShare(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'share', id],
    queryFn: ({ signal }) => api.get<ShareResponse>(`/directives/shares/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useDirectiveQueue() {
  return useQuery({ queryKey: [...KEY, 'queue'], queryFn: ({ signal }) => api.get<DirectiveQueueResponse>('/directives/work-queue', undefined, signal) });
}

export function useProgrammes() {
  return useQuery({ queryKey: [...KEY, 'programmes'], queryFn: ({ signal }) => api.get<ProgrammeListResponse>('/directives/programmes', undefined, signal) });
}

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateDirective = () => useWrite((b: CreateDirectiveBody) => api.post<Directive>('/directives', b));
export const useAddTask = (id: string) => useWrite((b: CreateTaskBody) => api.post<Directive>(`/directives/${id}/tasks`, b));
export const useAddTopic = (id: string) => useWrite((b: CreateTopicBody) => api.post<Directive>(`/directives/${id}/topics`, b));
export const useReport = (shareId: string) => useWrite((b: ReportBody) => api.post<ShareResponse>(`/directives/shares/${shareId}/reports`, b));
export const useSplit = (shareId: string) => useWrite((b: SplitBody) => api.post<ShareResponse>(`/directives/shares/${shareId}/split`, b));
