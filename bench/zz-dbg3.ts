import { PathTemplater } from '@apiscope/inference';
const LOGINS = ['torvalds', 'octocat', 'gaearon', 'sindresorhus', 'defunkt', 'mojombo', 'tj', 'yyx990803', 'addyosmani', 'kentcdodds', 'mitchellh', 'fabpot', 'taylorotwell', 'dhh', 'jashkenas', 'substack', 'pjhyett', 'wycats', 'ezyang', 'rsc'];
const t = new PathTemplater();
let i = 0;
for (let k = 0; k < 3; k++) for (const u of LOGINS) { i++; t.observe('GET', i % 3 === 0 ? `/users/${u}/repos` : `/users/${u}`); }
t.consolidate();
const show = (n: any, ind: string) => { for (const [k, c] of n.l ?? []) { console.log(ind + k, c.h); show(c, ind + '  '); } for (const [e, c] of n.p ?? []) { console.log(ind + '{}' + e, c.h, JSON.stringify(c.k), c.s); show(c, ind + '  '); } };
show(t.toJSON().root, '');
