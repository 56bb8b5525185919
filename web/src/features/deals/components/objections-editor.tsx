import AddRounded from '@mui/icons-material/AddRounded';
import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

export interface ObjectionDraft {
  /** Local only: a stable React key while rows are added and removed. */
  key: number;
  text: string;
  responseUsed: string;
  effective: 'unknown' | 'yes' | 'no';
}

export const OBJECTIONS_MAX = 50;

let nextKey = 1;
export function newObjection(): ObjectionDraft {
  return { key: nextKey++, text: '', responseUsed: '', effective: 'unknown' };
}

/** The objections a buyer raised in a deal, and how our answer went. */
export function ObjectionsEditor({
  value,
  onChange,
  errors,
}: {
  value: ObjectionDraft[];
  onChange: (value: ObjectionDraft[]) => void;
  /** Problems by row index, from the server. */
  errors: (string | undefined)[];
}) {
  const change = (index: number, patch: Partial<ObjectionDraft>) => {
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };

  return (
    <Box component="fieldset" sx={{ border: 0, m: 0, p: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 0.5 }}>
        Objections
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        What the buyer pushed back on, and whether our answer worked. This is how Ringside learns
        which responses win.
      </Typography>
      <Stack spacing={1.5}>
        {value.map((row, index) => (
          <Box
            key={row.key}
            role="group"
            aria-label={`Objection ${index + 1}`}
            sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
          >
            <Stack spacing={1.5}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <TextField
                  size="small"
                  label="What they said"
                  placeholder="e.g. “You are twice the price of Acme.”"
                  value={row.text}
                  onChange={(e) => {
                    change(index, { text: e.target.value });
                  }}
                  error={Boolean(errors[index])}
                  helperText={errors[index]}
                  slotProps={{ htmlInput: { maxLength: 500 } }}
                />
                <IconButton
                  aria-label={`Remove objection ${index + 1}`}
                  onClick={() => {
                    onChange(value.filter((_, i) => i !== index));
                  }}
                >
                  <DeleteOutlineRounded />
                </IconButton>
              </Stack>
              <TextField
                size="small"
                label="How we answered"
                multiline
                minRows={1}
                maxRows={6}
                value={row.responseUsed}
                onChange={(e) => {
                  change(index, { responseUsed: e.target.value });
                }}
                slotProps={{ htmlInput: { maxLength: 2000 } }}
              />
              <TextField
                select
                size="small"
                label="Did the answer work?"
                value={row.effective}
                onChange={(e) => {
                  change(index, { effective: e.target.value as ObjectionDraft['effective'] });
                }}
                sx={{ maxWidth: 260 }}
              >
                <MenuItem value="unknown">Not sure</MenuItem>
                <MenuItem value="yes">Yes, it landed</MenuItem>
                <MenuItem value="no">No, it did not</MenuItem>
              </TextField>
            </Stack>
          </Box>
        ))}
      </Stack>
      {value.length < OBJECTIONS_MAX && (
        <Button
          startIcon={<AddRounded />}
          onClick={() => {
            onChange([...value, newObjection()]);
          }}
          sx={{ mt: 1 }}
        >
          Add objection
        </Button>
      )}
    </Box>
  );
}
