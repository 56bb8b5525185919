import Button, { type ButtonProps } from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useId, type ReactNode } from 'react';
import { useBelowBreakpoint } from '../lib/use-below-breakpoint';
import { FormAlert } from './form-alert';

export type DialogCloseReason = 'backdropClick' | 'escapeKeyDown';

/** What the dialog shows in place of the form once the form has done its job. */
export interface FormDialogDone {
  title: ReactNode;
  content: ReactNode;
  actions: ReactNode;
}

/**
 * A form in a dialog: title, fields, the form's own error, and Cancel beside the submit
 * button. While the submit is pending nothing closes it and both buttons wait.
 */
export function FormDialog({
  open,
  title,
  intro,
  children,
  onSubmit,
  onClose,
  pending,
  submitLabel,
  pendingLabel,
  submitColor = 'primary',
  canSubmit = true,
  error,
  maxWidth = 'sm',
  fullScreenOnPhone = false,
  dividers = false,
  onEnter,
  onExited,
  done,
}: {
  open: boolean;
  title: ReactNode;
  /** A sentence under the title on what submitting does. */
  intro?: ReactNode;
  /** The fields. */
  children: ReactNode;
  /** Enter in a field or the submit button; the page does not reload. */
  onSubmit: () => void;
  /** Cancel, Escape or a click outside (`reason` says which of the last two). */
  onClose: (reason?: DialogCloseReason) => void;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  submitColor?: ButtonProps['color'];
  /** False keeps the submit button disabled, e.g. while a required field is empty. */
  canSubmit?: boolean;
  /** The problem with the form as a whole (from `toFormErrors`), shown under the fields. */
  error?: { message: string | undefined; requestId?: string | undefined } | undefined;
  maxWidth?: 'xs' | 'sm' | 'md';
  /** Fills a phone's screen, title on top and buttons at the bottom. */
  fullScreenOnPhone?: boolean;
  /** Lines between title, fields and buttons: for long forms whose fields scroll. */
  dividers?: boolean;
  /** As the dialog starts to open (e.g. to load what it edits) and once it has closed. */
  onEnter?: () => void;
  onExited?: () => void;
  /** Shown instead of the form after it succeeded, e.g. a link or secret to copy once. */
  done?: FormDialogDone | undefined;
}) {
  const titleId = useId();
  const isPhone = useBelowBreakpoint('sm');
  return (
    <Dialog
      open={open}
      onClose={
        pending
          ? undefined
          : (_event, reason) => {
              onClose(reason);
            }
      }
      aria-labelledby={titleId}
      fullWidth
      maxWidth={maxWidth}
      fullScreen={fullScreenOnPhone && isPhone}
      slotProps={{ transition: { onEnter, onExited } }}
    >
      {done ? (
        <>
          <DialogTitle id={titleId}>{done.title}</DialogTitle>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 0.5 }}>
              {done.content}
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>{done.actions}</DialogActions>
        </>
      ) : (
        <Stack
          component="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
          sx={{ minHeight: 0, flex: 1 }}
        >
          <DialogTitle id={titleId}>{title}</DialogTitle>
          <DialogContent dividers={dividers}>
            {intro && <DialogContentText sx={{ mb: 2 }}>{intro}</DialogContentText>}
            <Stack spacing={2.5} sx={{ pt: dividers ? 0.5 : intro ? 0 : 1 }}>
              {children}
              <FormAlert message={error?.message} requestId={error?.requestId} />
            </Stack>
          </DialogContent>
          {/* Under a divider the buttons sit in the middle of their strip. */}
          <DialogActions sx={dividers ? { px: 3, py: 1.5 } : { px: 3, pb: 2 }}>
            <Button
              onClick={() => {
                onClose();
              }}
              disabled={pending}
            >
              Cancel
            </Button>
            <Button
              type="submit"
              variant="contained"
              color={submitColor}
              disabled={pending || !canSubmit}
            >
              {pending ? pendingLabel : submitLabel}
            </Button>
          </DialogActions>
        </Stack>
      )}
    </Dialog>
  );
}
