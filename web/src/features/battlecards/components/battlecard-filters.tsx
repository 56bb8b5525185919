import Autocomplete from '@mui/material/Autocomplete';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import type { BattlecardStatus } from '../../../../../common/battlecards';
import { SearchField } from '../../../components/search-field';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useCompetitorOptions, type BattlecardFilters } from '../api';

export const STATUS_LABELS: Record<BattlecardStatus, string> = {
  draft: 'Draft',
  generating: 'Generating',
  published: 'Published',
  archived: 'Archived',
  failed: 'Failed',
};

interface CompetitorOption {
  id: string;
  name: string;
}

function CompetitorFilter({
  value,
  knownName,
  onChange,
}: {
  value: string | undefined;
  /** The chosen competitor's name when known from elsewhere (e.g. the list). */
  knownName: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const [input, setInput] = useState('');
  const q = useDebouncedValue(input, 200);
  const options = useCompetitorOptions(q);
  const items: CompetitorOption[] = (options.data ?? []).map((c) => ({ id: c.id, name: c.name }));
  const selected = value
    ? (items.find((o) => o.id === value) ?? { id: value, name: knownName ?? 'Selected competitor' })
    : null;
  return (
    <Autocomplete<CompetitorOption>
      size="small"
      value={selected}
      options={items}
      loading={options.isFetching}
      filterOptions={(o) => o}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(o) => o.name}
      onInputChange={(_e, next, reason) => {
        if (reason === 'input') setInput(next);
        if (reason === 'clear') setInput('');
      }}
      onChange={(_e, option) => {
        onChange(option?.id);
        setInput('');
      }}
      noOptionsText={q ? 'No competitor by that name' : 'No competitors yet'}
      renderInput={(params) => <TextField {...params} label="Competitor" />}
      sx={{ flex: { sm: '1 1 220px' }, minWidth: { sm: 200 } }}
    />
  );
}

/** Text, status and competitor filters of the battlecard list (kept in the address). */
export function BattlecardFilterBar({
  filters,
  competitorName,
  onChange,
}: {
  filters: BattlecardFilters;
  competitorName: string | undefined;
  onChange: (filters: BattlecardFilters) => void;
}) {
  const [text, setText] = useState(filters.q ?? '');
  const debounced = useDebouncedValue(text.trim(), 250);

  useEffect(() => {
    if ((filters.q ?? '') !== debounced) onChange({ ...filters, q: debounced || undefined });
    // Only the settled text starts a new filter, not every change of the others.
  }, [debounced]);

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mb: 2 }}>
      <SearchField
        label="Search battlecards"
        showLabel
        value={text}
        onChange={setText}
        sx={{ flex: { sm: '2 1 260px' } }}
      />
      <TextField
        select
        size="small"
        label="Status"
        value={filters.status ?? ''}
        onChange={(e) => {
          const status = e.target.value as BattlecardStatus | '';
          onChange({ ...filters, status: status || undefined });
        }}
        sx={{ flex: { sm: '0 1 180px' } }}
        slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
      >
        <MenuItem value="">Any status</MenuItem>
        {(Object.keys(STATUS_LABELS) as BattlecardStatus[]).map((status) => (
          <MenuItem key={status} value={status}>
            {STATUS_LABELS[status]}
          </MenuItem>
        ))}
      </TextField>
      <CompetitorFilter
        value={filters.competitorId}
        knownName={competitorName}
        onChange={(competitorId) => {
          onChange({ ...filters, competitorId });
        }}
      />
    </Stack>
  );
}
