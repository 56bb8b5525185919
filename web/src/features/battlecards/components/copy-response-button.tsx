import CheckRounded from '@mui/icons-material/CheckRounded';
import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded';
import Button from '@mui/material/Button';
import type { RefObject } from 'react';
import { useMomentaryFlag } from '../../../lib/use-momentary-flag';
import { useNotify } from './notice';

/** Selects the response on screen, so Ctrl+C works where the clipboard API is refused. */
function selectText(element: HTMLElement | null) {
  if (!element) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** One click copies an objection's response, ready to paste into chat or email mid-call. */
export function CopyResponseButton({
  text,
  textRef,
  onCopied,
}: {
  text: string;
  /** Told after a successful copy (analytics counts copied responses). */
  onCopied?: () => void;
  /** The element showing the response, selected as a fallback. */
  textRef: RefObject<HTMLElement | null>;
}) {
  const notify = useNotify();
  const [copied, showCopied] = useMomentaryFlag();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      showCopied();
      notify('Response copied');
      onCopied?.();
    } catch {
      selectText(textRef.current);
      notify('Copying was blocked. The response is selected: press Ctrl+C (⌘C) to copy it.');
    }
  };

  return (
    <Button
      size="small"
      variant={copied ? 'contained' : 'outlined'}
      color={copied ? 'success' : 'primary'}
      startIcon={copied ? <CheckRounded /> : <ContentCopyRounded />}
      onClick={() => void copy()}
      aria-label="Copy response"
      sx={{ flexShrink: 0, bgcolor: copied ? undefined : 'background.paper', displayPrint: 'none' }}
    >
      {copied ? 'Copied' : 'Copy response'}
    </Button>
  );
}
