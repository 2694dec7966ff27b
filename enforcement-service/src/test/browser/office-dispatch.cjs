// The campaign office signs in, finds a complaint in the manual dispatch queue and dispatches it
// by hand to a district and a lead department; each item says how long it has waited, and an
// arbitration never preselects a department that returned the case; both show the complaint itself
// (description, address, the reporter's photo through the console, every co-reporter's report).  args: baseUrl complaintId districtCode department
'use strict';
const { withBrowser, signIn, run, seen, accessibility } = require('./lib.cjs');

run(async ([base, complaintId, district, department]) => withBrowser(async (page) => {
  const result = {};
  await signIn(page, base, 'campaign');
  result.landing = page.url().replace(base, '');
  await page.goto(base + '/console/office');
  result.queuedBefore = await page.$$eval('#queue article.queued[data-complaint]', (as) => as.map((a) => a.dataset.complaint));
  const item = `#queue article.queued[data-complaint="${complaintId}"]`;
  result.why = (await page.textContent(`${item} .detail`)).trim();
  result.reason = (await page.textContent(`${item} .reason`)).trim();
  result.pages = [await seen(page)];
  result.arbitrationText = (await page.textContent('#arbitrations')).replace(/\s+/g, ' ').trim();
  result.arbitrationDefaultLead = await page.$eval('#arbitrations select[name=leadDepartment]', (s) => s.value);
  result.arbitrationWaiting = (await page.textContent('#arbitrations .waiting')).trim();
  result.queueWaiting = (await page.textContent(`${item} .waiting`)).trim();
  result.coHandlerChoices = await page.$$eval('#arbitrations input[type=checkbox][name=coHandlingDepartments]', (cs) => cs.length);
  result.coHandlerTyped = await page.$$eval('#arbitrations input[type=text][name=coHandlingDepartments], #arbitrations input:not([type])[name=coHandlingDepartments]', (cs) => cs.length);
  result.queuedDescription = (await page.textContent(`${item} .account .description`)).trim();
  result.queuedAddress = (await page.textContent(`${item} .account .address`)).trim();
  await page.waitForFunction((sel) => { const i = document.querySelector(sel); return i && i.complete && i.naturalWidth > 0; },
    `${item} .account img`);
  result.queuedPhoto = await page.$eval(`${item} .account img`, (i) => ({ src: new URL(i.src).pathname, width: i.naturalWidth }));
  result.foreignPhotoStatus = await page.evaluate(async (u) => (await fetch(u)).status,
    `/console/office/complaints/${complaintId}/media/Hx3fQm9TzV1cK8aLpR2wYg`);
  result.a11y = [await accessibility(page)];
  result.arbitrationAccounts = await page.$$eval('#arbitrations .account .description', (ds) => ds.map((d) => d.textContent.trim()));
  await page.selectOption(`${item} select[name=districtCode]`, district);
  await page.selectOption(`${item} select[name=leadDepartment]`, department);
  await page.fill(`${item} input[name=note]`, '地址在涧西区, 人工派单');
  await Promise.all([page.waitForNavigation(), page.click(`${item} button[type=submit]`)]);
  result.notice = (await page.textContent('.notice.ok')).trim();
  result.queuedAfter = await page.$$eval('#queue article.queued[data-complaint]', (as) => as.map((a) => a.dataset.complaint));
  result.pages.push(await seen(page));
  return result;
}));
