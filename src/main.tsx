import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.tsx';
import './styles.css';
import { applyInitialLink } from './state/url-sync.ts';
import { prewarmWorker } from './state/session.ts';
import { prewarmCanvasText } from './components/canvas-text.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; network hiccups might.
      retry: (failures, error) => failures < 2 && !(error instanceof Error && 'status' in error && Number(error.status) < 500),
      refetchOnWindowFocus: false,
    },
  },
});

applyInitialLink();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

// After the first render: the worker loads while the person finds a file to drop.
setTimeout(prewarmWorker, 0);
// The label font's first use on a canvas is slow in a fresh tab: pay it now, not in the first paint.
setTimeout(prewarmCanvasText, 0);
