import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { FilterSelect } from '../../../components/filter-select';
import { SearchField } from '../../../components/search-field';
import type { CompetitorSort, CompetitorTier } from '../api';
import { TIERS, tierLabel } from '../format';

const sortLabel: Record<CompetitorSort, string> = {
  name: 'Name (A–Z)',
  updated: 'Recently updated',
};

/** Search, tier and sort for the competitor list; a tag filter shows as a removable chip. */
export function CompetitorFilters({
  text,
  onText,
  tier,
  onTier,
  sort,
  onSort,
  tag,
  onClearTag,
}: {
  text: string;
  onText: (text: string) => void;
  tier: CompetitorTier | undefined;
  onTier: (tier: CompetitorTier | undefined) => void;
  sort: CompetitorSort;
  onSort: (sort: CompetitorSort) => void;
  tag: string | undefined;
  onClearTag: () => void;
}) {
  return (
    <Stack spacing={1.5} sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <SearchField
          label="Search competitors"
          placeholder="Search by name or summary"
          value={text}
          onChange={onText}
          sx={{ flex: 1 }}
        />
        <Stack direction="row" spacing={1.5}>
          <FilterSelect
            label="Tier"
            allLabel="All tiers"
            options={TIERS}
            optionLabel={tierLabel}
            value={tier}
            onChange={onTier}
            sx={{ width: { xs: '50%', sm: 150 } }}
          />
          <TextField
            select
            size="small"
            label="Sort by"
            value={sort}
            onChange={(e) => {
              onSort(e.target.value as CompetitorSort);
            }}
            sx={{ width: { xs: '50%', sm: 180 } }}
          >
            {(Object.keys(sortLabel) as CompetitorSort[]).map((s) => (
              <MenuItem key={s} value={s}>
                {sortLabel[s]}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </Stack>
      {tag && (
        <Stack direction="row">
          <Chip
            label={`Tag: ${tag}`}
            onDelete={onClearTag}
            onClick={onClearTag}
            aria-label={`Tag: ${tag}. Remove this filter`}
            color="primary"
            variant="outlined"
            size="small"
          />
        </Stack>
      )}
    </Stack>
  );
}
