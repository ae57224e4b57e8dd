import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The UI is served by `orgplan serve` (browser) or embedded in the Tauri window.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // During `npm run dev`, the command table comes from `orgplan serve --port 7878`.
    proxy: { "/api": "http://127.0.0.1:7878" },
  },
  build: { outDir: "dist", target: "es2022", sourcemap: false },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "jsdom",
  },
});
