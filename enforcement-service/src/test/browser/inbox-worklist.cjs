// The inbox as a work list: badges (priority, reports, time left, 催办, 延期待批), a new case announced
// without reload, the 已办 list, search over closed cases, and the CSV export.
// args: baseUrl openCaseId closedTracking markerFile   (the test dispatches a new case once markerFile exists)
'use strict';
const fs = require('fs');
const { withBrowser, signIn, run, seen } = require('./lib.cjs');

run(async ([base, openCaseId, closedTracking, marker]) => withBrowser(async (page) => {
  const pages = [];
  await signIn(page, base, 'cg-jianxi');
  await page.goto(base + '/console/inbox');
  const row = page.locator(`tr[data-case="${openCaseId}"]`);
  const openRow = (await row.innerText()).replace(/\s+/g, ' ');
  pages.push(await seen(page));
  fs.writeFileSync(marker, 'loaded');
  // the test now dispatches a new case; the page polls and says so without a reload
  await page.waitForSelector('#news .notice', { timeout: 30000 });
  const notice = (await page.innerText('#news')).trim();
  await Promise.all([page.waitForNavigation(), page.click('#reload')]);
  const rowsAfterReload = await page.locator('tr[data-case]').count();

  await Promise.all([page.waitForNavigation(), page.click('#tab-done')]);
  const doneText = await page.innerText('#rows');
  const doneHeading = (await page.innerText('h1')).trim();
  pages.push(await seen(page));

  await page.goto(base + '/console/inbox');
  await page.fill('#q', closedTracking.toLowerCase());
  await page.waitForFunction((t) => document.querySelector('#rows').innerText.includes(t), closedTracking);
  const searchText = await page.innerText('#rows');
  pages.push(await seen(page));

  const href = await page.getAttribute('#export', 'href');
  const csv = await page.request.get(new URL(href, base).toString());
  return { openRow, notice, rowsAfterReload, doneText, doneHeading, searchText,
    csvType: csv.headers()['content-type'], csv: await csv.text(), pages };
}));
