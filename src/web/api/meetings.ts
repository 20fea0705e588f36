/**
 * Cell meetings over the HTTP API (/api/meetings, issue 16): an organisation's calendar, a meeting's page and its
 * writes; the types are the contract's (src/contract/meetings.ts). Query keys start with 'meetings'.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from './client.ts';
import type {
  AttendanceInput,
  AttendancePreview,
  CreateMeetingInput,
  DocumentInput,
  MeetingDetail,
  MeetingList,
  TaskInput,
  TaskUpdateInput,
  UpdateMeetingInput,
} from '../../contract/meetings.ts';

export type { AttendancePreview, MeetingDetail, MeetingList };

const KEY = ['meetings'] as const;

export function useMeetingList(orgId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...KEY, 'list', orgId, from, to],
    enabled: !!orgId,
    queryFn: ({ signal }) => api.get<MeetingList>('/meetings', { orgId, from, to }, signal),
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: [...KEY, 'detail', id], queryFn: ({ signal }) => api.get<MeetingDetail>(`/meetings/${id}`, undefined, signal) });
}

/** Every write answers the meeting page: it replaces the cached page and refreshes the calendars. */
function useMeetingWrite<I>(fn: (input: I) => Promise<MeetingDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (m) => {
      qc.setQueryData([...KEY, 'detail', m.id], m);
      void qc.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export const useCreateMeeting = () => useMeetingWrite((input: CreateMeetingInput) => api.post<MeetingDetail>('/meetings', input));
export const useUpdateMeeting = (id: string) => useMeetingWrite((input: UpdateMeetingInput) => api.patch<MeetingDetail>(`/meetings/${id}`, input));
export const useRecordAttendance = (id: string) => useMeetingWrite((input: AttendanceInput) => api.post<MeetingDetail>(`/meetings/${id}/attendance`, input));
export const useAddDocument = (id: string) => useMeetingWrite((input: DocumentInput) => api.post<MeetingDetail>(`/meetings/${id}/documents`, input));
export const useSendDocuments = (id: string) => useMeetingWrite(() => api.post<MeetingDetail>(`/meetings/${id}/documents/send`, {}));
export const useAddTask = (id: string) => useMeetingWrite((input: TaskInput) => api.post<MeetingDetail>(`/meetings/${id}/tasks`, input));
export const useUpdateTask = () =>
  useMeetingWrite(({ id, ...input }: TaskUpdateInput & { id: string }) => api.patch<MeetingDetail>(`/meetings/tasks/${id}`, input));

/** Uploads a file of the meeting: a new document (role, title) or the file of one registered by its title (documentId). */
export const useUploadMeetingFile = (id: string) =>
  useMeetingWrite(({ file, ...fields }: { file: File; role?: string; documentId?: string }) =>
    uploadFile<MeetingDetail>(`/meetings/${id}/files`, file, file.name, undefined, undefined, fields),
  );

export function usePreviewAttendance(id: string) {
  return useMutation({ mutationFn: (file: File) => uploadFile<AttendancePreview>(`/meetings/${id}/attendance/preview`, file, file.name) });
}
