import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { useOverview } from '../api';
import { OverviewTiles } from './overview-tiles';

/** The home page's glance at the last 30 days, linking to the full analytics page. */
export function DashboardFigures() {
  const overview = useOverview(30);
  if (overview.isError) return null; // the home page stays useful without its figures
  return (
    <Box component="section" aria-labelledby="dashboard-figures-title">
      <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', mb: 1 }}>
        <Typography id="dashboard-figures-title" variant="h3" component="h2">
          Last 30 days
        </Typography>
        <Link component={RouterLink} to="/analytics" variant="body2">
          All analytics
        </Link>
      </Box>
      <OverviewTiles overview={overview.data} compact />
    </Box>
  );
}
