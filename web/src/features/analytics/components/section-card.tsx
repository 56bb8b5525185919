import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A titled panel of the analytics page, with the rule behind its figures and a CSV button. */
export function SectionCard({
  title,
  rule,
  onCsv,
  children,
}: {
  title: string;
  /** How the figures are counted, in words. */
  rule?: string | undefined;
  onCsv?: (() => void) | undefined;
  children: ReactNode;
}) {
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={title}
      sx={{ p: { xs: 1.75, sm: 2.5 }, minWidth: 0 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 1 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h3" component="h2">
            {title}
          </Typography>
          {rule && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
              {rule}
            </Typography>
          )}
        </Box>
        {onCsv && (
          <Button
            size="small"
            startIcon={<FileDownloadOutlined />}
            onClick={onCsv}
            aria-label={`Download ${title} as CSV`}
          >
            CSV
          </Button>
        )}
      </Box>
      {children}
    </Paper>
  );
}
