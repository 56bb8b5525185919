import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import Card from '@mui/material/Card';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { FilterSelect } from '../../../components/filter-select';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadMoreFooter } from '../../../components/load-more';
import { QueryError } from '../../../components/query-error';
import { DOCUMENT_STATUSES } from '../../../../../common/document-values';
import { useDocuments, useStorageUsage, type DocumentStatus } from '../api';
import { formatBytes, statusLabel } from '../format';
import { useUploads } from '../use-uploads';
import { DocumentDialog } from './document-dialog';
import { DocumentList } from './document-list';
import { DropZone } from './drop-zone';
import { UploadList } from './upload-list';

/**
 * Upload (drag and drop, several at once, progress per file) and the documents list, for the
 * workspace or one competitor. The list refreshes while a document is being read.
 */
export function DocumentsPanel({
  competitorId,
  canEdit,
  label,
}: {
  competitorId?: string | undefined;
  canEdit: boolean;
  label: string;
}) {
  const usage = useStorageUsage();
  const maxBytes = usage.data?.uploadMaxBytes;
  const uploads = useUploads(competitorId, maxBytes);
  const [status, setStatus] = useState<DocumentStatus | undefined>();
  const [open, setOpen] = useState<string>();
  const query = useDocuments({ competitorId, status });
  const items = query.data?.items ?? [];
  const noneAtAll = query.data !== undefined && items.length === 0 && !status;

  return (
    <Card component="section" aria-label={label}>
      {canEdit && (
        <Stack spacing={2} sx={{ p: 2 }}>
          <DropZone
            maxBytes={maxBytes}
            onFiles={(files) => {
              void uploads.add(files);
            }}
          />
          <UploadList items={uploads.items} onDismiss={uploads.dismiss} />
        </Stack>
      )}
      {!noneAtAll && (
        <>
          <Divider />
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            spacing={1.5}
            sx={{ p: 2, alignItems: { sm: 'center' } }}
          >
            <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
              {usage.data
                ? `${formatBytes(usage.data.usedBytes)} of ${formatBytes(usage.data.quotaBytes)} used by documents`
                : ''}
            </Typography>
            <FilterSelect
              label="Status"
              allLabel="Any status"
              options={DOCUMENT_STATUSES}
              optionLabel={statusLabel}
              value={status}
              onChange={setStatus}
              sx={{ width: { sm: 200 } }}
            />
          </Stack>
          <Divider />
        </>
      )}
      {query.isPending && <ListSkeleton rows={3} rowHeight={64} />}
      {query.isError && !query.data && <QueryError what="the documents" query={query} inset />}
      {noneAtAll && (
        <EmptyState icon={<DescriptionOutlined />} title="No documents yet">
          {canEdit
            ? 'Upload analyst reports, competitor datasheets, pricing sheets or call notes. Ringside reads their text and files it as evidence your battlecards can cite.'
            : 'Editors can upload analyst reports, datasheets and call notes here; their text becomes evidence.'}
        </EmptyState>
      )}
      {query.data && items.length === 0 && status && (
        <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
          No documents with this status.
        </Typography>
      )}
      {items.length > 0 && (
        <>
          <DocumentList items={items} onOpen={setOpen} />
          <LoadMoreFooter
            summary={`${items.length} document${items.length === 1 ? '' : 's'} shown`}
            list={query}
          />
        </>
      )}
      <DocumentDialog
        id={open}
        onClose={() => {
          setOpen(undefined);
        }}
      />
    </Card>
  );
}
