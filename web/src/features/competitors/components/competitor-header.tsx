import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import EditOutlined from '@mui/icons-material/EditOutlined';
import OpenInNewRounded from '@mui/icons-material/OpenInNewRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { Competitor } from '../api';
import { hostOf } from '../format';
import { CompetitorAvatar } from './competitor-avatar';
import { CompetitorFormDialog } from './competitor-form-dialog';
import { DeleteCompetitorDialog } from './delete-competitor-dialog';
import { TierChip } from './tier-chip';

/** Name, logo, tier, website and tags; editors also get Edit and Delete. */
export function CompetitorHeader({
  competitor,
  canEdit,
}: {
  competitor: Competitor;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  return (
    <Box
      component="header"
      sx={{
        mb: 2,
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'flex-start',
        justifyContent: 'space-between',
        gap: 2,
      }}
    >
      <title>{`${competitor.name} · Ringside`}</title>
      <Stack direction="row" spacing={2} sx={{ minWidth: 0, flex: '1 1 320px' }}>
        <CompetitorAvatar name={competitor.name} logoUrl={competitor.logoUrl} size={56} />
        <Box sx={{ minWidth: 0 }}>
          <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 1.5 }}>
            <Typography variant="h1" sx={{ wordBreak: 'break-word' }}>
              {competitor.name}
            </Typography>
            <TierChip tier={competitor.tier} />
          </Stack>
          <Stack
            direction="row"
            sx={{ mt: 0.75, alignItems: 'center', flexWrap: 'wrap', gap: 0.75 }}
          >
            {competitor.website && (
              <Link
                href={competitor.website}
                target="_blank"
                rel="noopener noreferrer"
                underline="hover"
                sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mr: 1 }}
              >
                {hostOf(competitor.website)}
                <OpenInNewRounded sx={{ fontSize: 16 }} />
                <Box component="span" sx={visuallyHidden}>
                  (opens in a new tab)
                </Box>
              </Link>
            )}
            {competitor.tags.map((tag) => (
              <Chip
                key={tag}
                label={tag}
                size="small"
                variant="outlined"
                component={RouterLink}
                to={`/competitors?tag=${encodeURIComponent(tag)}`}
                clickable
                aria-label={`Competitors tagged ${tag}`}
                sx={{ height: 22, fontWeight: 500, color: 'text.secondary' }}
              />
            ))}
          </Stack>
        </Box>
      </Stack>
      {canEdit && (
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
          <Button
            variant="outlined"
            startIcon={<EditOutlined />}
            aria-label={`Edit ${competitor.name}`}
            onClick={() => {
              setEditing(true);
            }}
          >
            Edit
          </Button>
          <Button
            color="error"
            startIcon={<DeleteOutlineRounded />}
            aria-label={`Delete ${competitor.name}`}
            onClick={() => {
              setDeleting(true);
            }}
          >
            Delete
          </Button>
        </Stack>
      )}
      {canEdit && (
        <>
          <CompetitorFormDialog
            open={editing}
            competitor={competitor}
            onClose={() => {
              setEditing(false);
            }}
          />
          <DeleteCompetitorDialog
            competitor={competitor}
            open={deleting}
            onClose={() => {
              setDeleting(false);
            }}
          />
        </>
      )}
    </Box>
  );
}
