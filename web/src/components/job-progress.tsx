import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { type Job, useJobProgress } from '../lib/realtime-hooks';

export interface JobProgressProps {
  jobId: string | null | undefined;
  /** What the job does, e.g. "Generating the battlecard". */
  title?: string;
  /** People's words for the job's stage names, e.g. `{ analysing: 'Reading the evidence' }`. */
  stageLabels?: Record<string, string>;
  /** Runs once when the job completes (e.g. open the card), with its result. */
  onDone?: (job: Job) => void;
  /** Runs once when the job fails for good. */
  onFailed?: (job: Job) => void;
}

/** `reading_sources` / `reading-sources` → "Reading sources". */
export function stageText(stage: string, labels?: Record<string, string>): string {
  const label = labels?.[stage];
  if (label) return label;
  const words = stage.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : '';
}

/**
 * A live job: its stage and percent while it runs, then done or its error. Updates arrive
 * over the live connection (polled when that is down), so it can sit in a dialog, a row of a
 * document list, or a monitoring panel.
 */
export function JobProgress({ jobId, title, stageLabels, onDone, onFailed }: JobProgressProps) {
  const { job, error } = useJobProgress(jobId);
  const reported = useRef<string | null>(null);
  const callbacks = useRef({ onDone, onFailed });
  callbacks.current = { onDone, onFailed };

  useEffect(() => {
    if (!job || reported.current === job.id) return;
    // Completed with its result read (the final GET), or failed: tell the caller once.
    if (job.status === 'completed' && job.finishedAt) {
      reported.current = job.id;
      callbacks.current.onDone?.(job);
    } else if (job.status === 'failed') {
      reported.current = job.id;
      callbacks.current.onFailed?.(job);
    }
  }, [job]);

  if (error && !job) {
    return (
      <Alert severity="error" variant="outlined">
        Could not follow this job: {error.message}
      </Alert>
    );
  }

  const status = job?.status ?? 'queued';
  const percent = job?.progress ?? 0;
  const stage =
    status === 'queued'
      ? 'Waiting to start…'
      : status === 'completed'
        ? 'Done'
        : stageText(job?.stage ?? '', stageLabels);

  return (
    <Box role="status" aria-live="polite" aria-busy={status === 'queued' || status === 'running'}>
      {title && (
        <Typography variant="subtitle2" component="p" sx={{ mb: 0.5 }}>
          {title}
        </Typography>
      )}
      {status === 'failed' ? (
        <Alert severity="error" icon={<ErrorOutlineRounded />} data-testid="job-failed">
          {job?.error ?? 'The job failed.'}
        </Alert>
      ) : (
        <>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 0.75, minHeight: 24 }}>
            {status === 'completed' && (
              <CheckCircleRounded color="success" fontSize="small" aria-hidden />
            )}
            <Typography
              variant="body2"
              sx={{ flexGrow: 1, minWidth: 0, color: 'text.secondary' }}
              noWrap
              data-testid="job-stage"
            >
              {stage}
            </Typography>
            {status !== 'queued' && (
              <Typography
                variant="body2"
                sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}
                data-testid="job-percent"
              >
                {percent}%
              </Typography>
            )}
          </Stack>
          <LinearProgress
            variant={status === 'queued' ? 'indeterminate' : 'determinate'}
            value={percent}
            color={status === 'completed' ? 'success' : 'primary'}
            aria-label={title ?? 'Progress'}
            sx={{ height: 8, borderRadius: 4 }}
          />
        </>
      )}
    </Box>
  );
}
