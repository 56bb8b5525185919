import CheckRounded from '@mui/icons-material/CheckRounded';
import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';

async function copyText(text: string, input: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or not a secure context): select the text instead.
    input?.focus();
    input?.select();
    return false;
  }
}

/** A read-only value with a Copy button, for links and secrets shown once. */
export function CopyField({
  label,
  value,
  testId,
  helperText,
}: {
  label: string;
  value: string;
  testId?: string;
  helperText?: string;
}) {
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | undefined>();

  useEffect(() => {
    if (copied !== 'yes') return;
    const timer = setTimeout(() => {
      setCopied(undefined);
    }, 2500);
    return () => {
      clearTimeout(timer);
    };
  }, [copied]);

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        label={label}
        value={value}
        inputRef={inputRef}
        // Wrapped in full: a link or key cut off at the edge looks like it might be incomplete.
        multiline
        helperText={copied === 'manual' ? 'Selected — press Ctrl+C (⌘C) to copy.' : helperText}
        slotProps={{
          input: { readOnly: true },
          htmlInput: {
            'data-testid': testId,
            spellCheck: false,
            sx: {
              fontFamily: '"JetBrains Mono", "Liberation Mono", Menlo, Consolas, monospace',
              fontSize: '0.875rem',
              wordBreak: 'break-all',
            },
            onFocus: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
              e.currentTarget.select();
            },
          },
        }}
      />
      <Button
        variant="outlined"
        startIcon={copied === 'yes' ? <CheckRounded /> : <ContentCopyRounded />}
        onClick={() => {
          void copyText(value, inputRef.current).then((ok) => {
            setCopied(ok ? 'yes' : 'manual');
          });
        }}
        sx={{ flexShrink: 0, height: 56, minWidth: 104, alignSelf: { xs: 'stretch', sm: 'auto' } }}
      >
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </Button>
    </Stack>
  );
}
