import CheckCircleOutlineRounded from '@mui/icons-material/CheckCircleOutlineRounded';
import ExpandLessRounded from '@mui/icons-material/ExpandLessRounded';
import ExpandMoreRounded from '@mui/icons-material/ExpandMoreRounded';
import HelpOutlineRounded from '@mui/icons-material/HelpOutlineRounded';
import HighlightOffRounded from '@mui/icons-material/HighlightOffRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { RowList, RowListItem } from '../../../components/row-list';
import { countOf, formatDay } from '../../competitors/format';
import type { Deal } from '../api';
import { formatAmount } from '../format';
import { OutcomeChip } from './outcome-chip';

function Effectiveness({ effective }: { effective: boolean | null }) {
  if (effective === true) {
    return (
      <Stack direction="row" spacing={0.5} sx={{ color: 'success.main', alignItems: 'center' }}>
        <CheckCircleOutlineRounded sx={{ fontSize: 18 }} />
        <Typography variant="body2">The answer worked</Typography>
      </Stack>
    );
  }
  if (effective === false) {
    return (
      <Stack direction="row" spacing={0.5} sx={{ color: 'error.main', alignItems: 'center' }}>
        <HighlightOffRounded sx={{ fontSize: 18 }} />
        <Typography variant="body2">The answer did not land</Typography>
      </Stack>
    );
  }
  return (
    <Stack direction="row" spacing={0.5} sx={{ color: 'text.secondary', alignItems: 'center' }}>
      <HelpOutlineRounded sx={{ fontSize: 18 }} />
      <Typography variant="body2">Not known whether the answer worked</Typography>
    </Stack>
  );
}

function Objections({ objections }: { objections: Deal['objections'] }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  if (objections.length === 0) return null;
  return (
    <Box sx={{ mt: 0.5 }}>
      <Button
        size="small"
        onClick={() => {
          setOpen((v) => !v);
        }}
        endIcon={open ? <ExpandLessRounded /> : <ExpandMoreRounded />}
        aria-expanded={open}
        aria-controls={regionId}
        sx={{ ml: -0.75 }}
      >
        {countOf(objections.length, 'objection')}
      </Button>
      <Collapse in={open} id={regionId}>
        <Stack component="ol" spacing={1.25} sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
          {objections.map((objection, index) => (
            <li key={index}>
              <Typography variant="body2" sx={{ fontWeight: 600, whiteSpace: 'pre-wrap' }}>
                “{objection.text}”
              </Typography>
              {objection.responseUsed && (
                <Typography
                  variant="body2"
                  color="text.secondary"
                  sx={{ whiteSpace: 'pre-wrap', mt: 0.25 }}
                >
                  We answered: {objection.responseUsed}
                </Typography>
              )}
              <Effectiveness effective={objection.effective} />
            </li>
          ))}
        </Stack>
      </Collapse>
    </Box>
  );
}

/** Deals as a list that reads the same on a phone: outcome, name, amount, why. */
export function DealList({ deals, showCompetitor }: { deals: Deal[]; showCompetitor: boolean }) {
  return (
    <RowList label="Deals">
      {deals.map((deal) => (
        <RowListItem key={deal.id} data-testid="deal">
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
            <Box sx={{ pt: 0.25 }}>
              <OutcomeChip outcome={deal.outcome} />
            </Box>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Stack
                direction="row"
                sx={{ justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}
              >
                <Typography variant="subtitle2" sx={{ wordBreak: 'break-word' }}>
                  {deal.name ?? 'Unnamed deal'}
                  {showCompetitor && (
                    <Typography component="span" variant="body2" color="text.secondary">
                      {' vs '}
                      <Link component={RouterLink} to={`/competitors/${deal.competitorId}/deals`}>
                        {deal.competitorName}
                      </Link>
                    </Typography>
                  )}
                </Typography>
                {deal.amount !== null && (
                  <Typography variant="subtitle2">
                    {formatAmount(deal.amount, deal.currency)}
                  </Typography>
                )}
              </Stack>
              <Typography variant="body2" color="text.secondary">
                Closed {formatDay(deal.closedAt)}
                {deal.createdBy ? ` · recorded by ${deal.createdBy.name}` : ''}
              </Typography>
              {deal.reasons.length > 0 && (
                <Stack
                  direction="row"
                  aria-label="Reasons"
                  sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.75 }}
                >
                  {deal.reasons.map((reason) => (
                    <Chip
                      key={reason}
                      label={reason}
                      size="small"
                      variant="outlined"
                      sx={{ fontWeight: 500 }}
                    />
                  ))}
                </Stack>
              )}
              {deal.notes && (
                <Typography variant="body2" sx={{ mt: 0.75, whiteSpace: 'pre-wrap' }}>
                  {deal.notes}
                </Typography>
              )}
              <Objections objections={deal.objections} />
            </Box>
          </Stack>
        </RowListItem>
      ))}
    </RowList>
  );
}
