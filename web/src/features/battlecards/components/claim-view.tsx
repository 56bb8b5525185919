import LockOutlined from '@mui/icons-material/LockOutlined';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useRef } from 'react';
import { useParams } from 'react-router';
import type { Claim } from '../../../../../common/battlecards';
import { MarkedText } from '../../../components/marked-text';
import { formatDate } from '../../../lib/format';
import { reportResponseCopied } from '../../analytics/api';
import { confidenceLabel } from '../card-labels';
import { highlightText } from '../claim-filter';
import { splitBeforeLastWord } from '../trailing-word';
import { CitationMarkers } from './citation-marker';
import { CopyResponseButton } from './copy-response-button';

/** The small print under a claim: who may hear it, whether it still holds, how sure we are. */
export function ClaimMeta({ claim }: { claim: Claim }) {
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ mt: 0.75, flexWrap: 'wrap', alignItems: 'center', rowGap: 0.5 }}
    >
      {claim.audience === 'internal' && (
        <Chip
          size="small"
          variant="outlined"
          icon={<LockOutlined />}
          label="Internal only"
          sx={{ height: 22, fontSize: '0.72rem', '& .MuiChip-icon': { fontSize: 14 } }}
        />
      )}
      {claim.stale && (
        <Tooltip
          title={claim.staleReason ?? 'Marked stale: check this before you rely on it.'}
          enterTouchDelay={0}
          leaveTouchDelay={4000}
        >
          <Chip
            size="small"
            color="warning"
            icon={<WarningAmberRounded />}
            label="Stale"
            tabIndex={0}
            aria-label={`Stale: ${claim.staleReason ?? 'check this before you rely on it'}`}
            data-testid="stale-marker"
            sx={{ height: 22, fontSize: '0.72rem', '& .MuiChip-icon': { fontSize: 15 } }}
          />
        </Tooltip>
      )}
      {claim.verifiedBy && claim.verifiedAt && (
        <Typography
          variant="caption"
          sx={{ color: 'success.main', display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
        >
          <VerifiedOutlined sx={{ fontSize: 15 }} aria-hidden />
          Verified by {claim.verifiedBy.name} on {formatDate(claim.verifiedAt)}
        </Typography>
      )}
      <Typography
        variant="caption"
        color="text.secondary"
        title="How sure we are of this claim"
        sx={{ opacity: 0.8 }}
      >
        Confidence {confidenceLabel(claim.confidence)}
      </Typography>
    </Stack>
  );
}

/** An objection's answer, with the copy button sellers reach for mid-call. */
function ResponseBlock({
  response,
  terms,
  claimId,
}: {
  response: string;
  terms: readonly string[];
  claimId: string;
}) {
  const textRef = useRef<HTMLParagraphElement>(null);
  const { id: battlecardId } = useParams();
  return (
    <Box
      sx={(theme) => ({
        mt: 1,
        p: 1.25,
        pl: 1.5,
        borderRadius: 1.5,
        bgcolor: alpha(theme.palette.secondary.main, 0.07),
        borderLeft: 3,
        borderColor: 'secondary.main',
        display: 'flex',
        flexDirection: { xs: 'column', sm: 'row' },
        alignItems: { xs: 'stretch', sm: 'flex-start' },
        gap: 1,
      })}
    >
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography
          variant="caption"
          component="p"
          sx={{ fontWeight: 700, color: 'secondary.main', letterSpacing: '0.04em' }}
        >
          RESPONSE
        </Typography>
        <Typography ref={textRef} variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          <MarkedText segments={highlightText(response, terms)} />
        </Typography>
      </Box>
      <CopyResponseButton
        text={response}
        textRef={textRef}
        onCopied={() => battlecardId && reportResponseCopied(battlecardId, claimId)}
      />
    </Box>
  );
}

/** One claim as sellers read it. */
export function ClaimView({
  claim,
  objection,
  terms,
  competitorId,
  highlighted,
}: {
  claim: Claim;
  objection: boolean;
  /** Words of the in-card search, marked in the text. */
  terms: readonly string[];
  competitorId: string;
  /** Just opened from a link (#claim-id): drawn with a highlight. */
  highlighted: boolean;
}) {
  const { head, tail } = splitBeforeLastWord(highlightText(claim.text, terms));
  return (
    <Box
      component="li"
      id={`claim-${claim.id}`}
      data-testid="claim"
      tabIndex={-1}
      sx={(theme) => ({
        px: 2,
        py: 1.25,
        listStyle: 'none',
        scrollMarginTop: 200,
        borderLeft: 3,
        borderColor: claim.stale ? 'warning.main' : 'transparent',
        transition: 'background-color 600ms ease',
        bgcolor: highlighted ? alpha(theme.palette.warning.light, 0.18) : 'transparent',
        outline: highlighted ? `2px solid ${alpha(theme.palette.warning.main, 0.5)}` : 'none',
        outlineOffset: -2,
        breakInside: 'avoid',
      })}
    >
      <Typography
        variant="body2"
        component="p"
        sx={{ fontWeight: objection ? 600 : 400, fontSize: '0.9rem', whiteSpace: 'pre-wrap' }}
      >
        {objection && (
          <Box component="span" sx={{ color: 'text.secondary', fontWeight: 700 }}>
            “
          </Box>
        )}
        <MarkedText segments={head} />
        {/* The last word, closing quote and citation markers wrap together, never apart. */}
        <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
          <MarkedText segments={tail} />
          {objection && (
            <Box component="span" sx={{ color: 'text.secondary', fontWeight: 700 }}>
              ”
            </Box>
          )}
          <CitationMarkers citations={claim.citations} competitorId={competitorId} />
        </Box>
      </Typography>
      {objection && claim.response && (
        <ResponseBlock response={claim.response} terms={terms} claimId={claim.id} />
      )}
      <ClaimMeta claim={claim} />
    </Box>
  );
}
