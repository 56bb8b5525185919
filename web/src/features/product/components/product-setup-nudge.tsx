import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import { useProduct } from '../api';

/**
 * Shown where the work starts (home, competitors) while nobody has described our own product:
 * battlecards compare each competitor against it. Only to people who can set it up.
 */
export function ProductSetupNudge() {
  const { can } = useAuth();
  const product = useProduct();
  if (!can('content.edit') || !product.data || product.data.configured) return null;
  return (
    <Alert
      severity="info"
      data-testid="product-setup-nudge"
      action={
        <Button
          component={RouterLink}
          to="/settings/product"
          color="inherit"
          size="small"
          sx={{ whiteSpace: 'nowrap' }}
        >
          Set up our product
        </Button>
      }
      sx={{ mb: 3, '& .MuiAlert-action': { alignItems: 'center' } }}
    >
      <AlertTitle>Start with your own product</AlertTitle>
      Battlecards compare each competitor with what you sell. Describe your product once — pitch,
      capabilities, pricing, proof points — and every card can use it.
    </Alert>
  );
}
