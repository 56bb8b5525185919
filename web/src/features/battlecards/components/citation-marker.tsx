import OpenInNewRounded from '@mui/icons-material/OpenInNewRounded';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import ClickAwayListener from '@mui/material/ClickAwayListener';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Popper from '@mui/material/Popper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useEffect, useId, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Citation } from '../../../../../common/battlecards';
import { visuallyHidden } from '../../../components/visually-hidden';
import { formatDate } from '../../../lib/format';

type Mode = 'closed' | 'hover' | 'pinned';

/** Hover grace period, so the pointer can travel from the marker into the popover. */
const HOVER_CLOSE_MS = 200;

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function CitationPopoverBody({
  citation,
  competitorId,
}: {
  citation: Citation;
  competitorId: string;
}) {
  return (
    <Stack spacing={1.25}>
      <Box
        component="blockquote"
        sx={{
          m: 0,
          pl: 1.5,
          borderLeft: 3,
          borderColor: 'primary.light',
          fontStyle: 'italic',
          color: 'text.primary',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          maxHeight: 220,
          overflowY: 'auto',
        }}
      >
        “{citation.quote}”
      </Box>
      <Box>
        <Typography variant="subtitle2" sx={{ wordBreak: 'break-word' }}>
          {citation.title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Captured {formatDate(citation.capturedAt)}
          {citation.url && ` · ${hostOf(citation.url)}`}
        </Typography>
      </Box>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        {citation.url && (
          <Link
            href={citation.url}
            target="_blank"
            rel="noopener noreferrer"
            variant="body2"
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, fontWeight: 600 }}
          >
            Open source
            <OpenInNewRounded sx={{ fontSize: 16 }} aria-hidden />
            <Box component="span" sx={visuallyHidden}>
              (opens in a new tab)
            </Box>
          </Link>
        )}
        <Link
          component={RouterLink}
          to={`/competitors/${competitorId}/evidence/${citation.evidenceId}`}
          variant="body2"
          sx={{ fontWeight: 600 }}
        >
          View evidence
        </Link>
      </Stack>
    </Stack>
  );
}

/**
 * A [n] marker after a claim. Click or tap pins the source popover open (phones have no
 * hover); on a desktop, hovering previews it.
 */
export function CitationMarker({
  n,
  citation,
  competitorId,
}: {
  n: number;
  citation: Citation;
  competitorId: string;
}) {
  const [mode, setMode] = useState<Mode>('closed');
  const anchorRef = useRef<HTMLButtonElement>(null);
  const closeTimer = useRef<number | undefined>(undefined);
  const popoverId = useId();
  const canHover = useMediaQuery('(hover: hover) and (pointer: fine)');
  const open = mode !== 'closed';

  const cancelClose = () => {
    window.clearTimeout(closeTimer.current);
  };
  const closeSoon = () => {
    cancelClose();
    closeTimer.current = window.setTimeout(() => {
      setMode((m) => (m === 'hover' ? 'closed' : m));
    }, HOVER_CLOSE_MS);
  };

  useEffect(() => cancelClose, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMode('closed');
      anchorRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const hoverHandlers = canHover
    ? {
        onMouseEnter: () => {
          cancelClose();
          setMode((m) => (m === 'closed' ? 'hover' : m));
        },
        onMouseLeave: closeSoon,
      }
    : {};

  return (
    <>
      <ButtonBase
        ref={anchorRef}
        onClick={() => {
          setMode((m) => (m === 'pinned' ? 'closed' : 'pinned'));
        }}
        {...hoverHandlers}
        aria-label={`Source ${n}: ${citation.title}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-controls={open ? popoverId : undefined}
        data-testid="citation-marker"
        sx={{
          ml: 0.25,
          minWidth: 22,
          height: 20,
          px: 0.5,
          borderRadius: 1,
          verticalAlign: 'text-top',
          fontSize: '0.72rem',
          fontWeight: 700,
          lineHeight: 1,
          color: 'primary.main',
          bgcolor: open ? 'rgba(40, 53, 147, 0.2)' : 'rgba(40, 53, 147, 0.08)',
          '&:hover': { bgcolor: 'rgba(40, 53, 147, 0.16)' },
          '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' },
          '@media print': { bgcolor: 'transparent' },
        }}
      >
        [{n}]
      </ButtonBase>
      <Popper
        open={open}
        anchorEl={anchorRef.current}
        placement="bottom-start"
        sx={{ zIndex: (theme) => theme.zIndex.modal }}
        modifiers={[
          { name: 'offset', options: { offset: [0, 6] } },
          { name: 'preventOverflow', options: { padding: 8 } },
        ]}
      >
        <ClickAwayListener
          onClickAway={(event) => {
            if (anchorRef.current?.contains(event.target as Node)) return;
            setMode('closed');
          }}
        >
          <Paper
            id={popoverId}
            role="dialog"
            aria-label={`Source ${n}`}
            elevation={8}
            onMouseEnter={canHover ? cancelClose : undefined}
            onMouseLeave={canHover && mode === 'hover' ? closeSoon : undefined}
            sx={{ p: 2, width: 'min(360px, calc(100vw - 16px))' }}
          >
            <CitationPopoverBody citation={citation} competitorId={competitorId} />
          </Paper>
        </ClickAwayListener>
      </Popper>
    </>
  );
}

export function CitationMarkers({
  citations,
  competitorId,
}: {
  citations: readonly Citation[];
  competitorId: string;
}) {
  if (citations.length === 0) return null;
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap', ml: 0.25 }}>
      {citations.map((citation, index) => (
        <CitationMarker
          key={`${citation.evidenceId}-${index}`}
          n={index + 1}
          citation={citation}
          competitorId={competitorId}
        />
      ))}
    </Box>
  );
}
