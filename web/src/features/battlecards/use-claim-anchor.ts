import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

const CLAIM_HASH = /^#claim-([0-9a-f-]{36})$/i;
const HIGHLIGHT_MS = 3000;

/**
 * `#claim-<id>` in the address (search results link there): once the claim is on screen,
 * scroll to it and highlight it for a moment — once per navigation, so clearing a search
 * later does not jump back. `ready` says the claim can be on screen (no filter hides it).
 */
export function useClaimAnchor(ready: boolean): {
  claimId: string | undefined;
  highlighted: string | undefined;
} {
  const { hash, key } = useLocation();
  const claimId = CLAIM_HASH.exec(hash)?.[1]?.toLowerCase();
  const [highlighted, setHighlighted] = useState<string | undefined>();
  const handledKey = useRef<string | null>(null);

  useEffect(() => {
    if (!ready || !claimId || handledKey.current === key) return;
    const element = document.getElementById(`claim-${claimId}`);
    if (!element) return;
    handledKey.current = key;
    element.scrollIntoView({ behavior: 'smooth', block: 'center' });
    element.focus({ preventScroll: true });
    setHighlighted(claimId);
  }, [ready, claimId, key]);

  useEffect(() => {
    if (!highlighted) return;
    const timer = setTimeout(() => {
      setHighlighted(undefined);
    }, HIGHLIGHT_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [highlighted]);

  return { claimId, highlighted };
}
