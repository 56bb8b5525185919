import { useCompetitorContext } from '../competitors/competitor-context';
import { DocumentsPanel } from './components/documents-panel';

/** A competitor's documents: what is uploaded here becomes that competitor's evidence. */
export function DocumentsTab() {
  const { competitor, canEdit } = useCompetitorContext();
  return (
    <DocumentsPanel
      competitorId={competitor.id}
      canEdit={canEdit}
      label={`Documents about ${competitor.name}`}
    />
  );
}
