import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useRef, useState, type DragEvent } from 'react';
import { DOCUMENT_ACCEPT } from '../../../../../common/document-values';
import { formatBytes } from '../format';

/** Drop files here, or pick them: PDF, Word, text, Markdown, HTML, CSV. */
export function DropZone({
  onFiles,
  maxBytes,
}: {
  onFiles: (files: File[]) => void;
  maxBytes: number | undefined;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <Box
      data-testid="document-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => {
        setOver(false);
      }}
      onDrop={drop}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'transparent',
        borderRadius: 2,
        p: { xs: 2, sm: 3 },
        textAlign: 'center',
        transition: 'border-color 120ms, background-color 120ms',
      }}
    >
      <UploadFileOutlined color="action" sx={{ fontSize: 36 }} />
      <Typography sx={{ fontWeight: 600, mt: 0.5 }}>Drop files here to upload</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        PDF, Word (.docx), text, Markdown, HTML or CSV
        {maxBytes ? `, up to ${formatBytes(maxBytes)} each` : ''}. Their text becomes evidence.
      </Typography>
      <Button
        variant="outlined"
        onClick={() => {
          input.current?.click();
        }}
      >
        Choose files
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept={DOCUMENT_ACCEPT}
        hidden
        aria-label="Choose files to upload"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </Box>
  );
}
