import { useEffect, useState } from 'react';

/** A flag that lowers itself `ms` after it is raised, e.g. a "Copied" tick on a copy button. */
export function useMomentaryFlag(ms = 2000): [raised: boolean, raise: () => void] {
  const [raised, setRaised] = useState(false);
  useEffect(() => {
    if (!raised) return;
    const timer = setTimeout(() => {
      setRaised(false);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [raised, ms]);
  return [
    raised,
    () => {
      setRaised(true);
    },
  ];
}
