// A signed-in handler opens an address that does not exist: the console's own 404 page, with the
// way back to the console.  args: baseUrl
'use strict';
const { withBrowser, signIn, run } = require('./lib.cjs');

run(async ([base]) => withBrowser(async (page) => {
  await signIn(page, base, 'cg-jianxi');
  const response = await page.goto(base + '/console/no-such-page');
  const heading = (await page.textContent('h1')).trim();
  const whitelabel = (await page.content()).includes('Whitelabel');
  await Promise.all([page.waitForNavigation(), page.click('main a[href="/console"]')]);
  return { status: response.status(), heading, whitelabel, backTo: new URL(page.url()).pathname };
}));
