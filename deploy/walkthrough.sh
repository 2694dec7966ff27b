#!/usr/bin/env bash
# The curl walk-through of the root README, as a script: run it against a running ./run.
# Files a complaint in 涧西区, shows its status and case, gets the demo people's tokens from the
# identity provider, signs for the case and asks to close it as the handler of the lead unit, has the
# supervisor approve the closure, and lists the reporter's SMS. Works run twice in a row (the second
# report merges into the first case). Against `./run --auth basic` it does not work (tokens only).
# Needs bash, curl and openssl.
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
       "location":{"latitude":34.6197,"longitude":112.3830,"datum":"GCJ02"},
       "addressText":"洛阳市涧西区中州西路","happeningNow":true,
       "reporter":{"anonymous":false,"phone":"13800000000"}}')
echo "$answer"
tracking=$(echo "$answer" | field trackingNumber)
complaint=$(echo "$answer" | field complaintId)

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

echo; echo "5. the case as the handler of its lead unit: sign for it, ask to close it"
bearer() { printf 'Authorization: Bearer %s' "$1"; }
curl -s -H "$(bearer "$handler")" -H 'Content-Type: application/json' -X POST "$E/api/cases/$case_id/accept" -d '{"note":"已签收"}'; echo
curl -s -H "$(bearer "$handler")" -H 'Content-Type: application/json' -X POST "$E/api/cases/$case_id/close" \
  -d '{"reply":"经现场核查，工地已覆盖裸土并洒水降尘，问题已整改。","evidence":["inspection-record-001.pdf","photo-001.jpg"]}'; echo
echo "   办结审核: the case waits in CLOSURE_REQUESTED; a second person (the city supervisor) approves it"
curl -s -H "$(bearer "$supervisor")" -H 'Content-Type: application/json' -X POST "$E/api/cases/$case_id/closure-decision" \
  -d '{"approve":true,"note":"同意办结"}'; echo

echo; echo "6. status again, and the reporter's SMS (masked number; registered, dispatched or merged, closed)"
sleep 3
curl -s -H "Phone-Last4: 0000" "$C/api/complaints/$tracking"; echo
curl -s -H "$(bearer "$operator")" "$N/api/sms?complaintId=$complaint"; echo
