import AddRounded from '@mui/icons-material/AddRounded';
import Button from '@mui/material/Button';

/** "Record deal", which opens the `RecordDealDialog`. */
export function RecordDealButton({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="contained" startIcon={<AddRounded />} onClick={onClick}>
      Record deal
    </Button>
  );
}
