// The weekly report as a supervisor and as a handler: it opens on this week and draws its four charts
// from local assets and the district map (server SVG), the dates in the heading are the ones in the fields, the map's
// district names do not overlap, the table carries the callbacks (回访) per row, a phone keeps each figure's label,
// an empty week says so plainly, and a handler sees only its unit's row and categories.  args: baseUrl screenshotPath phoneScreenshotPath
'use strict';
const { withBrowser, signIn, run, seen, accessibility } = require('./lib.cjs');

async function charts(page) {
  await page.waitForFunction(() => Number(document.body.dataset.chartsRendered || 0)
    + Number(document.body.dataset.chartsEmpty || 0) === 4 || document.body.dataset.chartsError);
  const error = await page.evaluate(() => document.body.dataset.chartsError || null);
  if (error) {
    throw new Error('charts failed: ' + error);
  }
  return page.evaluate(() => ({ rendered: Number(document.body.dataset.chartsRendered || 0),
    empty: Number(document.body.dataset.chartsEmpty || 0) }));
}

const data = async (page) => page.evaluate(async (src) => (await fetch(src)).json(), await page.getAttribute('#report', 'data-src'));
const rows = async (page) => page.$$eval('#figures tbody tr', (trs) => trs.map((tr) => ({
  key: tr.dataset.key, cells: [...tr.querySelectorAll('th, td')].map((td) => td.textContent.trim()) })));

/** The district names written on the map, how many pairs of them overlap on screen, and the districts' tooltips. */
function mapLabels() {
  const texts = [...document.querySelectorAll('svg.city-map text')];
  const boxes = texts.map((t) => t.getBoundingClientRect());
  let overlapping = 0;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) { overlapping += 1; }
  }));
  return { shown: texts.map((t) => t.textContent.trim()), overlapping,
    tooltips: [...document.querySelectorAll('svg.city-map path title')].map((t) => t.textContent.trim()) };
}

run(async ([base, screenshot, phoneShot]) => withBrowser(async (page, context) => {
  const result = { pages: [] };
  await signIn(page, base, 'supervisor');
  await page.goto(`${base}/console/reports/weekly?by=TERRITORY`);
  result.charts = await charts(page);
  result.heading = (await page.textContent('#period')).trim();
  result.fields = [await page.inputValue('input[name=from]'), await page.inputValue('input[name=to]')];
  result.ratesNote = (await page.textContent('#rates-note')).trim();
  await page.screenshot({ path: screenshot, fullPage: true });
  result.canvases = await page.$$eval('#report .chart canvas', (cs) => cs.filter((c) => c.width > 0 && c.height > 0).length);
  result.rows = await rows(page);
  result.columns = await page.$$eval('#figures thead th', (ths) => ths.map((th) => th.textContent.trim()));
  const city = await data(page);
  result.period = city.period;
  result.openByDistrict = city.openByDistrict;
  result.cityCategories = city.topCategories.reduce((n, c) => n + c.value, 0);
  result.mapLabels = await page.evaluate(mapLabels);
  result.pages.push(await seen(page));
  result.a11y = [await accessibility(page)];

  // a phone: the header row is hidden, so every figure carries its own label
  await page.setViewportSize({ width: 390, height: 844 });
  result.phoneLabels = await page.$$eval('#figures tbody tr:first-child td',
    (tds) => tds.map((td) => getComputedStyle(td, '::before').content));
  result.phoneHeaderShown = await page.$eval('#figures thead', (h) => getComputedStyle(h).display !== 'none');
  const fits = () => document.documentElement.scrollWidth <= window.innerWidth + 1;
  await page.waitForFunction(fits, null, { timeout: 5000 }).catch(() => {});
  result.phoneFits = await page.evaluate(fits);
  result.a11y.push(await accessibility(page));
  await page.screenshot({ path: phoneShot, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // a week without any case says so, and draws no empty charts
  await page.goto(`${base}/console/reports/weekly?from=2020-01-06&to=2020-01-12`);
  result.emptyCharts = await charts(page);
  result.emptyNotice = (await page.textContent('#no-data')).trim();
  result.pages.push(await seen(page));

  // a handler: its own unit's row, and the categories of its own unit's cases only
  await context.clearCookies();
  await signIn(page, base, 'cg-laocheng');
  await page.goto(`${base}/console/reports/weekly`);
  result.handlerCharts = await charts(page);
  result.handlerRows = await rows(page);
  const own = await data(page);
  result.handlerDataRows = own.rows.map((r) => r.key);
  result.handlerCategories = own.topCategories.reduce((n, c) => n + c.value, 0);
  result.pages.push(await seen(page));

  // a measurement, not a check: the report over a slow mobile link (1.6 Mbps down, 150 ms), first with an
  // empty cache, then again (the hashed assets come from the cache)
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150,
    downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
  const load = async () => {
    await page.evaluate(() => { delete document.body.dataset.chartsRendered; });
    const started = Date.now();
    await page.goto(`${base}/console/reports/weekly`);
    await charts(page);
    const ms = Date.now() - started;
    const bytes = await page.evaluate(() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
      .reduce((n, e) => n + (e.transferSize || 0), 0));
    return { ms, bytes };
  };
  result.slowLink = { cold: await load(), warm: await load() };
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  return result;
}));
