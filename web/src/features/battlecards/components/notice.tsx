import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';

export interface Notice {
  message: string;
  /** An optional button in the snackbar, e.g. "View card". */
  action?: { label: string; onClick: () => void };
}

const NoticeContext = createContext<((notice: Notice | string) => void) | null>(null);

/** Short confirmations ("Response copied", "Published version 4") at the bottom of the page. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<(Notice & { key: number }) | null>(null);
  const [open, setOpen] = useState(false);
  const notify = useCallback((next: Notice | string) => {
    setNotice({ ...(typeof next === 'string' ? { message: next } : next), key: Date.now() });
    setOpen(true);
  }, []);
  const value = useMemo(() => notify, [notify]);
  return (
    <NoticeContext value={value}>
      {children}
      <Snackbar
        key={notice?.key}
        open={open}
        // Brief, and bottom-left (over the navigation on a desktop), clear of the card text.
        autoHideDuration={notice?.action ? 4000 : 2500}
        onClose={(_event, reason) => {
          if (reason !== 'clickaway') setOpen(false);
        }}
        message={notice?.message}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        // Sized to its message so a short notice sits over the side navigation's empty foot.
        slotProps={{ content: { sx: { minWidth: { sm: 0 }, maxWidth: { sm: 480 } } } }}
        action={
          notice?.action ? (
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                notice.action?.onClick();
                setOpen(false);
              }}
            >
              {notice.action.label}
            </Button>
          ) : undefined
        }
      />
    </NoticeContext>
  );
}

export function useNotify(): (notice: Notice | string) => void {
  const notify = use(NoticeContext);
  if (!notify) throw new Error('useNotify() needs a <NoticeProvider> above it');
  return notify;
}
