// Renders the app's home-screen icons (PNG, as install prompts require) from one SVG in headless Chromium.
// Run once when the brand changes: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const svg = (
  maskable: boolean,
) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="100%" height="100%">
  <rect width="32" height="32" rx="${maskable ? 0 : 7}" fill="#4f46e5"/>
  <g transform="translate(16 16) scale(${maskable ? 0.62 : 0.8}) translate(-16 -16)">
    <path d="M9 11.5 16 8l7 3.5v9L16 24l-7-3.5z" fill="none" stroke="white" stroke-width="1.8" stroke-linejoin="round"/>
    <path d="m9 11.5 7 3.5 7-3.5M16 15v9" fill="none" stroke="white" stroke-width="1.8" stroke-linejoin="round"/>
  </g>
</svg>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const [name, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['maskable-512.png', 512, true],
    ['apple-touch-icon.png', 180, false],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<body style="margin:0">${svg(maskable)}</body>`);
    await writeFile(
      new URL(`../src/web/public/icons/${name}`, import.meta.url),
      await page.screenshot({ omitBackground: true }),
    );
    await page.close();
  }
} finally {
  await browser.close();
}
