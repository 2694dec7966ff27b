// A supervisor opens the weekly report: four charts and the district map are drawn by ECharts
// from local assets; a screenshot is kept.  args: baseUrl from to screenshotPath
'use strict';
const { withBrowser, signIn, run, seen } = require('./lib.cjs');

run(async ([base, from, to, screenshot]) => withBrowser(async (page) => {
  await signIn(page, base, 'supervisor');
  await page.goto(`${base}/console/reports/weekly?by=TERRITORY&from=${from}&to=${to}`);
  await page.waitForFunction(() => document.body.dataset.chartsRendered === '5' || document.body.dataset.chartsError);
  const error = await page.evaluate(() => document.body.dataset.chartsError || null);
  if (error) {
    throw new Error('charts failed: ' + error);
  }
  await page.screenshot({ path: screenshot, fullPage: true });
  const canvases = await page.$$eval('#report .chart canvas', (cs) => cs.filter((c) => c.width > 0 && c.height > 0).length);
  const rows = await page.$$eval('#figures tbody tr', (trs) => trs.map((tr) => ({
    key: tr.dataset.key, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()) })));
  const data = await page.evaluate(async (src) => (await fetch(src)).json(), await page.getAttribute('#report', 'data-src'));
  return { charts: await page.evaluate(() => Number(document.body.dataset.chartsRendered)), canvases, rows,
    openByDistrict: data.openByDistrict, pages: [await seen(page)] };
}));
