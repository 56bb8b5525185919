import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import type { AnalyticsInterval } from '../../../../common/usage-events';
import { CARD_IMPACT_WINDOW_DEFAULT } from '../../../../common/usage-events';
import { periodParams, type Trends, useCardImpact, useOverview, useTrends } from './api';
import { CardImpactPanel } from './components/card-impact-panel';
import { CountChart } from './components/count-chart';
import { LiveTiles } from './components/live-tiles';
import { useAuth } from '../auth/auth-context';
import { type Column, FigureTable } from './components/figure-table';
import { OverviewTiles } from './components/overview-tiles';
import { SectionCard } from './components/section-card';
import { WinRateChart } from './components/win-rate-chart';
import { downloadCsv, toCsv } from './csv';
import { percent } from './format';

const PERIODS = [7, 30, 90, 365] as const;

type WinRow = Trends['winRates'][number];
type ObjectionRow = Trends['objectionEffectiveness'][number];
type UpdateRow = Trends['competitorUpdates'][number];

const winColumns: Column<WinRow>[] = [
  { label: 'Competitor', value: (r) => r.competitor },
  { label: 'Won', value: (r) => r.won, numeric: true },
  { label: 'Lost', value: (r) => r.lost, numeric: true },
  { label: 'Win rate', value: (r) => r.winRate, render: (r) => percent(r.winRate), numeric: true },
];
const objectionColumns: Column<ObjectionRow>[] = [
  { label: 'Objection', value: (r) => r.category },
  { label: 'Used', value: (r) => r.used, numeric: true },
  { label: 'Won', value: (r) => r.won, numeric: true },
  {
    label: 'Effectiveness',
    value: (r) => r.effectiveness,
    render: (r) => percent(r.effectiveness),
    numeric: true,
  },
  { label: 'Marked effective', value: (r) => r.markedEffective, numeric: true },
];
const updateColumns: Column<UpdateRow>[] = [
  { label: 'Competitor', value: (r) => r.competitor },
  { label: 'New evidence', value: (r) => r.updates, numeric: true },
];

/** Usage, win rates and objection effectiveness for a period, each table downloadable. */
export function AnalyticsPage() {
  const { can } = useAuth();
  const [days, setDays] = useState<number>(30);
  const [interval, setInterval] = useState<AnalyticsInterval>('day');
  const overview = useOverview(days);
  const trends = useTrends({ days, interval });
  const impact = useCardImpact(days, CARD_IMPACT_WINDOW_DEFAULT);
  const t = trends.data;
  const { from, to } = periodParams(days);
  const csv =
    <T,>(name: string, rows: readonly T[], columns: Column<T>[]) =>
    () =>
      downloadCsv(`ringside-${name}-${from}-to-${to}.csv`, toCsv(rows, columns));

  return (
    <>
      <PageHeader
        title="Analytics"
        subtitle="Are battlecards read, used and winning deals?"
        action={
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={days}
              onChange={(_, v: number | null) => v && setDays(v)}
              aria-label="Period"
            >
              {PERIODS.map((d) => (
                <ToggleButton key={d} value={d} aria-label={`Last ${d} days`}>
                  {d === 365 ? '1 y' : `${d} d`}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={interval}
              onChange={(_, v: AnalyticsInterval | null) => v && setInterval(v)}
              aria-label="Interval"
            >
              <ToggleButton value="day">Daily</ToggleButton>
              <ToggleButton value="week">Weekly</ToggleButton>
            </ToggleButtonGroup>
          </Stack>
        }
      />
      <Stack spacing={{ xs: 2, md: 3 }}>
        {can('workspace.manage') && <LiveTiles />}
        {overview.isError ? (
          <QueryError what="the overview" query={overview} />
        ) : (
          <OverviewTiles overview={overview.data} />
        )}
        {trends.isError && <QueryError what="the trends" query={trends} />}
        <Box
          sx={{
            display: 'grid',
            gap: { xs: 2, md: 3 },
            gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' },
          }}
        >
          <SectionCard title="Card views and new cards" rule={t?.rules.cardViews}>
            {t && (
              <CountChart
                series={[
                  { name: 'Card views', points: t.cardViews },
                  { name: 'Cards created', points: t.battlecardCreation },
                ]}
              />
            )}
          </SectionCard>
          <SectionCard title="Card impact on deals" rule={impact.data?.rule}>
            {impact.isError ? (
              <QueryError what="card impact" query={impact} />
            ) : (
              <CardImpactPanel impact={impact.data} />
            )}
          </SectionCard>
          <SectionCard
            title="Win rates"
            rule={t?.rules.winRates}
            onCsv={t && csv('win-rates', t.winRates, winColumns)}
          >
            {t && t.winRates.length > 0 && <WinRateChart rows={t.winRates} />}
            {t && (
              <FigureTable
                rows={t.winRates}
                columns={winColumns}
                rowKey={(r) => r.competitorId}
                empty="No deals were won or lost in this period."
              />
            )}
          </SectionCard>
          <SectionCard
            title="Objection effectiveness"
            rule={t?.rules.objectionEffectiveness}
            onCsv={t && csv('objections', t.objectionEffectiveness, objectionColumns)}
          >
            {t && (
              <FigureTable
                rows={t.objectionEffectiveness}
                columns={objectionColumns}
                rowKey={(r) => r.category}
                empty="No deal in this period records a response to an objection."
              />
            )}
          </SectionCard>
          <SectionCard
            title="Competitor activity"
            rule={t?.rules.competitorUpdates}
            onCsv={t && csv('competitor-activity', t.competitorUpdates, updateColumns)}
          >
            {t && (
              <FigureTable
                rows={t.competitorUpdates}
                columns={updateColumns}
                rowKey={(r) => r.competitorId}
                empty="No new evidence in this period."
              />
            )}
          </SectionCard>
        </Box>
      </Stack>
    </>
  );
}
