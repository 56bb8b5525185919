import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';

/**
 * A thin bar over a list whose filter changed: the old rows stay on screen, and this says
 * fresh ones are coming. It keeps its height when idle so the list does not jump.
 */
export function UpdatingBar({ active }: { active: boolean }) {
  return (
    <Box sx={{ height: 2 }}>{active && <LinearProgress aria-label="Updating the list" />}</Box>
  );
}
