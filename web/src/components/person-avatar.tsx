import Avatar from '@mui/material/Avatar';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? '') : '';
  return (first.charAt(0) + last.charAt(0)).toUpperCase();
}

/** Initials in a circle; decorative, the name is always written next to it or in a label. */
export function PersonAvatar({ name, disabled }: { name: string; disabled?: boolean }) {
  return (
    <Avatar
      aria-hidden
      sx={{
        width: 36,
        height: 36,
        fontSize: '0.875rem',
        fontWeight: 700,
        bgcolor: disabled ? 'action.disabled' : 'primary.light',
      }}
    >
      {initials(name)}
    </Avatar>
  );
}
