import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

// One cache for every screen. A refusal (4xx) is an answer, not a network hiccup: only failures
// without an answer or from a service that is down (5xx) are tried again.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 2_000,
      refetchOnWindowFocus: true,
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.problem.status < 500),
    },
  },
});
