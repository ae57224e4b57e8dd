// The chart benchmark page (bench/run.mjs builds and serves it). A build of its own, rooted in
// bench/ with its output in bench/dist: the app's vite.config.ts and dist/ are untouched.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  root: decodeURIComponent(new URL(".", import.meta.url).pathname),
  base: "./",
  plugins: [react()],
  clearScreen: false,
  logLevel: "warn",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: false },
});
