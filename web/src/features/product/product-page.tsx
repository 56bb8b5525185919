import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import Card from '@mui/material/Card';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useMe } from '../auth/auth-context';
import { useProduct } from './api';
import { ProductForm } from './components/product-form';
import { ProductView } from './components/product-view';

/** Settings → Our product: what every battlecard compares a competitor against. */
export function ProductPage() {
  const me = useMe();
  const query = useProduct();
  const product = query.data;

  return (
    <>
      <PageHeader
        title="Our product"
        subtitle={`What ${me.workspace.name} sells: every battlecard sets a competitor against this.`}
      />
      {query.isPending && (
        <Stack spacing={3} aria-busy="true" aria-label="Loading">
          <Skeleton variant="rounded" height={180} />
          <Skeleton variant="rounded" height={220} />
        </Stack>
      )}
      {query.isError && <QueryError what="the product profile" query={query} />}
      {product &&
        (product.canEdit ? (
          <ProductForm product={product} />
        ) : product.configured ? (
          <ProductView product={product} />
        ) : (
          <Card>
            <EmptyState icon={<Inventory2Outlined />} title="Not set up yet">
              Nobody has described {me.workspace.name}&apos;s own product yet. Editors fill it in:
              the pitch, capabilities, pricing and proof points battlecards compare against.
            </EmptyState>
          </Card>
        ))}
    </>
  );
}
