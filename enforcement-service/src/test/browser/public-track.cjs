// complaint-service's public page: a reporter types the tracking number as read from an SMS (lower
// case, with spaces) and the last four digits of their phone and sees the progress, the department
// with its level and the reply (the form is posted: the digits never appear in the address); rates
// the result on the page, once; wrong digits show nothing.
// args: baseUrl trackingNumber rightDigits wrongDigits
'use strict';
const { withBrowser, run, accessibility } = require('./lib.cjs');

run(async ([base, tracking, right, wrong]) => withBrowser(async (page) => {
  const result = {};
  await page.goto(base + '/track');
  result.cityHeader = (await page.textContent('header.city')).trim();
  result.a11y = [await accessibility(page)];
  const typed = tracking.toLowerCase().replace('-', ' - ').replace(/^(..)/, '$1 ');
  result.typed = typed;
  await page.fill('#trackingNumber', typed);
  await page.fill('#phoneLast4', right);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  result.addressAfterLookup = page.url();
  result.status = (await page.textContent('#status')).trim();
  result.department = (await page.textContent('#department')).trim();
  result.reply = (await page.textContent('#reply')).trim();
  result.pageText = await page.textContent('body');
  result.a11y.push(await accessibility(page));
  await page.setViewportSize({ width: 390, height: 844 });
  result.a11y.push(await accessibility(page));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.check('input[name=rating][value=BASICALLY_SATISFIED]');
  await Promise.all([page.waitForNavigation(), page.click('#rate')]);
  result.ratedThanks = await page.isVisible('#rating-done');
  result.ratingFormAfter = await page.$('#rating-form') !== null;
  await page.goto(base + '/track');
  await page.fill('#trackingNumber', tracking);
  await page.fill('#phoneLast4', right);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  result.alreadyRated = await page.isVisible('#rating-already');
  result.ratingFormOnReturn = await page.$('#rating-form') !== null;
  await page.goto(base + '/track');
  await page.fill('#trackingNumber', tracking);
  await page.fill('#phoneLast4', wrong);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  result.wrongDigitsNotFound = await page.isVisible('#not-found');
  result.wrongDigitsResult = await page.$('#result') !== null;
  result.a11y.push(await accessibility(page));
  return result;
}));
