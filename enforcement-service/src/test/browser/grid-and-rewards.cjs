// The grid member finds a case of its grid marked 待现场核查 in its inbox and records the inspection from
// the case page; then the campaign office, on the reward desk, gives an amount outside the rule (refused
// beside the field, the amount kept) and then one inside it.  args: baseUrl caseId claimId
'use strict';
const { withBrowser, signIn, run, seen, accessibility } = require('./lib.cjs');

run(async ([base, caseId, claimId]) => withBrowser(async (page) => {
  const result = { pages: [], a11y: [] };
  await signIn(page, base, 'grid-jianxi');
  await page.goto(base + '/console/inbox');
  const row = `tr[data-case="${caseId}"]`;
  result.onSiteTag = (await page.textContent(`${row} .tag.on-site`)).trim();
  result.pages.push(await seen(page));
  result.a11y.push(await accessibility(page));
  await Promise.all([page.waitForNavigation(), page.click(`${row} a`)]);
  await page.$eval('#action-inspect', (d) => { d.open = true; });
  await page.fill('#action-inspect input[name=evidenceText]', '到场照片-101');
  await Promise.all([page.waitForNavigation(), page.click('#action-inspect button[type=submit]')]);
  result.inspectedNotice = (await page.textContent('.notice.ok')).trim();
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/console/logout"] button')]);

  await signIn(page, base, 'campaign');
  await page.goto(base + '/console/rewards');
  const claim = `#claim-${claimId}`;
  result.pages.push(await seen(page));
  result.a11y.push(await accessibility(page));
  await page.fill(`${claim} form[data-action=approve] input[name=amountYuan]`, '99999');
  await Promise.all([page.waitForNavigation(), page.click(`${claim} form[data-action=approve] button[type=submit]`)]);
  result.amountError = (await page.textContent(`${claim} form[data-action=approve] .field-error`)).trim();
  result.amountKept = await page.inputValue(`${claim} form[data-action=approve] input[name=amountYuan]`);
  result.pages.push(await seen(page));
  await page.fill(`${claim} form[data-action=approve] input[name=amountYuan]`, '500');
  await Promise.all([page.waitForNavigation(), page.click(`${claim} form[data-action=approve] button[type=submit]`)]);
  result.approvedNotice = (await page.textContent('.notice.ok')).trim();
  result.stateAfter = await page.getAttribute(claim, 'data-state');
  return result;
}));
