import Skeleton from '@mui/material/Skeleton';
import { QueryError } from '../../../components/query-error';
import { useWinRates } from '../api';
import { WinRateSummary } from './win-rate-summary';

/** How we do against one competitor, from the workspace's win rates (loaded once for all). */
export function CompetitorWinRate({ competitorId }: { competitorId: string }) {
  const winRates = useWinRates();
  const rate = winRates.data?.find((r) => r.competitorId === competitorId);
  return (
    <>
      {winRates.isPending && <Skeleton variant="rounded" height={96} />}
      {winRates.isError && <QueryError what="the win rate" query={winRates} />}
      {winRates.data && (
        <WinRateSummary
          won={rate?.won ?? 0}
          lost={rate?.lost ?? 0}
          noDecision={rate?.noDecision ?? 0}
        />
      )}
    </>
  );
}
