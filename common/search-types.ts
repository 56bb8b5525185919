/** Zod-free, so the web app can import it without bundling zod. */
export const SEARCH_TYPES = ['competitor', 'battlecard', 'claim', 'evidence'] as const;
