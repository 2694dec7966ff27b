// The campaign office's map of open cases, and a monitor's case with its readings chart: both drawn on the
// server, visible in the browser, Chinese, accessible, nothing fetched from outside.
// args: baseUrl caseIdOfAMonitorExceedance
'use strict';
const { withBrowser, signIn, run, seen, accessibility } = require('./lib.cjs');

run(async ([base, monitorCase]) => withBrowser(async (page) => {
  await signIn(page, base, 'campaign');
  const pages = [];
  const checked = [];
  await page.goto(base + '/console/office');
  await Promise.all([page.waitForNavigation(), page.click('#office-map-link')]);
  const mapPath = new URL(page.url()).pathname;
  // every case and cluster dot drawn with a size on screen
  const dots = await page.$$eval('#office-map g.cases circle', (cs) => cs.map((c) => {
    const r = c.getBoundingClientRect();
    return r.width > 2 && r.height > 2;
  }));
  const monitors = await page.$$eval('#office-map g.monitors a', (as) => as.map((a) => a.getAttribute('data-state')));
  pages.push(await seen(page));
  checked.push(await accessibility(page));
  // the filter form is a plain GET: choosing 涧西区 zooms to it
  await page.selectOption('select[name="district"]', '410305');
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type="submit"]')]);
  const filtered = new URL(page.url()).search;
  // a monitor's square opens its case
  await Promise.all([page.waitForNavigation(), page.click('#office-map g.monitors a[data-mn] rect', { force: true })]);
  const openedFromMap = new URL(page.url()).pathname;
  await page.goto(base + '/console/cases/' + monitorCase);
  const chart = await page.$eval('svg.readings-chart', (s) => {
    const r = s.getBoundingClientRect();
    return { width: r.width, height: r.height, points: s.querySelectorAll('circle').length,
      over: s.querySelectorAll('circle.over').length };
  });
  pages.push(await seen(page));
  checked.push(await accessibility(page));
  return { mapPath, dots, monitors, filtered, openedFromMap, chart, pages, checked };
}));
