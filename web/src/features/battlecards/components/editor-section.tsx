import AddRounded from '@mui/icons-material/AddRounded';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
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
}: {
  section: Section;
  competitorId: string;
  busy: boolean;
  onAdd: () => void;
  actionsFor: (claim: Claim, index: number) => ClaimActions;
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
          <Button
            size="small"
            startIcon={<AddRounded />}
            onClick={onAdd}
            aria-label={`Add claim to ${section.title}`}
          >
            Add claim
          </Button>
        }
      />
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
