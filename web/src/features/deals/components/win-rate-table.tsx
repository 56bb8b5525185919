import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { RowList, RowListItem } from '../../../components/row-list';
import { formatPercent } from '../../competitors/format';
import type { WinRate } from '../api';
import { OutcomeBar } from './win-rate-summary';

function Rate({ row }: { row: WinRate }) {
  return (
    <Typography variant="body2" sx={{ fontWeight: 650 }}>
      {row.winRate === null ? '—' : formatPercent(row.winRate)}
    </Typography>
  );
}

function CompetitorLink({ row }: { row: WinRate }) {
  return (
    <Link
      component={RouterLink}
      to={`/competitors/${row.competitorId}/deals`}
      underline="hover"
      sx={{ fontWeight: 650, wordBreak: 'break-word' }}
    >
      {row.competitorName}
    </Link>
  );
}

/** Win rate per competitor: a table on wide screens, a list on phones. */
export function WinRateTable({ rows, narrow }: { rows: WinRate[]; narrow: boolean }) {
  if (narrow) {
    return (
      <RowList label="Win rate by competitor">
        {rows.map((row) => (
          <RowListItem key={row.competitorId}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1, mb: 0.75 }}>
              <CompetitorLink row={row} />
              <Rate row={row} />
            </Stack>
            <OutcomeBar won={row.won} lost={row.lost} noDecision={row.noDecision} />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              Won {row.won} · Lost {row.lost} · No decision {row.noDecision}
            </Typography>
          </RowListItem>
        ))}
      </RowList>
    );
  }
  return (
    <Table aria-label="Win rate by competitor">
      <TableHead>
        <TableRow>
          <TableCell>Competitor</TableCell>
          <TableCell align="right" sx={{ width: 80 }}>
            Won
          </TableCell>
          <TableCell align="right" sx={{ width: 80 }}>
            Lost
          </TableCell>
          <TableCell align="right" sx={{ width: 110 }}>
            No decision
          </TableCell>
          <TableCell sx={{ width: 260 }}>Win rate</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.competitorId} sx={{ '&:last-child td': { borderBottom: 0 } }}>
            <TableCell>
              <CompetitorLink row={row} />
            </TableCell>
            <TableCell align="right">{row.won}</TableCell>
            <TableCell align="right">{row.lost}</TableCell>
            <TableCell align="right">{row.noDecision}</TableCell>
            <TableCell>
              <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                <Box sx={{ width: 48 }}>
                  <Rate row={row} />
                </Box>
                <Box sx={{ flex: 1 }}>
                  <OutcomeBar won={row.won} lost={row.lost} noDecision={row.noDecision} />
                </Box>
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
