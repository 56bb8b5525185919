import AddRounded from '@mui/icons-material/AddRounded';
import CloseRounded from '@mui/icons-material/CloseRounded';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import {
  PRODUCT_LIMITS,
  PROOF_KINDS,
  proofKindExample,
  proofKindLabel,
  type ProofPointKind,
} from '../format';
import { proofPointDraft, type ProofPointDraft } from '../form-values';

/** Customers, metrics, awards and quotes that back up what we say: a kind and a line each. */
export function ProofPointsEditor({
  items,
  onChange,
  errors,
}: {
  items: ProofPointDraft[];
  onChange: (items: ProofPointDraft[]) => void;
  errors: (string | undefined)[];
}) {
  const change = (index: number, patch: Partial<ProofPointDraft>) => {
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  };
  return (
    <Stack spacing={1.5}>
      {items.map((item, index) => (
        <Stack
          key={item.key}
          direction="row"
          spacing={0.5}
          role="group"
          aria-label={`Proof point ${index + 1}`}
          sx={{ alignItems: 'flex-start' }}
        >
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ flex: 1, minWidth: 0 }}>
            <TextField
              select
              size="small"
              label="Kind"
              value={item.kind}
              onChange={(e) => {
                change(index, { kind: e.target.value as ProofPointKind });
              }}
              sx={{ width: { xs: '100%', sm: 140 }, flexShrink: 0 }}
            >
              {PROOF_KINDS.map((kind) => (
                <MenuItem key={kind} value={kind}>
                  {proofKindLabel[kind]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              size="small"
              label="Proof"
              placeholder={proofKindExample[item.kind]}
              value={item.text}
              onChange={(e) => {
                change(index, { text: e.target.value });
              }}
              error={Boolean(errors[index])}
              helperText={errors[index]}
              slotProps={{ htmlInput: { maxLength: PRODUCT_LIMITS.proofPoint } }}
            />
          </Stack>
          <IconButton
            aria-label={`Remove proof point ${index + 1}`}
            onClick={() => {
              onChange(items.filter((_, i) => i !== index));
            }}
          >
            <CloseRounded />
          </IconButton>
        </Stack>
      ))}
      {items.length < PRODUCT_LIMITS.proofPoints && (
        <Button
          startIcon={<AddRounded />}
          onClick={() => {
            onChange([...items, proofPointDraft()]);
          }}
          sx={{ alignSelf: 'flex-start' }}
        >
          Add proof point
        </Button>
      )}
    </Stack>
  );
}
