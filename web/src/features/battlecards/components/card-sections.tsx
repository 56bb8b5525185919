import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import type { Section } from '../../../../../common/battlecards';
import { ClaimView } from './claim-view';
import { SectionClaimList, SectionHeader } from './section-frame';

/** Sections this wide or wider span both columns on a desktop. */
const FULL_WIDTH = new Set(['objections']);

export const sectionAnchor = (key: string) => `section-${key}`;

function SectionCard({
  section,
  terms,
  competitorId,
  highlightedClaimId,
}: {
  section: Section;
  terms: readonly string[];
  competitorId: string;
  highlightedClaimId: string | undefined;
}) {
  const headingId = `${sectionAnchor(section.key)}-title`;
  return (
    <Card
      component="section"
      id={sectionAnchor(section.key)}
      aria-labelledby={headingId}
      data-testid={`section-${section.key}`}
      sx={{
        breakInside: 'avoid',
        mb: 2,
        scrollMarginTop: 190,
        // A spanning card starts a new row: the card above loses its bottom margin to the break.
        // Only with two columns; in one column that margin is kept and the gap would double.
        ...(FULL_WIDTH.has(section.key) && {
          columnSpan: 'all',
          mt: { xs: 0, md: 2 },
          '@media print': { mt: 2 },
          '&:first-of-type': { mt: 0 },
        }),
      }}
    >
      <SectionHeader section={section} headingId={headingId} />
      <SectionClaimList section={section}>
        {section.claims.map((claim) => (
          <ClaimView
            key={claim.id}
            claim={claim}
            objection={section.key === 'objections'}
            terms={terms}
            competitorId={competitorId}
            highlighted={claim.id === highlightedClaimId}
          />
        ))}
      </SectionClaimList>
    </Card>
  );
}

/**
 * The body of a card (live or a published version): sections in their fixed order in two
 * balanced columns on a desktop, objection handling across both; one column on a phone.
 */
export function CardSections({
  sections,
  terms,
  competitorId,
  showEmpty,
  highlightedClaimId,
}: {
  sections: readonly Section[];
  terms: readonly string[];
  competitorId: string;
  /** Editors see empty sections (and what to do about them); sellers don't. */
  showEmpty: boolean;
  highlightedClaimId?: string | undefined;
}) {
  const shown = sections.filter((s) => s.claims.length > 0 || (showEmpty && terms.length === 0));
  return (
    <Box
      sx={{
        columnCount: { xs: 1, md: 2 },
        columnGap: 2,
        '@media print': { columnCount: 2 },
      }}
    >
      {shown.map((section) => (
        <SectionCard
          key={section.key}
          section={section}
          terms={terms}
          competitorId={competitorId}
          highlightedClaimId={highlightedClaimId}
        />
      ))}
    </Box>
  );
}
