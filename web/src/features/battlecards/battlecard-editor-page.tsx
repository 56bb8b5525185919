import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import PublishRounded from '@mui/icons-material/PublishRounded';
import TuneRounded from '@mui/icons-material/TuneRounded';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import type { Claim, SectionKey } from '../../../../common/battlecards';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { QueryError } from '../../components/query-error';
import { toFormErrors } from '../../lib/form-errors';
import { useBelowBreakpoint } from '../../lib/use-below-breakpoint';
import {
  useBattlecard,
  useDeleteClaim,
  useReorderSection,
  useVerifyClaim,
  type Battlecard,
} from './api';
import { CardChips } from './components/card-chips';
import {
  CardContextLine,
  HeaderAction,
  StickyCardHeader,
  historyIcon,
} from './components/card-header';
import { CardSettingsDialog } from './components/card-settings-dialog';
import { CardSkeleton } from './components/card-skeleton';
import { ClaimDialog } from './components/claim-dialog';
import { EditorSection } from './components/editor-section';
import { NoticeProvider, useNotify } from './components/notice';
import { PublishDialog } from './components/publish-dialog';
import { StaleDialog } from './components/stale-dialog';
import { moveId } from './reorder';
import { GenerationBanner } from '../ai/generation-banner';
import { RegenerateButton } from '../ai/regenerate-button';

type Editing =
  | { kind: 'add'; section: SectionKey }
  | { kind: 'edit'; section: SectionKey; claim: Claim }
  | { kind: 'stale'; claim: Claim }
  | { kind: 'delete'; claim: Claim }
  | { kind: 'publish' }
  | { kind: 'settings' };

function EditorBody({ card }: { card: Battlecard }) {
  const isPhone = useBelowBreakpoint('sm');
  const notify = useNotify();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<Editing | null>(null);
  const reorder = useReorderSection(card.id);
  const verify = useVerifyClaim(card.id);
  const remove = useDeleteClaim(card.id);
  const close = () => {
    setEditing(null);
  };

  const failed = (what: string) => (error: unknown) => {
    notify(`${what}: ${toFormErrors(error, []).message ?? 'something went wrong.'}`);
  };

  const publishDisabled = card.version > 0 && !card.hasUnpublishedChanges;

  return (
    <>
      <StickyCardHeader
        context={<CardContextLine card={card} />}
        title={`Editing: ${card.title}`}
        chips={<CardChips card={card} showFreshness={!isPhone} />}
        tools={
          <Button
            component={RouterLink}
            to={`/battlecards/${card.id}`}
            startIcon={<ArrowBackRounded />}
            size="small"
            sx={{ whiteSpace: 'nowrap' }}
          >
            {isPhone ? 'Card' : 'View card'}
          </Button>
        }
        actions={
          <>
            {isPhone ? (
              <Tooltip title="Card settings">
                <IconButton
                  size="small"
                  aria-label="Card settings"
                  onClick={() => {
                    setEditing({ kind: 'settings' });
                  }}
                >
                  <TuneRounded fontSize="small" />
                </IconButton>
              </Tooltip>
            ) : (
              <Button
                size="small"
                variant="outlined"
                startIcon={<TuneRounded />}
                sx={{ bgcolor: 'background.paper' }}
                onClick={() => {
                  setEditing({ kind: 'settings' });
                }}
              >
                Card settings
              </Button>
            )}
            <HeaderAction
              to={`/battlecards/${card.id}/versions`}
              label="Version history"
              icon={historyIcon}
            />
            <Tooltip title={publishDisabled ? 'Nothing changed since the last publish' : ''}>
              <span>
                <Button
                  size="small"
                  variant="contained"
                  startIcon={<PublishRounded />}
                  disabled={publishDisabled}
                  onClick={() => {
                    setEditing({ kind: 'publish' });
                  }}
                >
                  Publish
                </Button>
              </span>
            </Tooltip>
          </>
        }
      />

      <Stack spacing={2}>
        <GenerationBanner card={card} />
        {card.sections.map((section) => (
          <EditorSection
            key={section.key}
            section={section}
            competitorId={card.competitorId}
            extraAction={
              <RegenerateButton
                battlecardId={card.id}
                section={section}
                disabled={card.status === 'generating'}
              />
            }
            note={card.generatedBy?.emptySections.find((e) => e.section === section.key)?.note}
            busy={reorder.isPending && reorder.variables.section === section.key}
            onAdd={() => {
              setEditing({ kind: 'add', section: section.key });
            }}
            actionsFor={(claim, index) => ({
              onEdit: () => {
                setEditing({ kind: 'edit', section: section.key, claim });
              },
              onMove: (delta) => {
                const ids = section.claims.map((c) => c.id);
                reorder.mutate(
                  { section: section.key, claimIds: moveId(ids, index, delta) },
                  { onError: failed('Could not move the claim') },
                );
              },
              onVerify: () => {
                verify.mutate(claim.id, {
                  onSuccess: () => {
                    notify('Claim marked as verified');
                  },
                  onError: failed('Could not verify the claim'),
                });
              },
              onMarkStale: () => {
                setEditing({ kind: 'stale', claim });
              },
              onDelete: () => {
                remove.reset();
                setEditing({ kind: 'delete', claim });
              },
            })}
          />
        ))}
      </Stack>

      {(editing?.kind === 'add' || editing?.kind === 'edit') && (
        <ClaimDialog
          cardId={card.id}
          competitorId={card.competitorId}
          competitorName={card.competitor.name}
          section={editing.section}
          claim={editing.kind === 'edit' ? editing.claim : undefined}
          onClose={close}
          onSaved={(message) => {
            close();
            notify(message);
          }}
        />
      )}
      {editing?.kind === 'stale' && (
        <StaleDialog
          cardId={card.id}
          claim={editing.claim}
          onClose={close}
          onDone={() => {
            close();
            notify('Claim marked as stale');
          }}
        />
      )}
      {editing?.kind === 'delete' && (
        <ConfirmDialog
          open
          title="Delete this claim?"
          confirmLabel="Delete claim"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error ? toFormErrors(remove.error, []).message : undefined}
          onClose={close}
          onConfirm={() => {
            remove.mutate(editing.claim.id, {
              onSuccess: () => {
                close();
                notify('Claim deleted');
              },
            });
          }}
        >
          “{editing.claim.text}” leaves the draft. Published versions keep it.
        </ConfirmDialog>
      )}
      {editing?.kind === 'publish' && (
        <PublishDialog
          card={card}
          onClose={close}
          onPublished={(version) => {
            close();
            notify({
              message: `Published version ${version}`,
              action: {
                label: 'View card',
                onClick: () => void navigate(`/battlecards/${card.id}`),
              },
            });
          }}
        />
      )}
      {editing?.kind === 'settings' && (
        <CardSettingsDialog
          card={card}
          onClose={close}
          onSaved={() => {
            close();
            notify('Card settings saved');
          }}
        />
      )}
    </>
  );
}

/** `/battlecards/:id/edit` — where product marketing curates a card. */
export function BattlecardEditorPage() {
  const { id = '' } = useParams();
  const card = useBattlecard(id);
  return (
    <NoticeProvider>
      {card.isPending && <CardSkeleton />}
      {card.isError && (
        <>
          <title>Edit battlecard · Ringside</title>
          <QueryError what="this battlecard" query={card} />
        </>
      )}
      {card.data &&
        (card.data.permissions.canEdit ? (
          <EditorBody card={card.data} />
        ) : (
          <Box>
            <title>{`${card.data.title} · Ringside`}</title>
            <Alert
              severity="info"
              action={
                <Button
                  color="inherit"
                  size="small"
                  component={RouterLink}
                  to={`/battlecards/${id}`}
                >
                  Read the card
                </Button>
              }
            >
              You can read this battlecard but not edit it. Ask a workspace admin for the editor
              role.
            </Alert>
          </Box>
        ))}
    </NoticeProvider>
  );
}
