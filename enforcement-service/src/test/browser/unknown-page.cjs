// A signed-in handler opens an address that does not exist: the console's own 404 page, with the
// way back to the console.  args: baseUrl
'use strict';
const { withBrowser, signIn, run, seen } = require('./lib.cjs');

run(async ([base]) => withBrowser(async (page) => {
  await signIn(page, base, 'cg-jianxi');
  const response = await page.goto(base + '/console/no-such-page');
  const heading = (await page.textContent('h1')).trim();
  const whitelabel = (await page.content()).includes('Whitelabel');
  const pages = [await seen(page)];
  // the site root leads into the console; the campaign office's page is a branded 403 for a handler
  await page.goto(base + '/');
  const rootLeadsTo = new URL(page.url()).pathname;
  pages.push(await seen(page));
  const office = await page.goto(base + '/console/office');
  const officeStatus = office.status();
  pages.push(await seen(page));
  // a week that ends before it starts: the report page says so beside the dates
  await page.goto(base + '/console/reports/weekly?from=2026-11-23&to=2026-11-16');
  const rangeError = (await page.textContent('#range-error')).trim();
  pages.push(await seen(page));
  await page.goto(base + '/console/no-such-page');
  await Promise.all([page.waitForNavigation(), page.click('main a[href="/console"]')]);
  return { status: response.status(), heading, whitelabel, backTo: new URL(page.url()).pathname, rootLeadsTo, officeStatus,
    rangeError, pages };
}));
