/**
 * Common English and API vocabulary (a few thousand words, lower case). A path segment made of these
 * words (`settings`, `notifications`, `reputation-history`, `getstationsdata`) reads as an operation or
 * a collection name rather than a value: the templater keeps such segments literal unless structure
 * proves otherwise. Deliberately without first names, so handles such as `torvalds` read as values.
 */
const WORDS = `
a able about above accept access account accounts accrual ack acl acls across act action actions
activate active activity actor actors ad add added address addresses admin admins advanced after
against age agent agents aggregate aggregates agree air alert alerts alias aliases align all allow
allowed alpha also alternate always among amount analysis analytics ancient and animal annotation
annotations announcement another answer answers any api app apply approval approvals approve apps
archive archived archives area areas argument arguments around art article articles artifact
artifacts as aside ask asset assets assign assigned assignee assignees assignment associate
associated association at attach attachment attachments attempt attempts attend attribute
attributes audience audio audit auth author authorization authorize authors auto autocomplete
automation available avatar avatars average avoid away back background backup backups bad badge
badges balance balances ball ban band bank banner bans bar base basic batch batches beach bear beat
beauty bed bee before begin behind being believe bell below best beta better between beyond bid big
bill billable billing bin bind binding bindings bio bird birth bit black blind blob blobs block
blocked blocks blog blogs blood blue board boards boat body bone bonus book bookmark bookmarks
books boost boot boss bot both bots bottom bounce bounces box boy brain branch branches brand
brands bread break bridge brief bright bring broad broadcast broadcasts brother brown browse
browser browsers bucket buckets budget budgets bug bugs build builds bulk bundle bundles burn bus
business busy butter button buy by cache cached cake calculate calendar calendars call callback
calls calm camera camp campaign campaigns can cancel cancelled cap capabilities capability capital
capture captures car card cards care carry cart carts case cases cast cat catalog catalogs catch
categories category cause cdn cell center central certificate certificates chain chair chance
change changes channel channels charge charges chart charts chat chats cheap check checklist
checklists checkout checks chicken chief child children choice choose church circle city civil
claim claims class classes classify clean clear cli click clicks client clients climb clip clips
clock clone close closed cloud club cluster clusters coach coast coat code codes coffee cohort cold
collaborator collaborators collect collection collections college color colors column columns come
comment comments commit commits common community company compare compile complete completed
completion complex component components compose compute concert condition conditions config configs
configuration configure confirm confirmation connect connection connections consent console consume
contact contacts contain container containers content contents context contract contracts
contribute contributor contributors control controls conversation conversations convert cook cookie
cookies cool copy core corner cost cotton could count counter countries country counts coupon
coupons course courses court cover cow cpu crazy cream create created credential credentials credit
credits crime cron crop cross crowd crown css csv culture cup cure currency current custom customer
customers cut cycle daily dance dark dashboard dashboards data database databases date dates day
days db deactivate deactivated dead deal deals dear death debt debug decide decision decline decode
deep default defaults define degree delete deleted deliver deliveries delivery delta deltas demo
deny dependencies dependency deploy deployment deployments deposit deposits desc describe
description design desk desktop destination destroy detach detail details detect dev device devices
diff diffs digest dinner direct directory dirty disable disabled disconnect discount discounts
discover discovery discussion discussions disk dismiss dispatch display dispute disputes divide dm
dns do doc docs doctor document documents dog dollar domain domains done door double down download
downloads draft drafts draw dream dress drink drive drop dry duck due dump duplicate dust early
earn earth east easy eat economy edge edit edited edition editor education effect egg eight either
eject elected election element elements else email emails embed emit emoji employee employees empty
enable enabled encode encrypt end endpoint endpoints energy engine engines enough enroll enter
enterprise entities entity entries entry env environment environments equal error errors estimate
evaluate even evening event events ever every evidence exact exam example exchange exclude execute
execution executions exists exit expand experiment experiments expire explain export exports
expression extend extension extensions external extra extract eye face facet facets fact factor
fail failed failure fair fall false family famous fan faq far farm fast fat father favorite
favorites fear feature featured features feed feedback feeds feel fetch few field fields fight
figure file files fill film filter filters final finance find fine fingerprint finish fire firm
firmware first fish five fix flag flags flat floor flow flower flows flush fly fold folder folders
follow followed follower followers following follows font food foot footer force forest forget fork
forks form format forms forum forward four frame free freeze fresh friend friends front fruit full
fun function functions fund funds future gain game games garden gas gate gateway gender general
generate generic geo get gift girl gist gists give glass global go goal goals gold golf good gpu
grade grain grand grant grants graph graphql grass gray great green grid ground group groups grow
guard guess guest guests guide gun guy hair half hall hand handle happy hard hash hat have head
header headers health hear heart heartbeat heat heavy hello help hidden hide high highlight
highlights hill history hit hold holds hole holiday home hook hooks horse host hosted hosts hot
hotel hour hourly house hr html http https huge human hunt id idea identity ids ignore ill image
images import imports inbox inch incident incidents include income increment index info information
init initial inject input inputs insert inside insight insights inspect install installation
installations instance instances integration integrations intent intents interest interface
internal invalid inventory invitation invitations invite invited invites invoice invoices invoke io
ip iron island issue issues item items jacket job jobs join joke journal js json jump junior just
jwt keen keep key keys kid kill kind king kitchen knee knife know label labels lady lake land
language languages large last late latest laugh launch law lay layout lazy lead leads leaf learn
least leave ledger left leg legal lend lesson let letter level levels library license licenses lie
life lifecycle lift light like liked likes limit limits line lines link linked links lion list
listen lists little live load local locale location locations lock locks log login logo logout logs
long look lookup lord lose loss lot loud love low luck lunch machine mad magic mail main
maintenance major make male man manage manager manifest many map mapping mappings maps mark market
marketplace marry mass master match matches me meal mean measure meat media meet member members
membership memberships memory mention mentioned mentions menu merge merged merges message messages
meta metadata method methods metric metrics mfa middle might migrate migration migrations milestone
milestones milk mind mine minor minute miss mix ml mode model models moderator moderators module
modules moment money monitor monitors month monthly moon more morning most mother motor mount
mountain mouse mouth move much multi music must mute my name named names namespace namespaces
nation native nature near neck need network networks never new news newsletter next night nine node
nodes noise none normal north nose not note notes nothing notice notification notifications notify
novel now number numbers nurse oauth object objects observe obtain ocean odd off offer offers
office offline oil old on once one online only open operation operations option options orange
order orders org organization organizations orgs origin os other our out outbox output over
overview own owner owners pack package packages page pages paid pain paint pair panel paper parent
park parse part partner partners parts party pass password passwords past patch path paths patient
pause pay payload payment payments payout payouts pdf peace peer pen pencil pending people perform
performance period permission permissions person personal pet phone photo photos pick picture piece
pig pilot pin ping pink pinned pins pipe pipeline pipelines place places plain plan plane plans
plant plastic plate platform play player playlist playlists please plugin plugins pocket poem point
points police policies policy poll pool pools poor pop popular port portal portfolio position post
postroll postrolls posts potato power predict pref prefer preference preferences prefix prefs
premium prepare preroll prerolls present preset press pretty preview previous price prices pricing
primary prince print privacy private privilege privileges prize problem process produce product
products profile profiles program programme programmes programs progress project projects promo
promote promotion promotions proof proper properties property protect protected protection proud
provide provider providers proxy public publish published pull pulls purchase purchases pure purge
purple push put qa quality queen query question questions queue queues quick quiet quit quota
quotas quote quotes race radio rain raise random range rare rate rates rating ratings raw reach
read reader readme ready real reason rebuild receipt receipts receive recent recipient recipients
recommend recommendation recommendations record records recover recovery red redeem redirect redo
reduce ref refresh refs refund refunds region regions register registration registry reject related
relation relations relationship relationships release releases reload remaining remind remote
remove rename render renew reopen reorder repeat replace replies reply repo report reports repos
repositories repository reputation request requested requests require required reserve reserved
reset resize resolve resource resources response responses rest restart restore restrict
restriction restrictions result results resume retrieve retry return returns reveal revenue revert
review reviews revision revisions revoke rice rich ride right ring rise river road rock role roles
rollback roof room rooms root rotate round route routes row royal rss rule rules run runner runners
runs safe sale sales salt same sample sand sandbox save saved scale scan scene schedule scheduled
schedules schema schemas school science scope scopes score scores screen script scripts sdk sea
search season seasons seat seats second secret secrets section sections security see seed segment
segments select self sell send sender senders sense sent seo sequence series serve server servers
service services session sessions set setting settings setup seven shape share shared shares sharp
sheep shell ship shipment shipments shipping shirt shoe shoot shop short shot should shoulder show
shutdown sick side sight sign signature signup silent silver simple sing single sister sit site
sites six size skill skills skin skip sky sleep slot slots slow small smart smile smoke sms smtp
snapshot snapshots snooze snow social soft soil soldier solve some son song soon sort soul sound
soup source sources south space spaces spam speak spec special speed spend spirit split sponsor
sport spot spring sql square ssh ssl sso stack staff stage stages stand standard star starred stars
start stat state states static station stations statistic statistics stats status statuses steel
step steps stick sticker stickers still stock stone stop storage store stores stories story strange
stream streams street strong student study style sub subject submit subscribe subscribed subscriber
subscribers subscription subscriptions success sugar suggest suggested suggestion suggestions sum
summary summer sums sun super supply support suppression suppressions sure survey suspend svg swap
sweet swim switch symbol sync synonym synonyms system systems tab table tables tag tags tail take
talk tall target targets task tasks taste tax taxes tcp teach teacher team teammate teammates teams
tell template templates ten tenant tenants tennis term terms test tests text thank theme themes
thick thin thing think third thread threads three throttle through throw thumbnail ticket tickets
time timeline times timezone tiny tip tired title tls to today together toggle token tokens
tomorrow tone tool tooth top topic topics total totals touch tough tour tower town toy track
tracking tracks trade traffic train transaction transactions transcript transfer transfers
transform translate translation translations trash travel tree trend trending trends trial trigger
triggers trim trip truck true trust truth try turn twelve twenty two type types udp ugly ui
unarchive unassign unban unblock uncle under undo unfollow uninstall unit units unlink unlock
unmute unpin unread unset unsubscribe unsubscribes until unwatch up update updates upgrade upload
uploads upper urban uri url usage use user username users usual util ux validate validation valley
value values variable variables variant variants vendor vendors verification verify version
versions very video videos view viewed viewer views village visibility visit visits vm voice vote
votes vpn wait wake walk wall wallet wallets want war warm warmup wash watch watchers watching
water wave way weak wear weather web webhook webhooks website wedding week weekly welcome well west
wet wheel white whitelist whois whole wide widget widgets wife wiki wikis wild will win wind window
wine wing winter wise wish with woman wood wool word words work workflow workflows workspace
workspaces world worry write wrong xml yaml yard year yearly yellow yes yet young zero zone zones
participate persist persistent volume stateful stateless ingress egress daemon replica workload
runtime pod snippet watcher reaction trace
`;

export const ENGLISH_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
