import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import Popover from '@mui/material/Popover';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import {
  EXPORT_FORMAT_LABELS,
  EXPORT_FORMATS,
  type ExportAudience,
  type ExportFormat,
} from '../../../../../common/export-formats';
import { apiRequest } from '../../../lib/api';
import { ApiError } from '../../../lib/api-error';
import { useBelowBreakpoint } from '../../../lib/use-below-breakpoint';
import { downloadName } from '../download-name';

const FORMAT_HINTS: Record<ExportFormat, string> = {
  pdf: 'to print or attach',
  docx: 'to edit in Word',
  md: 'to paste into a wiki or email',
};

/** Saves a Blob under `name` through a temporary link (the way browsers allow a named save). */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Export" on a battlecard: format (PDF, Word, Markdown) and audience (everything the reader
 * may see, internal claims marked; or shareable claims only), downloaded under the server's
 * file name. With `version`, that published version is exported.
 */
export function ExportMenu({ cardId, version }: { cardId: string; version?: number }) {
  const isPhone = useBelowBreakpoint('sm');
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [audience, setAudience] = useState<ExportAudience>('all');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formatLabel = useId();
  const audienceLabel = useId();
  const label = version ? `Export version ${version}` : 'Export';

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const response = await apiRequest<Response>(
        `/api/v1/battlecards/${cardId}/export/${format}`,
        { raw: true, query: { audience, version } },
      );
      const name = downloadName(
        response.headers.get('content-disposition'),
        `battlecard.${format}`,
      );
      save(await response.blob(), name);
      setAnchor(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The export failed. Try again.');
    } finally {
      setBusy(false);
    }
  }

  const open = (event: React.MouseEvent<HTMLElement>) => setAnchor(event.currentTarget);
  return (
    <>
      {isPhone ? (
        <Tooltip title={label}>
          <IconButton aria-label={label} size="small" onClick={open} aria-haspopup="dialog">
            <FileDownloadOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      ) : (
        <Button
          size="small"
          variant="outlined"
          startIcon={<FileDownloadOutlined fontSize="small" />}
          onClick={open}
          aria-haspopup="dialog"
          sx={{ bgcolor: 'background.paper' }}
        >
          {label}
        </Button>
      )}
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { p: 2, width: 300, maxWidth: 'calc(100vw - 24px)' } } }}
      >
        <Stack spacing={1.5} role="dialog" aria-label={label}>
          <div>
            <FormLabel id={formatLabel} sx={{ fontSize: '0.8rem', fontWeight: 600 }}>
              Format
            </FormLabel>
            <RadioGroup
              aria-labelledby={formatLabel}
              value={format}
              onChange={(e) => setFormat(e.target.value as ExportFormat)}
            >
              {EXPORT_FORMATS.map((f) => (
                <FormControlLabel
                  key={f}
                  value={f}
                  control={<Radio size="small" />}
                  label={
                    <Typography variant="body2">
                      {EXPORT_FORMAT_LABELS[f]}{' '}
                      <Typography component="span" variant="body2" color="text.secondary">
                        — {FORMAT_HINTS[f]}
                      </Typography>
                    </Typography>
                  }
                />
              ))}
            </RadioGroup>
          </div>
          <div>
            <FormLabel id={audienceLabel} sx={{ fontSize: '0.8rem', fontWeight: 600 }}>
              Audience
            </FormLabel>
            <RadioGroup
              aria-labelledby={audienceLabel}
              value={audience}
              onChange={(e) => setAudience(e.target.value as ExportAudience)}
            >
              <FormControlLabel
                value="all"
                control={<Radio size="small" />}
                label={
                  <Typography variant="body2">
                    Internal — all claims, internal ones marked
                  </Typography>
                }
              />
              <FormControlLabel
                value="shareable"
                control={<Radio size="small" />}
                label={
                  <Typography variant="body2">
                    Shareable — for customers, no internal claims
                  </Typography>
                }
              />
            </RadioGroup>
          </div>
          {error && (
            <Alert severity="error" sx={{ py: 0 }}>
              {error}
            </Alert>
          )}
          <Button
            variant="contained"
            onClick={() => void download()}
            disabled={busy}
            startIcon={<FileDownloadOutlined fontSize="small" />}
          >
            {busy ? 'Preparing…' : `Download ${EXPORT_FORMAT_LABELS[format]}`}
          </Button>
        </Stack>
      </Popover>
    </>
  );
}
