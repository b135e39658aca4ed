// Launches Debian's (or the user's) Chromium headless for the scripts: demo smoke test, screenshots.
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_HELP, findChromium } from './find-chromium.mjs';

export async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(CHROMIUM_HELP);
    process.exit(1);
  }
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
