import { PageHeader } from '../../components/page-header';
import { useAuth } from '../auth/auth-context';
import { DocumentsPanel } from './components/documents-panel';

/** Every document of the workspace. */
export function DocumentsPage() {
  const { can } = useAuth();
  return (
    <>
      <title>Documents · Ringside</title>
      <PageHeader
        title="Documents"
        subtitle="Reports, datasheets and notes: their text becomes evidence. Upload from a competitor’s Documents tab to file it under that competitor."
      />
      <DocumentsPanel canEdit={can('content.edit')} label="Documents of the workspace" />
    </>
  );
}
