/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The app runs under a strict CSP (script-src 'self'; style-src 'self'), so the build must emit
// only external files: no inline module-preload polyfill, and Svelte's CSS as a stylesheet.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    // Inlined assets become data: URLs, which the CSP only allows for images.
    assetsInlineLimit: 0,
    // The pages load as chunks of their own (src/lib/pages.ts), but their styles stay in the one
    // stylesheet: a page never shows before its CSS.
    cssCodeSplit: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
