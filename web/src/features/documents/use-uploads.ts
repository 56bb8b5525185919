import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../lib/api-error';
import { documentKeys, uploadDocument } from './api';
import { uploadErrorMessage } from './format';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  /** 0–1 while sending. */
  progress: number;
  phase: 'uploading' | 'done' | 'refused';
  documentId?: string;
  duplicate?: boolean;
  error?: string;
}

let nextKey = 0;

/**
 * Files being uploaded, each with its own progress and outcome. Files go one after another so
 * each progress bar moves on its own and a slow link is not split many ways.
 */
export function useUploads(competitorId: string | undefined, maxBytes: number | undefined) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    async (files: File[]) => {
      const queued = files.map((file) => ({ file, key: `u${nextKey++}` }));
      setItems((all) => [
        ...queued.map(({ file, key }) => ({
          key,
          name: file.name,
          size: file.size,
          progress: 0,
          phase: 'uploading' as const,
        })),
        ...all,
      ]);
      for (const { file, key } of queued) {
        // Refuse what the server would refuse anyway, before sending megabytes.
        if (maxBytes !== undefined && file.size > maxBytes) {
          patch(key, {
            phase: 'refused',
            error: uploadErrorMessage('file_too_large', '', maxBytes),
          });
          continue;
        }
        try {
          const result = await uploadDocument(file, { competitorId }, (progress) => {
            patch(key, { progress });
          });
          patch(key, {
            phase: 'done',
            progress: 1,
            documentId: result.id,
            duplicate: result.duplicate,
          });
        } catch (err) {
          const error =
            err instanceof ApiError
              ? uploadErrorMessage(err.code, err.message, maxBytes)
              : 'The upload failed.';
          patch(key, { phase: 'refused', error });
        }
        void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      }
    },
    [competitorId, maxBytes, patch, queryClient],
  );

  const dismiss = useCallback((key: string) => {
    setItems((all) => all.filter((item) => item.key !== key));
  }, []);

  return { items, add, dismiss };
}
