// A handler signs in, finds the case in the inbox, reads the reporter's account on the case page,
// accepts it, asks to close it with a reply and a photo; a colleague signs in, reads the proposed reply and approves
// the closure (办结审核), and the case leaves the inbox. Screenshots of the case page go to target/browser/.  args: baseUrl trackingNumber photoPath
'use strict';
const path = require('path');
const { withBrowser, signIn, run } = require('./lib.cjs');

const shots = path.join(__dirname, '../../../target/browser');

run(async ([base, tracking, photo]) => withBrowser(async (page) => {
  const result = {};
  await signIn(page, base, 'cg-jianxi');
  await page.goto(base + '/console/inbox');
  result.inboxBefore = await page.$$eval('table.cases tbody tr td:nth-child(2) a', (as) => as.map((a) => a.textContent.trim()));
  result.urgencyBefore = await page.getAttribute(`tr:has(a:text-is("${tracking}"))`, 'data-urgency');
  result.htmxLoaded = await page.evaluate(() => typeof window.htmx === 'object');
  // search by tracking number narrows the table (htmx swaps the rows)
  await page.fill('#q', tracking);
  await page.waitForFunction((t) => [...document.querySelectorAll('table.cases tbody tr')].length === 1
      && document.querySelector('table.cases tbody tr a').textContent.trim() === t, tracking);
  result.searchRows = await page.$$eval('table.cases tbody tr', (rows) => rows.length);
  // (htmx pushed the filter into the address bar: wait for the case page itself, not any navigation)
  await page.click(`a:text-is("${tracking}")`);
  await page.waitForURL(/\/console\/cases\//);
  await page.waitForSelector('#state');
  result.actionsWhenDispatched = await page.$$eval('#actions details', (ds) => ds.map((d) => d.dataset.action));
  result.reporterShown = await page.textContent('#complaint .masked');
  // the reporter's account (举报内容): masked description, address, the photo as a link to complaint-service
  result.accountDescription = (await page.textContent('#accounts dd.description')).trim();
  result.accountAddress = (await page.textContent('#accounts dd.address')).trim();
  result.accountPhotoLinks = await page.$$eval('#accounts dd.media a', (as) => as.map((a) => a.getAttribute('href')));
  result.mapDrawn = await page.$$eval('svg.map path', (ps) => ps.length);
  result.mapDot = await page.$$eval('svg.map circle.dot', (cs) => cs.length);
  await Promise.all([page.waitForNavigation(), page.click('details[data-action=accept] button[type=submit]')]);
  result.stateAfterAccept = await page.getAttribute('#state', 'data-state');
  result.actionsWhenAccepted = await page.$$eval('#actions details', (ds) => ds.map((d) => d.dataset.action));
  await page.screenshot({ path: shots + '/case-page.png', fullPage: true });
  await page.click('details[data-action=close] summary');
  await page.fill('#reply', '经现场核查, 工地已覆盖裸土并洒水降尘, 问题已整改。');
  await page.setInputFiles('details[data-action=close] input[type=file]', photo);
  await Promise.all([page.waitForNavigation(), page.click('details[data-action=close] button[type=submit]')]);
  result.afterRequestUrl = page.url().replace(base, '');
  result.stateAfterRequest = await page.getAttribute('#state', 'data-state');
  result.actionsOfRequester = await page.$$eval('#actions details', (ds) => ds.map((d) => d.dataset.action));
  const casePage = page.url();
  // 办结审核: a second handler of the unit signs in, sees the proposed reply and approves
  await page.context().clearCookies();
  await signIn(page, base, 'cg-jianxi-2');
  await page.goto(casePage);
  await page.waitForSelector('#state');
  result.pendingClosureShown = (await page.textContent('#pending-closure')).trim();
  result.actionsOfVerifier = await page.$$eval('#actions details', (ds) => ds.map((d) => d.dataset.action));
  await Promise.all([page.waitForNavigation(), page.click('details[data-action=closure-decision] button[type=submit]')]);
  result.afterCloseUrl = page.url().replace(base, '');
  result.notice = (await page.textContent('.notice.ok')).trim();
  result.inboxAfter = await page.$$eval('table.cases tbody tr td:nth-child(2) a', (as) => as.map((a) => a.textContent.trim()));
  // the case page now shows the signed timeline with the uploaded photo
  await page.goto(base + '/console/inbox'); // and the inbox stays without it on a fresh load
  result.inboxReloaded = await page.$$eval('table.cases tbody tr td:nth-child(2) a', (as) => as.map((a) => a.textContent.trim()));
  // a phone: the inbox and a case page fit the screen without sideways scrolling
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = () => document.documentElement.scrollWidth <= window.innerWidth + 1;
  result.phoneInboxFits = await page.evaluate(fits);
  await page.click('table.cases tbody tr a');
  await page.waitForSelector('#state');
  result.phoneCaseFits = await page.evaluate(fits);
  await page.screenshot({ path: shots + '/case-page-phone.png', fullPage: true });
  // the English switch, kept for the following pages
  await page.goto(base + '/console/inbox?lang=en');
  result.englishHeading = (await page.textContent('h1')).trim();
  await page.goto(base + '/console/inbox');
  result.englishKept = (await page.textContent('h1')).trim();
  return result;
}));
