import Avatar from '@mui/material/Avatar';
import { hueOf, initialOf } from '../format';

/**
 * The competitor's logo, or its initial on a colour of its own when there is no logo (or it
 * fails to load). Decorative: the name is always written next to it.
 */
export function CompetitorAvatar({
  name,
  logoUrl,
  size = 36,
}: {
  name: string;
  logoUrl: string | null;
  size?: number;
}) {
  const hue = hueOf(name);
  return (
    <Avatar
      aria-hidden
      variant="rounded"
      src={logoUrl ?? undefined}
      alt=""
      slotProps={{
        img: { referrerPolicy: 'no-referrer', loading: 'lazy', sx: { objectFit: 'contain' } },
      }}
      sx={{
        width: size,
        height: size,
        fontSize: size * 0.45,
        fontWeight: 700,
        color: `hsl(${hue} 55% 28%)`,
        bgcolor: logoUrl ? 'background.paper' : `hsl(${hue} 60% 90%)`,
        border: logoUrl ? 1 : 0,
        borderColor: 'divider',
        flexShrink: 0,
      }}
    >
      {initialOf(name)}
    </Avatar>
  );
}
