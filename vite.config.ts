import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The embedded server (npm start) listens here; `npm run dev` proxies the API to it.
const apiTarget = process.env.FLAMELENS_API ?? 'http://127.0.0.1:4040';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1024 },
  server: {
    proxy: {
      '/querier.v1.QuerierService': apiTarget,
      '/push.v1.PusherService': apiTarget,
      '/ingest': apiTarget,
    },
  },
});
