import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import CloseRounded from '@mui/icons-material/CloseRounded';
import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatBytes } from '../format';
import type { UploadItem } from '../use-uploads';

/** One line per file sent in this visit: its progress, then whether it was taken. */
export function UploadList({
  items,
  onDismiss,
}: {
  items: UploadItem[];
  onDismiss: (key: string) => void;
}) {
  if (items.length === 0) return null;
  return (
    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Uploads">
      {items.map((item) => (
        <Box
          component="li"
          key={item.key}
          data-testid="upload-item"
          sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0 }}
        >
          {item.phase === 'refused' ? (
            <ErrorOutlineRounded color="error" fontSize="small" />
          ) : item.phase === 'done' ? (
            <CheckCircleOutlined color="success" fontSize="small" />
          ) : (
            <Box sx={{ width: 20 }} />
          )}
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="body2" noWrap sx={{ fontWeight: 600 }} title={item.name}>
              {item.name}{' '}
              <Typography component="span" variant="body2" color="text.secondary">
                {formatBytes(item.size)}
              </Typography>
            </Typography>
            {item.phase === 'uploading' && (
              <LinearProgress
                variant="determinate"
                value={Math.round(item.progress * 100)}
                aria-label={`Uploading ${item.name}`}
                sx={{ mt: 0.5, borderRadius: 1 }}
              />
            )}
            {item.phase === 'done' && (
              <Typography variant="body2" color="text.secondary">
                {item.duplicate
                  ? 'Already uploaded: this is the same file as an existing document.'
                  : 'Uploaded. Its reading status is in the list below.'}
              </Typography>
            )}
            {item.phase === 'refused' && (
              <Typography variant="body2" color="error" role="alert">
                {item.error}
              </Typography>
            )}
          </Box>
          {item.phase !== 'uploading' && (
            <IconButton
              size="small"
              aria-label={`Dismiss ${item.name}`}
              onClick={() => {
                onDismiss(item.key);
              }}
            >
              <CloseRounded fontSize="small" />
            </IconButton>
          )}
        </Box>
      ))}
    </Stack>
  );
}
