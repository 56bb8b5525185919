import AutoAwesomeRounded from '@mui/icons-material/AutoAwesomeRounded';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Page } from '../../../../common/pagination';
import { ChipInput } from '../../components/chip-input';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/api-error';
import { useBelowBreakpoint } from '../../lib/use-below-breakpoint';
import { type GenerationAccepted, useGenerate, useGenerationProgress } from './api';
import { GenerationProgress } from './generation-progress';

const FOCUS_SUGGESTIONS = ['pricing', 'security', 'integrations', 'support', 'implementation'];

interface CompetitorOption {
  id: string;
  name: string;
}

function useCompetitorOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['competitors', 'options'],
    enabled,
    queryFn: ({ signal }) =>
      api.get<Page<CompetitorOption>>('/api/v1/competitors?limit=100', { signal }),
  });
}

function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'ai_rate_limited') return error.message;
    return error.message;
  }
  return 'Could not start the generation. Check your connection and try again.';
}

/**
 * Generate a battlecard: pick the competitor (unless given), the segment and what to focus
 * on; then watch the stages as they happen, and open the card when it is written.
 */
export function GenerateDialog({
  open,
  onClose,
  competitor,
}: {
  open: boolean;
  onClose: () => void;
  /** Fixed when opened from a competitor's page. */
  competitor?: CompetitorOption;
}) {
  const navigate = useNavigate();
  const phone = useBelowBreakpoint('sm');
  const options = useCompetitorOptions(open && !competitor);
  const [competitorId, setCompetitorId] = useState(competitor?.id ?? '');
  const [segment, setSegment] = useState('General');
  const [focusAreas, setFocusAreas] = useState<string[]>([]);
  const [accepted, setAccepted] = useState<GenerationAccepted>();
  const mutation = useGenerate();
  const progress = useGenerationProgress(accepted);

  useEffect(() => {
    if (progress.done && accepted) void navigate(`/battlecards/${accepted.battlecardId}`);
  }, [progress.done, accepted, navigate]);

  function start() {
    const id = competitor?.id ?? competitorId;
    if (!id || !segment.trim()) return;
    setAccepted(undefined);
    mutation.mutate(
      { competitorId: id, productSegment: segment.trim(), focusAreas },
      { onSuccess: setAccepted },
    );
  }

  const running = Boolean(accepted) && !progress.failed;
  const name = competitor?.name ?? options.data?.items.find((c) => c.id === competitorId)?.name;

  return (
    <Dialog
      open={open}
      onClose={running ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      fullScreen={phone}
      aria-labelledby="generate-title"
      slotProps={{
        transition: {
          onExited: () => {
            setAccepted(undefined);
            mutation.reset();
          },
        },
      }}
    >
      <DialogTitle id="generate-title">
        {accepted ? `Generating ${name ?? 'the'} battlecard` : 'Generate a battlecard'}
      </DialogTitle>
      <DialogContent>
        {!accepted && (
          <Stack
            component="form"
            id="generate-form"
            spacing={2.5}
            sx={{ pt: 1 }}
            onSubmit={(e) => {
              e.preventDefault();
              start();
            }}
          >
            <DialogContentText>
              Ringside reads the competitor’s evidence, builds a profile and writes a draft card.
              Every claim cites an exact quote from the evidence; a section with no evidence is left
              empty with a note.
            </DialogContentText>
            {!competitor && (
              <TextField
                select
                label="Competitor"
                name="competitorId"
                required
                value={competitorId}
                onChange={(e) => {
                  setCompetitorId(e.target.value);
                }}
                helperText={options.isError ? 'Could not load competitors.' : undefined}
              >
                {(options.data?.items ?? []).map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {c.name}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField
              label="Segment"
              name="segment"
              required
              autoFocus={Boolean(competitor)}
              value={segment}
              onChange={(e) => {
                setSegment(e.target.value);
              }}
              helperText="Who the card is for, e.g. Mid-market or Enterprise healthcare."
              slotProps={{ htmlInput: { maxLength: 80 } }}
            />
            <ChipInput
              label="Focus areas"
              name="focusAreas"
              value={focusAreas}
              onChange={setFocusAreas}
              suggestions={FOCUS_SUGGESTIONS}
              max={10}
              maxLength={60}
              helperText="Optional: what sellers should lead with."
            />
            {mutation.isError && <Alert severity="error">{errorText(mutation.error)}</Alert>}
          </Stack>
        )}
        {accepted && (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <GenerationProgress
              stage={progress.stage}
              percent={progress.percent}
              done={progress.done}
              live={progress.live}
            />
            {progress.failed && (
              <Alert severity="error" role="alert">
                The generation failed{progress.error ? `: ${progress.error}` : '.'} Nothing you
                wrote was changed. Try again, or add evidence first if the competitor has little.
              </Alert>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {!accepted && (
          <>
            <Button onClick={onClose} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button
              type="submit"
              form="generate-form"
              variant="contained"
              startIcon={<AutoAwesomeRounded />}
              disabled={mutation.isPending || !segment.trim() || !(competitor?.id ?? competitorId)}
            >
              {mutation.isPending ? 'Starting…' : 'Generate'}
            </Button>
          </>
        )}
        {accepted && progress.failed && (
          <>
            <Button onClick={onClose}>Close</Button>
            <Button variant="contained" onClick={start}>
              Try again
            </Button>
          </>
        )}
        {running && !progress.done && <Button onClick={onClose}>Run in background</Button>}
      </DialogActions>
    </Dialog>
  );
}
