import SwapHorizRounded from '@mui/icons-material/SwapHorizRounded';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import type { BattlecardVersionSummary } from '../../../../../common/battlecards';
import { formatDate } from '../../../lib/format';
import {
  parseVersionRef,
  versionLabel,
  type Comparison,
  type VersionRef,
} from '../version-compare';

function RefSelect({
  label,
  value,
  versions,
  hasDraft,
  onChange,
}: {
  label: string;
  value: VersionRef;
  versions: readonly BattlecardVersionSummary[];
  hasDraft: boolean;
  onChange: (ref: VersionRef) => void;
}) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={String(value)}
      onChange={(e) => {
        const ref = parseVersionRef(e.target.value);
        if (ref !== undefined) onChange(ref);
      }}
      sx={{ flex: 1, minWidth: 0 }}
      slotProps={{
        // The menu shows dates; the closed field only needs the name, which fits on a phone.
        select: {
          renderValue: (selected) => versionLabel(parseVersionRef(String(selected)) ?? 'draft'),
        },
      }}
    >
      {hasDraft && <MenuItem value="draft">Draft (unpublished)</MenuItem>}
      {versions.map((v) => (
        <MenuItem key={v.version} value={String(v.version)}>
          {versionLabel(v.version)} · {formatDate(v.publishedAt)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** "Compare [Version 2] with [Version 3]". */
export function ComparePicker({
  comparison,
  versions,
  hasDraft,
  onChange,
}: {
  comparison: Comparison;
  versions: readonly BattlecardVersionSummary[];
  hasDraft: boolean;
  onChange: (comparison: Comparison) => void;
}) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <RefSelect
        label="From"
        value={comparison.from}
        versions={sorted}
        hasDraft={hasDraft}
        onChange={(from) => {
          onChange({ ...comparison, from });
        }}
      />
      <Tooltip title="Swap">
        <IconButton
          aria-label="Swap versions"
          onClick={() => {
            onChange({ from: comparison.to, to: comparison.from });
          }}
        >
          <SwapHorizRounded />
        </IconButton>
      </Tooltip>
      <RefSelect
        label="To"
        value={comparison.to}
        versions={sorted}
        hasDraft={hasDraft}
        onChange={(to) => {
          onChange({ ...comparison, to });
        }}
      />
    </Stack>
  );
}
