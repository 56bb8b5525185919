import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Product, ProductBody, ProofPoint } from '../../../../common/product';
import { api } from '../../lib/api';

export type { Product, ProductBody, ProofPoint };
export type ProofPointKind = ProofPoint['kind'];

export const productKeys = {
  detail: ['product'] as const,
};

/** Our product profile; `configured` is false until someone saves it. */
export function useProduct() {
  return useQuery({
    queryKey: productKeys.detail,
    queryFn: ({ signal }) => api.get<Product>('/api/v1/product', { signal }),
  });
}

/** Replaces the whole profile: the form always sends every field. */
export function useSaveProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductBody) => api.put<Product>('/api/v1/product', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(productKeys.detail, saved);
      // Battlecards compare against the profile.
      return queryClient.invalidateQueries({ queryKey: ['battlecards'] });
    },
  });
}
