import ArticleOutlined from '@mui/icons-material/ArticleOutlined';
import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import CloseRounded from '@mui/icons-material/CloseRounded';
import FormatQuoteRounded from '@mui/icons-material/FormatQuoteRounded';
import SearchRounded from '@mui/icons-material/SearchRounded';
import StyleOutlined from '@mui/icons-material/StyleOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import IconButton from '@mui/material/IconButton';
import InputBase from '@mui/material/InputBase';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { SearchType } from '../../../../common/search';
import { MarkedText } from '../../components/marked-text';
import { ApiError } from '../../lib/api-error';
import { useBelowBreakpoint } from '../../lib/use-below-breakpoint';
import { useGlobalSearch, type SearchResult } from './api';
import {
  displayOrder,
  groupResults,
  moveActive,
  resultLines,
  tidySnippet,
  withEllipsis,
} from './search-results';
import { useDebouncedValue } from '../../lib/use-debounced-value';

const DEBOUNCE_MS = 150;

const TYPE_ICONS: Record<SearchType, ReactNode> = {
  competitor: <BusinessOutlined fontSize="small" />,
  battlecard: <StyleOutlined fontSize="small" />,
  claim: <FormatQuoteRounded fontSize="small" />,
  evidence: <ArticleOutlined fontSize="small" />,
};

function ResultOption({
  result,
  id,
  index,
  active,
  onPick,
  onHover,
}: {
  result: SearchResult;
  id: string;
  index: number;
  active: boolean;
  onPick: () => void;
  onHover: () => void;
}) {
  const { primary, secondary } = resultLines(result);
  const snippet = withEllipsis(tidySnippet(result.snippet), result.type);
  return (
    <Box
      component="li"
      id={id}
      role="option"
      aria-selected={active}
      data-testid="search-result"
      data-index={index}
      onClick={onPick}
      onMouseMove={onHover}
      sx={{
        display: 'flex',
        gap: 1.5,
        alignItems: 'flex-start',
        px: 2,
        py: 1,
        mx: 1,
        borderRadius: 1,
        cursor: 'pointer',
        bgcolor: active ? 'rgba(40, 53, 147, 0.09)' : 'transparent',
      }}
    >
      <Box sx={{ color: active ? 'primary.main' : 'text.secondary', pt: '2px', flexShrink: 0 }}>
        {TYPE_ICONS[result.type]}
      </Box>
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 650 }} noWrap>
          {primary}
        </Typography>
        {secondary && (
          <Typography variant="caption" color="text.secondary" component="p" noWrap>
            {secondary}
          </Typography>
        )}
        {snippet.length > 0 && (
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
              wordBreak: 'break-word',
              '& mark': { color: 'text.primary' },
            }}
          >
            <MarkedText segments={snippet} />
          </Typography>
        )}
      </Box>
    </Box>
  );
}

function Hint({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 3, py: 3, textAlign: 'center' }}>
      {children}
    </Typography>
  );
}

/** Ctrl+K: find a competitor, card, claim or piece of evidence and jump there. */
export function SearchDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const isPhone = useBelowBreakpoint('sm');
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);
  const q = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useGlobalSearch(q);

  const groups = useMemo(() => groupResults(search.data?.items ?? []), [search.data]);
  const ordered = useMemo(() => displayOrder(groups), [groups]);
  const hasQuery = text.trim().length > 0;
  const showing = hasQuery && q.length > 0;

  // A new answer starts the highlight on its best match.
  useEffect(() => {
    setActive(ordered.length > 0 ? 0 : -1);
  }, [ordered]);

  useEffect(() => {
    if (active < 0) return;
    listRef.current
      ?.querySelector(`[data-index="${active}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const close = () => {
    onClose();
    setText('');
  };

  const pick = (result: SearchResult | undefined) => {
    if (!result) return;
    close();
    void navigate(result.href);
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  let index = -1;

  return (
    <Dialog
      open={open}
      onClose={close}
      fullScreen={isPhone}
      fullWidth
      maxWidth="sm"
      slotProps={{
        paper: {
          // On the role="dialog" element (a Dialog's own aria-label lands on its outer div).
          'aria-label': 'Search',
          sx: {
            alignSelf: { sm: 'flex-start' },
            mt: { sm: '10vh' },
            maxHeight: { sm: '75vh' },
          },
        },
      }}
    >
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          px: 2,
          py: 1,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <SearchRounded color="action" />
        <InputBase
          autoFocus
          fullWidth
          value={text}
          placeholder="Search competitors, battlecards, claims, evidence"
          onChange={(e) => {
            setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((current) =>
                moveActive(current, ordered.length, e.key === 'ArrowDown' ? 1 : -1),
              );
            } else if (e.key === 'Enter') {
              e.preventDefault();
              pick(ordered[active]);
            }
          }}
          slotProps={{
            input: {
              role: 'combobox',
              'aria-label': 'Search everything',
              'aria-expanded': ordered.length > 0,
              'aria-controls': listId,
              'aria-autocomplete': 'list',
              'aria-activedescendant': active >= 0 ? optionId(active) : undefined,
              autoComplete: 'off',
              spellCheck: false,
            },
          }}
          sx={{ fontSize: '1.05rem', py: 0.5 }}
        />
        {isPhone ? (
          <IconButton aria-label="Close search" onClick={close} edge="end">
            <CloseRounded />
          </IconButton>
        ) : (
          <Box
            component="kbd"
            sx={{
              fontSize: '0.7rem',
              color: 'text.secondary',
              border: 1,
              borderColor: 'divider',
              borderRadius: 0.75,
              px: 0.75,
              py: 0.25,
              fontFamily: 'inherit',
            }}
          >
            Esc
          </Box>
        )}
      </Box>
      <Box sx={{ height: 3 }}>
        {search.isFetching && hasQuery && <LinearProgress sx={{ height: 3 }} />}
      </Box>
      <Box sx={{ overflowY: 'auto', flex: 1, pb: 1 }}>
        {!hasQuery && (
          <Hint>
            Type a competitor, a claim or a phrase from your evidence. Use ↑ ↓ to move and Enter to
            open.
          </Hint>
        )}
        {showing && search.isError && (
          <Alert severity="error" sx={{ m: 2 }}>
            {search.error instanceof ApiError && !search.error.isUnreachable
              ? search.error.message
              : 'Search did not answer. Check your connection and try again.'}
          </Alert>
        )}
        {showing && search.data && ordered.length === 0 && !search.isPlaceholderData && (
          <Hint>No results for “{q}”. Try another word or a shorter one.</Hint>
        )}
        <Box
          component="ul"
          id={listId}
          ref={listRef}
          role="listbox"
          aria-label="Search results"
          sx={{ m: 0, p: 0, display: showing && ordered.length > 0 ? 'block' : 'none' }}
        >
          {showing &&
            groups.map((group) => (
              <Box component="li" role="presentation" key={group.type} sx={{ listStyle: 'none' }}>
                <Typography
                  variant="overline"
                  component="div"
                  color="text.secondary"
                  sx={{ px: 3, pt: 1.25, display: 'block', lineHeight: 2 }}
                  id={`${listId}-${group.type}`}
                >
                  {group.label}
                </Typography>
                <Box
                  component="ul"
                  role="group"
                  aria-labelledby={`${listId}-${group.type}`}
                  sx={{ m: 0, p: 0, listStyle: 'none' }}
                >
                  {group.items.map((result) => {
                    index += 1;
                    const i = index;
                    return (
                      <ResultOption
                        key={`${result.type}-${result.id}`}
                        result={result}
                        id={optionId(i)}
                        index={i}
                        active={i === active}
                        onPick={() => {
                          pick(result);
                        }}
                        onHover={() => {
                          setActive(i);
                        }}
                      />
                    );
                  })}
                </Box>
              </Box>
            ))}
        </Box>
      </Box>
    </Dialog>
  );
}
