import Box from '@mui/material/Box';

/** The ring mark: a square ring with ropes. Decorative; the name is always written next to it. */
export function RingsideLogo({ size = 28 }: { size?: number }) {
  return (
    <Box
      component="svg"
      viewBox="0 0 64 64"
      aria-hidden
      focusable="false"
      sx={{ width: size, height: size, flexShrink: 0, display: 'block' }}
    >
      <rect width="64" height="64" rx="14" fill="rgba(255,255,255,0.14)" />
      <rect x="12" y="12" width="40" height="40" rx="4" fill="none" stroke="#fff" strokeWidth="4" />
      <path d="M12 26h40M12 38h40" stroke="#c5cae9" strokeWidth="3" />
    </Box>
  );
}
