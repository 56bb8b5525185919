import ArrowForwardRounded from '@mui/icons-material/ArrowForwardRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardHeader from '@mui/material/CardHeader';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { RowList, RowListItem } from '../../../components/row-list';
import { RowTitleLink } from '../../../components/row-title-link';
import type { Competitor } from '../../competitors/api';
import { CompetitorAvatar } from '../../competitors/components/competitor-avatar';
import { TierChip } from '../../competitors/components/tier-chip';
import { TIERS, countOf, formatPercent } from '../../competitors/format';

const SHOWN = 6;

/** Primary competitors first, then the rest, by name within a tier. */
function byTier(a: Competitor, b: Competitor): number {
  return TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || a.name.localeCompare(b.name);
}

function Stat({ label, value, to }: { label: string; value: string; to: string }) {
  return (
    <Box
      component={RouterLink}
      to={to}
      sx={{
        flex: '1 1 0',
        minWidth: 0,
        p: 1.5,
        borderRadius: 1,
        bgcolor: 'action.hover',
        color: 'inherit',
        textDecoration: 'none',
        '&:hover': { bgcolor: 'action.selected' },
      }}
    >
      <Typography variant="h3" component="p">
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

/** The workspace's competitors at a glance, for sellers heading into a call. */
export function CompetitorGlance({
  competitors,
  more,
}: {
  competitors: Competitor[];
  /** True when there are more competitors than were loaded. */
  more: boolean;
}) {
  const sum = (pick: (c: Competitor) => number) =>
    competitors.reduce((total, c) => total + pick(c), 0);
  const plus = more ? '+' : '';
  const shown = [...competitors].sort(byTier).slice(0, SHOWN);

  return (
    <Card component="section" aria-labelledby="glance-title">
      <CardHeader
        title="Your competitors"
        action={
          <Button
            component={RouterLink}
            to="/competitors"
            size="small"
            endIcon={<ArrowForwardRounded />}
          >
            All competitors
          </Button>
        }
        slotProps={{ title: { id: 'glance-title', variant: 'h4', component: 'h2' } }}
        sx={{ '& .MuiCardHeader-action': { m: 0, alignSelf: 'center' } }}
      />
      <Stack direction="row" spacing={1.5} sx={{ px: 2, pb: 2 }}>
        <Stat label="Competitors" value={`${competitors.length}${plus}`} to="/competitors" />
        <Stat
          label="Battlecards"
          value={`${sum((c) => c.counts.battlecards).toLocaleString()}${plus}`}
          to="/competitors"
        />
        <Stat
          label="Pieces of evidence"
          value={`${sum((c) => c.counts.evidence).toLocaleString()}${plus}`}
          to="/competitors"
        />
      </Stack>
      <Divider />
      <RowList label="Competitors">
        {shown.map((competitor) => (
          <RowListItem
            key={competitor.id}
            sx={{ display: 'flex', gap: 1.5, py: 1.25, alignItems: 'center' }}
          >
            <CompetitorAvatar name={competitor.name} logoUrl={competitor.logoUrl} size={32} />
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <RowTitleLink to={`/competitors/${competitor.id}`}>{competitor.name}</RowTitleLink>
              <Typography variant="body2" color="text.secondary">
                {countOf(competitor.counts.battlecards, 'battlecard')}
                {competitor.winRate === null
                  ? ''
                  : ` · ${formatPercent(competitor.winRate)} win rate`}
              </Typography>
            </Box>
            <TierChip tier={competitor.tier} />
          </RowListItem>
        ))}
      </RowList>
    </Card>
  );
}
