import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static bundle loaded from disk (Electron, file://) or from the browser host
// (127.0.0.1): relative asset URLs, nothing fetched from elsewhere (see the CSP in index.html).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // ECharts is the bulk of the bundle; split it so the app shell parses first.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }],
        },
      },
    },
    chunkSizeWarningLimit: 900,
  },
});
