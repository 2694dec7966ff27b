// A handler signs in, finds the case in the inbox, reads the reporter's account on the case page,
// accepts it, asks to close it with a reply and a photo; a colleague signs in, reads the proposed reply and approves
// the closure (办结审核), and the case leaves the inbox. Screenshots of the case page go to target/browser/.  args: baseUrl trackingNumber photoPath
'use strict';
const path = require('path');
const { withBrowser, signIn, run, seen, accessibility } = require('./lib.cjs');

const shots = path.join(__dirname, '../../../target/browser');

run(async ([base, tracking, photo]) => withBrowser(async (page) => {
  const result = { pages: [] };
  await signIn(page, base, 'cg-jianxi');
  await page.goto(base + '/console/inbox');
  result.pages.push(await seen(page));
  result.a11y = [await accessibility(page)];
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
  // the reporter's photo itself, as a thumbnail served through the console
  await page.locator('#accounts a.thumb img').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => { const img = document.querySelector('#accounts a.thumb img');
    return img && img.complete && img.naturalWidth > 0; });
  result.accountPhotoShown = await page.$eval('#accounts a.thumb img', (img) => ({ width: img.naturalWidth, src: img.getAttribute('src') }));
  result.traceText = (await page.textContent('#trace')).trim();
  result.timelineText = (await page.textContent('#timeline')).trim();
  result.pages.push(await seen(page));
  result.a11y.push(await accessibility(page));
  result.mapDrawn = await page.$$eval('svg.map path', (ps) => ps.length);
  result.mapDot = await page.$$eval('svg.map circle.dot', (cs) => cs.length);
  await page.waitForFunction(() => [...document.querySelectorAll('#street-map img')].every((i) => i.complete));
  result.streetTiles = await page.$eval('#street-map', (m) => ({
    loaded: [...m.querySelectorAll('img')].filter((i) => i.naturalWidth > 0).length,
    first: m.querySelector('img').getAttribute('src'), marker: !!m.querySelector('.marker'),
    caption: m.querySelector('p').textContent.trim() }));
  await Promise.all([page.waitForNavigation(), page.click('details[data-action=accept] button[type=submit]')]);
  result.stateAfterAccept = await page.getAttribute('#state', 'data-state');
  result.actionsWhenAccepted = await page.$$eval('#actions details', (ds) => ds.map((d) => d.dataset.action));
  await page.screenshot({ path: shots + '/case-page.png', fullPage: true });
  // closing straight after accepting needs evidence: refused, and the reply typed is still there, the refusal beside the field
  await page.click('details[data-action=close] summary');
  await page.fill('#reply', '经现场核查, 工地已覆盖裸土并洒水降尘。');
  await Promise.all([page.waitForNavigation(), page.click('details[data-action=close] button[type=submit]')]);
  result.stateAfterRefusal = await page.getAttribute('#state', 'data-state');
  result.refusedFormOpen = await page.$eval('details[data-action=close]', (d) => d.open);
  result.refusedReplyKept = await page.inputValue('#reply');
  result.refusedFieldError = (await page.textContent('details[data-action=close] .field-error')).trim();
  result.pages.push(await seen(page));
  result.a11y.push(await accessibility(page));
  // the session expires while the reply is being finished: the submit asks to sign in again, and the
  // case page afterwards has the reply back
  await page.fill('#reply', '经现场核查, 工地已覆盖裸土并洒水降尘, 问题已整改。');
  await page.context().clearCookies();
  await Promise.all([page.waitForNavigation(), page.click('details[data-action=close] button[type=submit]')]);
  result.expiredPage = new URL(page.url()).pathname;
  result.expiredNotice = (await page.textContent('#expired')).trim();
  result.pages.push(await seen(page));
  await page.fill('#username', 'cg-jianxi');
  await page.fill('#password', 'luoyang2026');
  await Promise.all([page.waitForNavigation(), page.click('#sign-in')]);
  await page.waitForSelector('#state');
  result.backAfterSignIn = new URL(page.url()).pathname;
  await page.waitForFunction(() => document.querySelector('#reply') && document.querySelector('#reply').value !== '');
  result.restoredReply = await page.inputValue('#reply');
  result.restoredFormOpen = await page.$eval('details[data-action=close]', (d) => d.open);
  result.restoredNotice = (await page.textContent('details[data-action=close] .notice.restored')).trim();
  await page.setInputFiles('details[data-action=close] input[type=file]', photo);
  await Promise.all([page.waitForNavigation(), page.click('details[data-action=close] button[type=submit]')]);
  result.afterRequestUrl = page.url().replace(base, '');
  result.stateAfterRequest = await page.getAttribute('#state', 'data-state');
  result.actionsOfRequester = await page.$$eval('#actions details', (ds) => ds.map((d) => d.dataset.action));
  result.draftAfterSuccess = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.endsWith('/close')));
  const casePage = page.url();
  // 办结审核: a second handler of the unit signs in, sees the proposed reply and approves
  await page.context().clearCookies();
  await signIn(page, base, 'cg-jianxi-2');
  await page.goto(casePage);
  await page.waitForSelector('#state');
  result.pendingClosureShown = (await page.textContent('#pending-closure')).trim();
  result.pages.push(await seen(page));
  result.actionsOfVerifier = await page.$$eval('#actions details', (ds) => ds.map((d) => d.dataset.action));
  await page.fill('details[data-action=closure-decision] input[name=note]', '答复完整, 同意办结');
  await Promise.all([page.waitForNavigation(), page.click('details[data-action=closure-decision] button[type=submit]')]);
  result.afterCloseUrl = page.url().replace(base, '');
  result.notice = (await page.textContent('.notice.ok')).trim();
  result.inboxAfter = await page.$$eval('table.cases tbody tr td:nth-child(2) a', (as) => as.map((a) => a.textContent.trim()));
  result.pages.push(await seen(page));
  // the closed case's timeline keeps the verifier's note
  await page.goto(casePage);
  result.closedTimeline = (await page.textContent('#timeline')).trim();
  result.pages.push(await seen(page));
  // the case page now shows the signed timeline with the uploaded photo
  await page.goto(base + '/console/inbox'); // and the inbox stays without it on a fresh load
  result.inboxReloaded = await page.$$eval('table.cases tbody tr td:nth-child(2) a', (as) => as.map((a) => a.textContent.trim()));
  // a phone: the inbox and a case page fit the screen without sideways scrolling
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = () => document.documentElement.scrollWidth <= window.innerWidth + 1;
  result.phoneInboxFits = await page.evaluate(fits);
  // the header row is hidden on a phone: each cell carries its label, in the page's language
  result.phoneInboxLabels = await page.$$eval('table.cases tbody tr:first-child td',
    (tds) => tds.map((td) => getComputedStyle(td, '::before').content));
  result.a11y.push(await accessibility(page));
  await page.click('table.cases tbody tr a');
  await page.waitForSelector('#state');
  result.phoneCaseFits = await page.evaluate(fits);
  result.a11y.push(await accessibility(page));
  await page.screenshot({ path: shots + '/case-page-phone.png', fullPage: true });
  // the English switch, kept for the following pages
  await page.goto(base + '/console/inbox?lang=en');
  result.englishHeading = (await page.textContent('h1')).trim();
  await page.goto(base + '/console/inbox');
  result.englishKept = (await page.textContent('h1')).trim();
  return result;
}));
