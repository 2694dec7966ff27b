// Shared helpers for the console's browser checks: a throwaway headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core), sign-in, and a JSON result line for JUnit.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function withBrowser(work) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  // Nothing may be fetched from outside the service under test (no CDN, no map tiles).
  const external = [];
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('http://127.0.0.1') && !url.startsWith('http://localhost') && !url.startsWith('data:')
        && !url.startsWith('blob:') && !url.startsWith('about:')) {
      external.push(url);
    }
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(20000);
    let result;
    try {
      result = await work(page, context);
    } catch (err) {
      fs.mkdirSync(path.join(__dirname, '../../../target/browser'), { recursive: true });
      await page.screenshot({ path: path.join(__dirname, '../../../target/browser/failure-'
        + path.basename(process.argv[1], '.cjs') + '.png'), fullPage: true }).catch(() => {});
      throw err;
    }
    result.externalRequests = external;
    return result;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function signIn(page, base, user, password) {
  await page.goto(base + '/console/login');
  await page.fill('#username', user);
  await page.fill('#password', password || 'luoyang2026');
  await Promise.all([page.waitForNavigation(), page.click('#sign-in')]);
  if (page.url().includes('/console/login')) {
    throw new Error('sign-in failed for ' + user);
  }
}

/** What a page says to a reader (for the language check in JUnit): its path, visible text, and whether it is Spring's Whitelabel page. */
async function seen(page) {
  return { path: new URL(page.url()).pathname + new URL(page.url()).search, text: await page.innerText('body'),
    whitelabel: (await page.content()).includes('Whitelabel') };
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now (WCAG 2.x A/AA
 * and best-practice rules). Evaluated through the DevTools protocol, so the page's CSP ('self') is kept.
 */
async function accessibility(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(AXE);
  }
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return { path: new URL(page.url()).pathname + new URL(page.url()).search,
    violations: found.filter((v) => v.impact === 'serious' || v.impact === 'critical') };
}

/** Runs a scenario, prints one JSON line (prefixed RESULT) and exits 0, or prints the error and exits 1. */
function run(scenario) {
  scenario(process.argv.slice(2))
    .then((result) => {
      console.log('RESULT ' + JSON.stringify(result));
      process.exit(0);
    })
    .catch((err) => {
      console.error('FAILED ' + (err && err.stack ? err.stack : err));
      process.exit(1);
    });
}

module.exports = { withBrowser, signIn, run, seen, accessibility };
