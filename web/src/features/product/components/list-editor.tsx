import AddRounded from '@mui/icons-material/AddRounded';
import CloseRounded from '@mui/icons-material/CloseRounded';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { splitPastedList } from '../format';
import { listItem, type ListItem } from '../form-values';

/**
 * A list of one-line entries: Enter adds the next one, pasting several lines adds one entry
 * per line, and each row has a remove button.
 */
export function ListEditor({
  items,
  onChange,
  itemLabel,
  addLabel,
  placeholder,
  maxLength,
  max,
  errors,
}: {
  items: ListItem[];
  onChange: (items: ListItem[]) => void;
  /** Names each row for screen readers: "Capability 3". */
  itemLabel: string;
  addLabel: string;
  placeholder?: string;
  maxLength: number;
  max: number;
  errors: (string | undefined)[];
}) {
  const focusKey = useRef<number | null>(null);
  const inputs = useRef(new Map<number, HTMLInputElement>());

  useEffect(() => {
    if (focusKey.current === null) return;
    inputs.current.get(focusKey.current)?.focus();
    focusKey.current = null;
  });

  const insertAfter = (index: number, texts: string[]) => {
    const added = texts.slice(0, Math.max(0, max - items.length)).map((t) => listItem(t));
    if (added.length === 0) return;
    focusKey.current = added[added.length - 1]?.key ?? null;
    onChange([...items.slice(0, index + 1), ...added, ...items.slice(index + 1)]);
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      insertAfter(index, ['']);
    }
  };

  const onPaste = (index: number) => (event: ClipboardEvent) => {
    const lines = splitPastedList(event.clipboardData.getData('text'));
    if (lines.length < 2) return;
    event.preventDefault();
    // Filling an empty row uses it for the first line.
    const row = items[index];
    if (row && !row.text.trim()) {
      const [first = '', ...rest] = lines;
      const withFirst = items.map((item, i) => (i === index ? { ...item, text: first } : item));
      const added = rest.slice(0, Math.max(0, max - items.length)).map((t) => listItem(t));
      onChange([...withFirst.slice(0, index + 1), ...added, ...withFirst.slice(index + 1)]);
      return;
    }
    insertAfter(index, lines);
  };

  return (
    <Stack spacing={1}>
      {items.map((item, index) => (
        <Stack key={item.key} direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <TextField
            size="small"
            value={item.text}
            placeholder={placeholder}
            onChange={(e) => {
              onChange(items.map((it, i) => (i === index ? { ...it, text: e.target.value } : it)));
            }}
            onKeyDown={onKeyDown(index)}
            onPaste={onPaste(index)}
            error={Boolean(errors[index])}
            helperText={errors[index]}
            inputRef={(el: HTMLInputElement | null) => {
              if (el) inputs.current.set(item.key, el);
              else inputs.current.delete(item.key);
            }}
            slotProps={{
              htmlInput: { maxLength, 'aria-label': `${itemLabel} ${index + 1}` },
            }}
          />
          <IconButton
            aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
            onClick={() => {
              onChange(items.filter((_, i) => i !== index));
            }}
          >
            <CloseRounded />
          </IconButton>
        </Stack>
      ))}
      {items.length < max && (
        <Button
          startIcon={<AddRounded />}
          onClick={() => {
            insertAfter(items.length - 1, ['']);
          }}
          sx={{ alignSelf: 'flex-start' }}
        >
          {addLabel}
        </Button>
      )}
    </Stack>
  );
}
