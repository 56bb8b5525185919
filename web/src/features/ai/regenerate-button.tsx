import AutorenewRounded from '@mui/icons-material/AutorenewRounded';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useState } from 'react';
import type { Section } from '../../../../common/battlecards';
import { ApiError } from '../../lib/api-error';
import { useRegenerate } from './api';

/** Regenerate one section from the current evidence; people's claims stay unless asked. */
export function RegenerateButton({
  battlecardId,
  section,
  disabled,
}: {
  battlecardId: string;
  section: Section;
  disabled: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [replaceEdited, setReplaceEdited] = useState(false);
  const mutation = useRegenerate(battlecardId);
  return (
    <>
      <Button
        size="small"
        startIcon={<AutorenewRounded />}
        disabled={disabled}
        onClick={() => {
          setOpen(true);
        }}
        aria-label={`Regenerate ${section.title}`}
      >
        Regenerate
      </Button>
      <Dialog
        open={open}
        onClose={() => {
          setOpen(false);
        }}
        maxWidth="xs"
        fullWidth
      >
        <DialogTitle>Regenerate “{section.title}”?</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1.5 }}>
            Ringside rewrites this section’s AI-written claims from the current evidence. Claims
            someone added, edited or verified are kept as they are.
          </DialogContentText>
          <FormControlLabel
            control={
              <Checkbox
                checked={replaceEdited}
                onChange={(e) => {
                  setReplaceEdited(e.target.checked);
                }}
              />
            }
            label="Also replace edited and verified claims"
          />
          {mutation.isError && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {mutation.error instanceof ApiError
                ? mutation.error.message
                : 'Could not start. Try again.'}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => {
              setOpen(false);
            }}
          >
            Cancel
          </Button>
          <Button
            variant="contained"
            disabled={mutation.isPending}
            onClick={() => {
              mutation.mutate(
                { section: section.key, replaceEdited },
                {
                  onSuccess: () => {
                    setOpen(false);
                  },
                },
              );
            }}
          >
            {mutation.isPending ? 'Starting…' : 'Regenerate'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
