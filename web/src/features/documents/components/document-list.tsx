import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { RowList, RowListItem } from '../../../components/row-list';
import { formatDateTime, formatRelative } from '../../../lib/format';
import type { DocumentSummary } from '../api';
import { documentFacts, formatBytes, formatLabel, statusLabel } from '../format';

const STATUS_COLOR = {
  queued: 'default',
  extracting: 'info',
  ready: 'success',
  failed: 'error',
} as const;

/** Documents newest first: title, format and size, extraction status, what was read. */
export function DocumentList({
  items,
  onOpen,
}: {
  items: DocumentSummary[];
  onOpen: (id: string) => void;
}) {
  return (
    <RowList label="Documents">
      {items.map((doc) => {
        const facts = doc.status === 'ready' ? documentFacts(doc) : '';
        return (
          <RowListItem key={doc.id} data-testid="document-item" sx={{ display: 'flex', gap: 1.5 }}>
            <DescriptionOutlined color="action" sx={{ mt: 0.25 }} />
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
                <Link
                  component="button"
                  type="button"
                  underline="hover"
                  onClick={() => {
                    onOpen(doc.id);
                  }}
                  sx={{ fontWeight: 600, textAlign: 'left', overflowWrap: 'anywhere' }}
                >
                  {doc.title}
                </Link>
                <Chip
                  size="small"
                  label={statusLabel[doc.status]}
                  color={STATUS_COLOR[doc.status]}
                  variant={doc.status === 'ready' ? 'outlined' : 'filled'}
                  data-testid="document-status"
                />
              </Box>
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {formatLabel[doc.format]} · {formatBytes(doc.sizeBytes)}
                {facts ? ` · ${facts}` : ''} ·{' '}
                <span title={formatDateTime(doc.createdAt)}>
                  uploaded {formatRelative(doc.createdAt)}
                  {doc.createdBy ? ` by ${doc.createdBy.name}` : ''}
                </span>
              </Typography>
              {doc.status === 'failed' && doc.error && (
                <Typography variant="body2" color="error">
                  {doc.error}
                </Typography>
              )}
            </Box>
          </RowListItem>
        );
      })}
    </RowList>
  );
}
