import AddRounded from '@mui/icons-material/AddRounded';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { Claim, Section } from '../../../../../common/battlecards';
import type { ClaimActions } from './editable-claim';
import { EditableClaim } from './editable-claim';
import { SectionClaimList, SectionHeader } from './section-frame';

/** A section in the editor: its claims in order, and a way to add one. */
export function EditorSection({
  section,
  competitorId,
  busy,
  onAdd,
  actionsFor,
  extraAction,
  note,
}: {
  section: Section;
  competitorId: string;
  busy: boolean;
  onAdd: () => void;
  actionsFor: (claim: Claim, index: number) => ClaimActions;
  /** Another action beside "Add claim" (per-section regenerate). */
  extraAction?: ReactNode;
  /** A note under the heading, e.g. why generation left the section empty. */
  note?: string;
}) {
  const headingId = `edit-section-${section.key}`;
  return (
    <Card
      component="section"
      aria-labelledby={headingId}
      data-testid={`edit-section-${section.key}`}
    >
      <SectionHeader
        section={section}
        headingId={headingId}
        showZeroCount
        action={
          <Stack direction="row" sx={{ gap: 0.5 }}>
            {extraAction}
            <Button
              size="small"
              startIcon={<AddRounded />}
              onClick={onAdd}
              aria-label={`Add claim to ${section.title}`}
            >
              Add claim
            </Button>
          </Stack>
        }
      />
      {note && section.claims.length === 0 && (
        <Typography
          variant="body2"
          color="text.secondary"
          data-testid={`empty-note-${section.key}`}
          sx={{ px: 2, pb: 1.5, fontStyle: 'italic' }}
        >
          {note}
        </Typography>
      )}
      <SectionClaimList section={section} label={`${section.title} claims`}>
        {section.claims.map((claim, index) => (
          <EditableClaim
            key={claim.id}
            claim={claim}
            objection={section.key === 'objections'}
            competitorId={competitorId}
            first={index === 0}
            last={index === section.claims.length - 1}
            busy={busy}
            actions={actionsFor(claim, index)}
          />
        ))}
      </SectionClaimList>
    </Card>
  );
}
