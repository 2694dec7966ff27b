// A handler of another unit opens a case page by its address and gets 403.  args: baseUrl caseId
'use strict';
const { withBrowser, signIn, run } = require('./lib.cjs');

run(async ([base, caseId]) => withBrowser(async (page) => {
  await signIn(page, base, 'cg-laocheng');
  const response = await page.goto(base + '/console/cases/' + encodeURIComponent(caseId));
  const inbox = await page.request.get(base + '/console/inbox');
  return { status: response.status(), heading: (await page.textContent('h1')).trim(),
    inboxMentions: (await inbox.text()).includes(caseId) };
}));
