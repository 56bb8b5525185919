import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { Section } from '../../../../../common/battlecards';
import { SectionIcon } from './section-icon';

/**
 * The strip on top of a card section: icon, title and claim count. The count sits at the far
 * end, unless an action (e.g. "Add claim") takes that place and the count follows the title.
 */
export function SectionHeader({
  section,
  headingId,
  showZeroCount = false,
  action,
}: {
  section: Section;
  headingId: string;
  showZeroCount?: boolean;
  action?: ReactNode;
}) {
  const count = section.claims.length;
  return (
    <Stack
      direction="row"
      spacing={1}
      sx={{
        alignItems: 'center',
        px: 2,
        py: 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: '#fafbfd',
      }}
    >
      <SectionIcon section={section.key} sx={{ fontSize: 19, color: 'primary.main' }} />
      <Typography
        id={headingId}
        variant="h5"
        component="h2"
        sx={{ flex: action ? undefined : 1, fontSize: '0.95rem' }}
      >
        {section.title}
      </Typography>
      {(count > 0 || showZeroCount) && (
        <Chip
          size="small"
          label={count}
          aria-label={`${count} claims`}
          sx={{ height: 20, fontSize: '0.72rem' }}
        />
      )}
      {action && (
        <>
          <Box sx={{ flex: 1 }} />
          {action}
        </>
      )}
    </Stack>
  );
}

/** A section's claims, one under the other with a line between; or why there are none. */
export function SectionClaimList({
  section,
  label,
  children,
}: {
  section: Section;
  label?: string;
  /** One `<li>` per claim. */
  children: ReactNode;
}) {
  if (section.claims.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
        No evidence yet for this section.
      </Typography>
    );
  }
  return (
    <Box
      component="ul"
      sx={{ m: 0, p: 0, '& > li + li': { borderTop: 1, borderTopColor: 'divider' } }}
      aria-label={label}
    >
      {children}
    </Box>
  );
}
