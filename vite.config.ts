import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: one page, served by Electron's app:// protocol or by the local HTTP bridge.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Fonts and icons of the State's design system are bundled: the app works offline.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2_000,
  },
});
