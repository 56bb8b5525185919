import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Slider from '@mui/material/Slider';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import {
  CLAIM_TEXT_MAX,
  SECTION_KEYS,
  SECTION_TITLES,
  type SectionKey,
} from '../../../../../common/battlecard-sections';
import type { Audience, Claim } from '../../../../../common/battlecards';
import { FormDialog } from '../../../components/form-dialog';
import { useFormValues } from '../../../lib/use-form-values';
import { useCreateClaim, useUpdateClaim } from '../api';
import { CitationPicker, type DraftCitation } from './citation-picker';
import { ClaimSources, citationProblems, toDraft } from './claim-sources';

type Field = 'text' | 'response' | 'audience' | 'confidence' | 'section';
const FIELDS: readonly Field[] = ['text', 'response', 'audience', 'confidence', 'section'];

interface Values {
  section: SectionKey;
  text: string;
  response: string;
  audience: Audience;
  /** In percent, as the slider shows it. */
  confidence: number;
}

/** Add a claim to a section, or edit one: wording, audience, confidence and its sources. */
export function ClaimDialog({
  cardId,
  competitorId,
  competitorName,
  section: initialSection,
  claim,
  onClose,
  onSaved,
}: {
  cardId: string;
  competitorId: string;
  competitorName: string;
  section: SectionKey;
  /** The claim to edit; a new claim when left out. */
  claim?: Claim;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const labelId = useId();
  const create = useCreateClaim(cardId);
  const update = useUpdateClaim(cardId);
  const mutation = claim ? update : create;

  const { values, set, errors, setErrors, showError } = useFormValues<Values, Field>(
    () => ({
      section: initialSection,
      text: claim?.text ?? '',
      response: claim?.response ?? '',
      audience: claim?.audience ?? 'internal',
      confidence: Math.round((claim?.confidence ?? 0.8) * 100),
    }),
    FIELDS,
  );
  const { section, text, response, audience, confidence } = values;
  const [citations, setCitations] = useState<DraftCitation[]>(claim ? toDraft(claim) : []);
  const [picking, setPicking] = useState(false);
  const [problems, setProblems] = useState<Map<number, string>>(new Map());

  const objection = section === 'objections';

  const submit = () => {
    setErrors(undefined);
    setProblems(new Map());
    const sent = {
      text,
      audience,
      confidence: confidence / 100,
      citations: citations.map(({ evidenceId, quote }) => ({ evidenceId, quote })),
    };
    const onError = (error: unknown) => {
      showError(error);
      setProblems(citationProblems(error));
    };
    if (claim) {
      update.mutate(
        {
          claimId: claim.id,
          ...sent,
          response: objection ? response.trim() || null : null,
          ...(section !== initialSection && { section }),
        },
        { onSuccess: () => onSaved('Claim saved'), onError },
      );
    } else {
      create.mutate(
        { section, ...sent, ...(objection && response.trim() && { response }) },
        { onSuccess: () => onSaved('Claim added'), onError },
      );
    }
  };

  return (
    <>
      <FormDialog
        open
        onClose={onClose}
        title={claim ? 'Edit claim' : `Add to ${SECTION_TITLES[initialSection]}`}
        onSubmit={submit}
        pending={mutation.isPending}
        submitLabel={claim ? 'Save claim' : 'Add claim'}
        pendingLabel="Saving…"
        canSubmit={text.trim().length > 0}
        // Citation problems show on their citations, with the summary below them.
        error={problems.size === 0 ? errors : undefined}
        fullScreenOnPhone
      >
        {claim && (
          <TextField
            select
            label="Section"
            value={section}
            size="small"
            onChange={(e) => {
              set('section', e.target.value as SectionKey);
            }}
            error={Boolean(errors?.fields.section)}
            helperText={errors?.fields.section}
          >
            {SECTION_KEYS.map((key) => (
              <MenuItem key={key} value={key}>
                {SECTION_TITLES[key]}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          label={objection ? 'Objection (what the prospect says)' : 'Claim'}
          value={text}
          onChange={(e) => {
            set('text', e.target.value);
          }}
          multiline
          minRows={2}
          required
          autoFocus
          error={Boolean(errors?.fields.text)}
          helperText={errors?.fields.text ?? `${text.length} / ${CLAIM_TEXT_MAX}`}
          slotProps={{ htmlInput: { maxLength: CLAIM_TEXT_MAX } }}
        />
        {objection && (
          <TextField
            label="Response (what the seller answers)"
            value={response}
            onChange={(e) => {
              set('response', e.target.value);
            }}
            multiline
            minRows={3}
            error={Boolean(errors?.fields.response)}
            helperText={errors?.fields.response ?? 'Sellers copy this with one click.'}
            slotProps={{ htmlInput: { maxLength: CLAIM_TEXT_MAX } }}
          />
        )}
        <FormControl>
          <FormLabel id={`${labelId}-audience`}>Audience</FormLabel>
          <RadioGroup
            row
            aria-labelledby={`${labelId}-audience`}
            value={audience}
            onChange={(e) => {
              set('audience', e.target.value as Audience);
            }}
          >
            <FormControlLabel value="internal" control={<Radio />} label="Internal only" />
            <FormControlLabel
              value="shareable"
              control={<Radio />}
              label="Shareable with prospects"
            />
          </RadioGroup>
        </FormControl>
        <Box>
          <Typography id={`${labelId}-confidence`} variant="body2" color="text.secondary">
            Confidence: <strong>{confidence}%</strong>
          </Typography>
          <Slider
            value={confidence}
            min={0}
            max={100}
            step={5}
            onChange={(_e, value) => {
              set('confidence', value);
            }}
            aria-labelledby={`${labelId}-confidence`}
            getAriaValueText={(v) => `${v}%`}
            sx={{ maxWidth: 360, width: 'calc(100% - 16px)', display: 'block', mx: 1 }}
          />
        </Box>
        <ClaimSources
          citations={citations}
          problems={problems}
          onAdd={() => {
            setPicking(true);
          }}
          onRemove={(index) => {
            setCitations((list) => list.filter((_, i) => i !== index));
            setProblems(new Map());
          }}
        />
        {problems.size > 0 && errors?.message && (
          <Alert severity="error" role="alert" data-testid="citation-error">
            {errors.message}
          </Alert>
        )}
      </FormDialog>
      <CitationPicker
        open={picking}
        competitorId={competitorId}
        competitorName={competitorName}
        onClose={() => {
          setPicking(false);
        }}
        onPick={(citation) => {
          setCitations((list) => [...list, citation]);
          setProblems(new Map());
        }}
      />
    </>
  );
}
