import { useOutletContext } from 'react-router';
import type { Competitor } from './api';

/** What the competitor page hands its tabs. */
export interface CompetitorContext {
  competitor: Competitor;
  canEdit: boolean;
}

export function useCompetitorContext(): CompetitorContext {
  return useOutletContext<CompetitorContext>();
}
