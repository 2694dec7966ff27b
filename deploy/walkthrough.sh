#!/usr/bin/env bash
# The curl walk-through of the root README, as a script: run it against a running ./run.
# Files a complaint in 涧西区, shows its status and case, gets the demo people's tokens from the
# identity provider; as the handler of the lead unit signs for the case, inspects it and orders
# rectification (限期整改) with a deadline 20 s ahead, waits until the RECTIFY clock (整改期限) has
# passed it and opened the re-inspection (到期复查), records the check (not rectified, then
# rectified); the grid member verifies (复查), the handler uploads deploy/site-photo.jpg and asks to
# close citing it and a signed inspection record, the supervisor approves the closure, and it lists
# the reporter's SMS. The reporter asked for a reward (rewardRequested) and the case was
# substantiated, so a reward claim opened: the campaign office approves 150 yuan and marks it paid,
# the reporter sees it with the tracking number and the claim code of the SMS (no sign-in), and it
# lists the REWARD_* SMS. An anonymous report asking for a reward is answered with its claim code
# (12 digits, given once at filing). Works run twice in a row (the first case is closed, so the
# second report opens a case of its own; a report merged into a case still open follows its caseId).
# Against `./run --auth basic` it does not work (tokens only). Needs bash, curl, openssl, GNU date.
set -euo pipefail
C=${COMPLAINT_URL:-http://127.0.0.1:8081}
E=${ENFORCEMENT_URL:-http://127.0.0.1:8083}
N=${NOTIFICATION_URL:-http://127.0.0.1:8084}
I=${IDENTITY_URL:-http://127.0.0.1:8085}
field() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -1; }

token() { IDENTITY_ISSUER=$I "$(dirname "$0")/token.sh" "$1" luoyang2026; }

echo "1. file a complaint (construction dust in 涧西区, coordinates from a Chinese map app: GCJ-02)"
answer=$(curl -s -X POST "$C/api/complaints" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: walkthrough-$(date +%s)" \
  -d '{"category":"AIR_CONSTRUCTION_DUST","description":"工地夜间未覆盖, 扬尘很大",
       "location":{"latitude":34.6440,"longitude":112.3860,"datum":"GCJ02"},
       "addressText":"洛阳市涧西区南昌路街道","happeningNow":true,
       "reporter":{"anonymous":false,"phone":"13800000000"},"rewardRequested":true}')
echo "$answer"
tracking=$(echo "$answer" | field trackingNumber)
complaint=$(echo "$answer" | field complaintId)
echo "   an anonymous reporter asking for a reward is given a claim code once, in the answer:"
anonymous=$(curl -s -X POST "$C/api/complaints" -H 'Content-Type: application/json' \
  -d '{"category":"AIR_CONSTRUCTION_DUST","description":"工地夜间未覆盖, 扬尘很大",
       "addressText":"洛阳市涧西区南昌路街道","reporter":{"anonymous":true},"rewardRequested":true}')
echo "$anonymous"
[[ "$(echo "$anonymous" | field claimCode)" =~ ^[0-9]{12}$ ]] \
  || { echo "walkthrough: no 12-digit claim code for the anonymous reward-requesting report" >&2; exit 1; }

echo; echo "2. its public status (dispatch takes a moment: wait until it names its case, at most 60 s)"
for _ in $(seq 1 60); do
  status=$(curl -s -H "Phone-Last4: 0000" "$C/api/complaints/$tracking")
  case_id=$(echo "$status" | field caseId)
  [[ -z "$case_id" ]] || break
  sleep 1
done
echo "$status"
[[ -n "$case_id" ]] || { echo "walkthrough: $tracking was not dispatched within 60 s" >&2; exit 1; }
echo "   the case: $case_id (a report merged into an open case names that case)"

echo; echo "3. tokens from the identity provider (authorization code + PKCE with curl: deploy/token.sh)"
unit_user=${HANDLER:-}
if [[ -z "$unit_user" ]]; then
  for u in zj-jianxi cg-jianxi sthj-jianxi zj-city cg-city sthj-city; do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(token "$u")" "$E/api/cases/$case_id")" == 200 ]]; then
      unit_user=$u; break
    fi
  done
fi
handler=$(token "$unit_user")
supervisor=$(token supervisor)
operator=$(token operator)
payload=$(printf '%s' "$handler" | cut -d. -f2 | tr '_-' '/+')
while (( ${#payload} % 4 )); do payload="$payload="; done
echo "handler: $unit_user; the claims of the handler's token:"
printf '%s' "$payload" | base64 -d; echo

echo; echo "5. the case as the handler of its lead unit: sign for it, inspect it, order rectification (限期整改)"
bearer() { printf 'Authorization: Bearer %s' "$1"; }
post() { curl -s -H "$(bearer "$1")" -H 'Content-Type: application/json' -X POST "$E/api/cases/$case_id/$2" -d "$3"; echo; }
brief() {  # the state and the 到期复查 findings of a case, or the whole problem answer
  local body; body=$(cat)
  if [[ "$body" == *'"caseId"'* ]]; then
    printf '%s\n' "$body" | grep -o '"\(state\|overdue\|finding\)":\("[A-Z_]*"\|true\|false\)' | tr '\n' ' '; echo
  else
    echo "$body"
  fi
}
grid=$(token grid-jianxi)
post "$handler" accept '{"note":"已签收"}' | brief
post "$handler" inspection '{"evidence":["arrival-photo-001.jpg"],"note":"到场核查: 工地裸土未覆盖"}' | brief
deadline=$(date -u -d '+20 seconds' +%Y-%m-%dT%H:%M:%SZ)
post "$handler" rectification-order "{\"deadline\":\"$deadline\",\"evidence\":[\"rectification-order-001.pdf\"],\"note\":\"限期覆盖裸土\"}" | brief
echo "   the RECTIFY clock (整改期限) runs to $deadline (a real order gives days); at the deadline the case is"
echo "   overdue, the unit's leader in the escalation directory gets an OVERDUE SMS, and a 到期复查 opens (at most 60 s)"
for _ in $(seq 1 60); do
  view=$(curl -s -H "$(bearer "$handler")" "$E/api/cases/$case_id")
  [[ "$view" != *RECTIFICATION_CHECK_DUE* ]] || break
  sleep 1
done
[[ "$view" == *RECTIFICATION_CHECK_DUE* ]] || { echo "walkthrough: no 到期复查 on $case_id within 60 s" >&2; exit 1; }
echo "$view" | brief
echo "$view" | grep -o '"rectificationChecks":\[{"order":[0-9]*,"deadline":"[^"]*","dueSince":"[^"]*"'
echo "   the check's finding: not rectified keeps the order (its clock keeps escalating), rectified moves it on"
post "$handler" rectification-check '{"rectified":false,"evidence":["recheck-001.jpg"],"note":"裸土仍未覆盖"}' | brief
post "$handler" rectification-check '{"rectified":true,"evidence":["recheck-002.jpg"],"note":"裸土已覆盖, 已洒水降尘"}' | brief
echo "   复查 by the grid member (not the inspector), then the handler asks to close"
post "$grid" verification '{"evidence":["check-001.jpg"],"note":"复查合格"}' | brief
echo "   取证: the handler uploads the site photo (checked by its bytes: a JPEG, PNG, PDF or MP4 only)"
uploaded=$(curl -s -H "$(bearer "$handler")" -X POST "$E/api/cases/$case_id/evidence" \
  -F "file=@$(dirname "$0")/site-photo.jpg;type=image/jpeg")
echo "$uploaded" | grep -o '"\(reference\|kind\|size\|sha256\)":\("[^"]*"\|[0-9]*\)' | tr '\n' ' '; echo
photo=$(echo "$uploaded" | field reference)
[[ -n "$photo" ]] || { echo "walkthrough: the photo was not taken: $uploaded" >&2; exit 1; }
echo "   free text is not evidence: refused (400 evidence-not-found on evidence[0])"
post "$handler" close '{"reply":"已处理","evidence":["现场照片一张"]}' | grep -o '"reason":"[^"]*"\|"field":"[^"]*"' | tr '\n' ' '; echo
echo "   the closure request cites the photo and the signed inspection record (现场检查笔录)"
post "$handler" close "{\"reply\":\"经现场核查，工地已按限期整改要求覆盖裸土并洒水降尘，复查合格。\",\"evidence\":[\"$photo\"],
  \"inspectionRecord\":{\"number\":\"现勘〔2026〕17号\",\"signedBy\":\"$unit_user\",\"signedAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",
  \"findings\":\"裸土已全部覆盖, 现场洒水降尘\"}}" | brief
echo "   办结审核: the case waits in CLOSURE_REQUESTED; a second person (the city supervisor, who neither handled"
echo "   the case nor signed the record nor uploaded the photo) reads the reply and the evidence and approves it"
post "$supervisor" closure-decision '{"approve":true,"note":"同意办结"}' | brief

echo; echo "6. status again, and the reporter's SMS (masked number; registered, dispatched or merged, closed)"
sleep 3
curl -s -H "Phone-Last4: 0000" "$C/api/complaints/$tracking"; echo
curl -s -H "$(bearer "$operator")" "$N/api/sms?complaintId=$complaint"; echo

echo; echo "7. the reward (有奖举报): the claim opened when the case closed substantiated (at most 60 s)"
campaign=$(token campaign)
for _ in $(seq 1 60); do
  claims=$(curl -s -H "$(bearer "$campaign")" "$E/api/rewards?state=OPEN")
  [[ "$claims" != *"\"claimId\":\"$complaint\""* ]] || break
  sleep 1
done
[[ "$claims" == *"\"claimId\":\"$complaint\""* ]] || { echo "walkthrough: no reward claim for $complaint within 60 s" >&2; exit 1; }
echo "$claims" | grep -o "{\"claimId\":\"$complaint\"[^}]*}"
echo "   the claim code reached the reporter by SMS (the demo reads it from the recording gateway's record)"
for _ in $(seq 1 30); do
  code=$(curl -s -H "$(bearer "$operator")" "$N/api/sms?complaintId=$complaint" | { grep -o '领奖码[0-9]\{8\}' || true; } | head -1 | tr -dc 0-9)
  [[ -z "$code" ]] || break
  sleep 1
done
[[ -n "$code" ]] || { echo "walkthrough: no REWARD_OPENED SMS for $complaint within 30 s" >&2; exit 1; }
reward() { curl -s -H "$(bearer "$campaign")" -H 'Content-Type: application/json' -X POST "$E/api/rewards/$complaint/$1" -d "$2" \
  | { grep -o '"\(state\|amountYuan\|detail\)":\("[^"]*"\|[0-9.]*\)' || true; } | tr '\n' ' '; echo; }
echo "   the campaign office approves 150 yuan (the rule for a rectified case: 50-200) and marks it paid"
reward approval '{"amountYuan":150,"note":"整改到位，按标准奖励"}'
reward payment '{"reference":"ICBC-20261201-0042"}'
echo "   the reporter, signed in as nobody, with the tracking number and the claim code"
curl -s -X POST "$E/api/public/rewards/claim" -H 'Content-Type: application/json' \
  -d "{\"trackingNumber\":\"$tracking\",\"claimCode\":\"$code\"}"; echo
sleep 3
curl -s -H "$(bearer "$operator")" "$N/api/sms?complaintId=$complaint" | { grep -o '"text":"[^"]*奖励[^"]*"' || true; }
