import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type {
  Document,
  DocumentStatus,
  DocumentSummary,
  StorageUsage,
  UploadResult,
} from '../../../../common/documents';
import { api, freshAccessToken } from '../../lib/api';
import { ApiError, isApiErrorBody } from '../../lib/api-error';
import { usePagedList } from '../../lib/use-paged-list';

export type { Document, DocumentStatus, DocumentSummary, StorageUsage, UploadResult };

export interface DocumentFilters {
  competitorId?: string | undefined;
  status?: DocumentStatus | undefined;
}

const PAGE = 25;
/** While a document is being read, its list and detail poll (until live updates arrive). */
const POLL_MS = 1_500;

export const documentKeys = {
  all: ['documents'] as const,
  list: (filters: DocumentFilters) => ['documents', 'list', filters] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
  usage: ['documents', 'usage'] as const,
};

const documentPath = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}`;
export const inProgress = (status: DocumentStatus) =>
  status === 'queued' || status === 'extracting';

export function useDocuments(filters: DocumentFilters) {
  const list = usePagedList<DocumentSummary, DocumentFilters>({
    queryKey: documentKeys.list(filters),
    path: '/api/v1/documents',
    filters,
    pageSize: PAGE,
  });
  const busy = list.data?.items.some((d) => inProgress(d.status)) ?? false;
  const { refetch } = list;
  const queryClient = useQueryClient();
  const wasBusy = useRef(false);
  useEffect(() => {
    // Reading finished: the text is evidence now, so evidence lists and counts change.
    if (wasBusy.current && !busy) {
      void queryClient.invalidateQueries({ queryKey: ['evidence'] });
      void queryClient.invalidateQueries({ queryKey: ['competitors'] });
    }
    wasBusy.current = busy;
    if (!busy) return undefined;
    const timer = setInterval(() => void refetch(), POLL_MS);
    return () => clearInterval(timer);
  }, [busy, refetch, queryClient]);
  return list;
}

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: documentKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Document>(documentPath(id!), { signal }),
    enabled: id !== undefined,
    refetchInterval: (query) =>
      query.state.data && inProgress(query.state.data.status) ? POLL_MS : false,
  });
}

export function useStorageUsage() {
  return useQuery({
    queryKey: documentKeys.usage,
    queryFn: ({ signal }) => api.get<StorageUsage>('/api/v1/documents/usage', { signal }),
  });
}

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, keepEvidence }: { id: string; keepEvidence: boolean }) =>
      api.delete<undefined>(documentPath(id), { query: { keepEvidence } }),
    onSuccess: (_done, { id }) => {
      queryClient.removeQueries({ queryKey: documentKeys.detail(id) });
      for (const prefix of ['documents', 'evidence', 'competitors', 'battlecards']) {
        void queryClient.invalidateQueries({ queryKey: [prefix] });
      }
    },
  });
}

/**
 * Uploads one file with XMLHttpRequest, whose upload events give real progress (fetch has no
 * upload progress in browsers yet). Resolves with the document; rejects with an ApiError.
 */
export async function uploadDocument(
  file: File,
  fields: { competitorId?: string | undefined },
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  const token = await freshAccessToken();
  const form = new FormData();
  if (fields.competitorId) form.append('competitorId', fields.competitorId);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/documents');
    xhr.responseType = 'json';
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadResult);
      else if (isApiErrorBody(body)) reject(new ApiError({ ...body.error, status: xhr.status }));
      else
        reject(
          new ApiError({
            code: 'upload_failed',
            message: `The upload failed (${xhr.status}).`,
            status: xhr.status,
          }),
        );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          code: 'network_error',
          message: 'The connection dropped during the upload. Try again.',
          status: 0,
        }),
      );
    xhr.send(form);
  });
}

/** Downloads the stored file (the request needs the access token, so not a plain link). */
export async function downloadDocument(doc: Pick<DocumentSummary, 'id' | 'originalName'>) {
  const token = await freshAccessToken();
  const response = await fetch(`${documentPath(doc.id)}/download`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`Download failed (${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = doc.originalName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
