import Button, { type ButtonProps } from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';

export const battlecardPath = (id: string) => `/battlecards/${id}`;

/** "Open" on a battlecard's row: the card as sellers read it. */
export function OpenCardButton({
  card,
  variant,
}: {
  card: { id: string; title: string };
  variant: ButtonProps['variant'];
}) {
  return (
    <Button
      variant={variant}
      size="small"
      component={RouterLink}
      to={battlecardPath(card.id)}
      aria-label={`Open ${card.title}`}
    >
      Open
    </Button>
  );
}
