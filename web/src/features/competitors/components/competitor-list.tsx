import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { RowList, RowListItem } from '../../../components/row-list';
import { RowTitleLink } from '../../../components/row-title-link';
import { formatDateTime, formatRelative } from '../../../lib/format';
import type { Competitor } from '../api';
import { formatPercent, hostOf } from '../format';
import { CompetitorAvatar } from './competitor-avatar';
import { TierChip } from './tier-chip';

export const competitorPath = (id: string) => `/competitors/${id}`;

function Tags({ tags, onTag }: { tags: string[]; onTag: (tag: string) => void }) {
  if (tags.length === 0) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
      {tags.map((tag) => (
        <Chip
          key={tag}
          label={tag}
          size="small"
          variant="outlined"
          onClick={(event: MouseEvent) => {
            // The row opens the competitor; a tag narrows the list instead.
            event.stopPropagation();
            onTag(tag);
          }}
          aria-label={`Show competitors tagged ${tag}`}
          sx={{ height: 22, fontWeight: 500, color: 'text.secondary' }}
        />
      ))}
    </Stack>
  );
}

function NameBlock({ competitor }: { competitor: Competitor }) {
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0 }}>
      <CompetitorAvatar name={competitor.name} logoUrl={competitor.logoUrl} />
      <Box sx={{ minWidth: 0 }}>
        <RowTitleLink to={competitorPath(competitor.id)}>{competitor.name}</RowTitleLink>
        {competitor.website && (
          <Typography variant="body2" color="text.secondary" noWrap>
            {hostOf(competitor.website)}
          </Typography>
        )}
      </Box>
    </Stack>
  );
}

function WinRate({ competitor }: { competitor: Competitor }) {
  if (competitor.winRate === null) {
    return (
      <Typography variant="body2" color="text.secondary" title="No won or lost deals recorded yet">
        —
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2" sx={{ fontWeight: 650 }}>
        {formatPercent(competitor.winRate)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {competitor.counts.deals === 1 ? '1 deal' : `${competitor.counts.deals} deals`}
      </Typography>
    </Box>
  );
}

function LatestIntel({ iso }: { iso: string | null }) {
  if (!iso) {
    return (
      <Typography variant="body2" color="text.secondary">
        None yet
      </Typography>
    );
  }
  return (
    <Typography variant="body2" title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </Typography>
  );
}

/** The competitors to show, and what a click on one of their tags does (filter by it). */
interface CompetitorListProps {
  competitors: Competitor[];
  onTag: (tag: string) => void;
}

/** Wide screens: one row per competitor; the whole row opens it. */
export function CompetitorTable({ competitors, onTag }: CompetitorListProps) {
  const navigate = useNavigate();
  return (
    <Table aria-label="Competitors">
      <TableHead>
        <TableRow>
          <TableCell>Competitor</TableCell>
          <TableCell sx={{ width: 120 }}>Tier</TableCell>
          <TableCell sx={{ width: 100 }} align="right">
            Evidence
          </TableCell>
          <TableCell sx={{ width: 120 }} align="right">
            Battlecards
          </TableCell>
          <TableCell sx={{ width: 110 }}>Win rate</TableCell>
          <TableCell sx={{ width: 150 }}>Latest intel</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {competitors.map((competitor) => (
          <TableRow
            key={competitor.id}
            hover
            data-testid="competitor-row"
            onClick={(event) => {
              if ((event.target as HTMLElement).closest('a, button')) return;
              void navigate(competitorPath(competitor.id));
            }}
            sx={{ cursor: 'pointer', '&:last-child td': { borderBottom: 0 } }}
          >
            <TableCell>
              <NameBlock competitor={competitor} />
              <Box sx={{ pl: 6.5 }}>
                <Tags tags={competitor.tags} onTag={onTag} />
              </Box>
            </TableCell>
            <TableCell>
              <TierChip tier={competitor.tier} />
            </TableCell>
            <TableCell align="right">{competitor.counts.evidence.toLocaleString()}</TableCell>
            <TableCell align="right">{competitor.counts.battlecards.toLocaleString()}</TableCell>
            <TableCell>
              <WinRate competitor={competitor} />
            </TableCell>
            <TableCell>
              <LatestIntel iso={competitor.lastEvidenceAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 650 }}>
        {value}
      </Typography>
    </Box>
  );
}

/** Phones and narrow windows: a card per competitor with the same facts. */
export function CompetitorCards({ competitors, onTag }: CompetitorListProps) {
  const navigate = useNavigate();
  return (
    <RowList label="Competitors">
      {competitors.map((competitor) => (
        <RowListItem
          key={competitor.id}
          data-testid="competitor-row"
          // A tap anywhere on the card opens it; the name stays the link for keyboards.
          onClick={(event) => {
            if ((event.target as HTMLElement).closest('a, button')) return;
            void navigate(competitorPath(competitor.id));
          }}
          sx={{ py: 1.75, cursor: 'pointer' }}
        >
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <NameBlock competitor={competitor} />
            </Box>
            <TierChip tier={competitor.tier} />
          </Stack>
          <Tags tags={competitor.tags} onTag={onTag} />
          <Stack direction="row" sx={{ mt: 1.25, gap: 2.5, flexWrap: 'wrap' }}>
            <Stat label="Evidence" value={competitor.counts.evidence.toLocaleString()} />
            <Stat label="Battlecards" value={competitor.counts.battlecards.toLocaleString()} />
            <Stat
              label="Win rate"
              value={competitor.winRate === null ? '—' : formatPercent(competitor.winRate)}
            />
            <Stat
              label="Latest intel"
              value={
                competitor.lastEvidenceAt ? formatRelative(competitor.lastEvidenceAt) : 'None yet'
              }
            />
          </Stack>
        </RowListItem>
      ))}
    </RowList>
  );
}
