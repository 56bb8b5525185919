import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { toFormErrors } from '../../../lib/form-errors';
import { useDeleteCompetitor, type Competitor } from '../api';
import { describeContents } from '../format';

/** Confirms deleting a competitor, naming everything that is deleted with it. */
export function DeleteCompetitorDialog({
  competitor,
  open,
  onClose,
}: {
  competitor: Competitor;
  open: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const remove = useDeleteCompetitor(competitor.id);
  const contents = describeContents(competitor.counts);
  return (
    <ConfirmDialog
      open={open}
      title={`Delete ${competitor.name}?`}
      confirmLabel="Delete competitor"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.error ? toFormErrors(remove.error, []).message : undefined}
      onConfirm={() => {
        remove.mutate(undefined, {
          onSuccess: () => {
            void navigate('/competitors', { replace: true });
          },
        });
      }}
      onClose={() => {
        remove.reset();
        onClose();
      }}
    >
      {contents ? (
        <>
          This also deletes everything filed under {competitor.name}: <strong>{contents}</strong>.
          Sellers lose its battlecards at once.
        </>
      ) : (
        <>Nothing has been filed under {competitor.name} yet.</>
      )}{' '}
      This cannot be undone.
    </ConfirmDialog>
  );
}
