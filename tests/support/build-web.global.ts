// Vitest global setup of the browser project: builds the web app once, before any browser test file
// starts a stack that serves dist/web (files may run in parallel; a build per file would race).
import { buildWebApp } from './browser';

export default async function setup(): Promise<void> {
  await buildWebApp();
}
