import FormatQuoteRounded from '@mui/icons-material/FormatQuoteRounded';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { RowList, RowListItem } from '../../../components/row-list';
import { RowTitleLink } from '../../../components/row-title-link';
import { formatDateTime, formatRelative } from '../../../lib/format';
import type { EvidenceSummary } from '../api';
import { countOf, evidenceKindLabel, hostOf } from '../format';
import { EvidenceKindIcon } from './evidence-kind-icon';

export const evidencePath = (evidence: { competitorId: string; id: string }) =>
  `/competitors/${evidence.competitorId}/evidence/${evidence.id}`;

/** Evidence newest first: kind, title, when it was captured, how often it is cited, an excerpt. */
export function EvidenceList({ items }: { items: EvidenceSummary[] }) {
  return (
    <RowList label="Evidence">
      {items.map((evidence) => (
        <RowListItem
          key={evidence.id}
          data-testid="evidence-item"
          sx={{ display: 'flex', gap: 1.5 }}
        >
          <EvidenceKindIcon kind={evidence.kind} />
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <RowTitleLink to={evidencePath(evidence)}>{evidence.title}</RowTitleLink>
            <Typography variant="body2" color="text.secondary">
              {evidenceKindLabel[evidence.kind]} ·{' '}
              <span title={formatDateTime(evidence.capturedAt)}>
                captured {formatRelative(evidence.capturedAt)}
              </span>
              {evidence.url ? ` · ${hostOf(evidence.url)}` : ''}
            </Typography>
            {evidence.excerpt && (
              <Typography
                variant="body2"
                sx={{
                  mt: 0.5,
                  color: 'text.primary',
                  overflowWrap: 'anywhere',
                  display: '-webkit-box',
                  WebkitLineClamp: 2,
                  WebkitBoxOrient: 'vertical',
                  overflow: 'hidden',
                }}
              >
                {evidence.excerpt}
              </Typography>
            )}
          </Box>
          {evidence.citedBy > 0 && (
            <Chip
              icon={<FormatQuoteRounded />}
              size="small"
              variant="outlined"
              label={evidence.citedBy}
              title={`Cited by ${countOf(evidence.citedBy, 'claim')}`}
              aria-label={`Cited by ${countOf(evidence.citedBy, 'claim')}`}
              sx={{ flexShrink: 0, alignSelf: 'flex-start' }}
            />
          )}
        </RowListItem>
      ))}
    </RowList>
  );
}
