import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { formatDateTime, formatRelative } from '../../../lib/format';
import type { Product } from '../api';
import { proofKindLabel } from '../format';

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography id={id} variant="h4" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function Nothing() {
  return <Typography color="text.secondary">Not filled in yet.</Typography>;
}

/** The product profile for people who read it (viewers): what sellers can say about us. */
export function ProductView({ product }: { product: Product }) {
  return (
    <Card>
      <CardContent sx={{ p: { xs: 2, sm: 3 } }}>
        <Stack spacing={3}>
          <Box>
            <Typography variant="h2" component="p">
              {product.name}
            </Typography>
            {product.pitch && (
              <Typography color="text.secondary" sx={{ mt: 0.5, fontSize: '1.0625rem' }}>
                {product.pitch}
              </Typography>
            )}
          </Box>
          <Part id="view-capabilities" title="Capabilities">
            {product.capabilities.length ? (
              <Box component="ul" sx={{ m: 0, pl: 2.5, '& li + li': { mt: 0.5 } }}>
                {product.capabilities.map((capability, i) => (
                  <li key={i}>
                    <Typography>{capability}</Typography>
                  </li>
                ))}
              </Box>
            ) : (
              <Nothing />
            )}
          </Part>
          <Part id="view-pricing" title="Pricing">
            {product.pricing ? (
              <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {product.pricing}
              </Typography>
            ) : (
              <Nothing />
            )}
          </Part>
          <Part id="view-proof" title="Proof points">
            {product.proofPoints.length ? (
              <Stack component="ul" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }}>
                {product.proofPoints.map((point, i) => (
                  <Stack component="li" key={i} direction="row" spacing={1.5}>
                    <Chip
                      size="small"
                      variant="outlined"
                      label={proofKindLabel[point.kind]}
                      sx={{ minWidth: 80, mt: 0.25 }}
                    />
                    <Typography sx={{ overflowWrap: 'anywhere' }}>{point.text}</Typography>
                  </Stack>
                ))}
              </Stack>
            ) : (
              <Nothing />
            )}
          </Part>
          {product.updatedAt && (
            <Typography
              variant="body2"
              color="text.secondary"
              title={formatDateTime(product.updatedAt)}
            >
              Last updated {formatRelative(product.updatedAt)}
              {product.updatedBy ? ` by ${product.updatedBy.name}` : ''}. Editors can change it.
            </Typography>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
