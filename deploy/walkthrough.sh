#!/usr/bin/env bash
# The curl walk-through of the root README, as a script: run it against a running ./run.
# Files a complaint in 涧西区, shows its status, signs for the case and closes it as the demo
# handler of the lead unit, lists the reporter's SMS, and gets a token from the identity provider.
# Needs bash, curl and openssl.
set -euo pipefail
C=${COMPLAINT_URL:-http://127.0.0.1:8081}
E=${ENFORCEMENT_URL:-http://127.0.0.1:8083}
N=${NOTIFICATION_URL:-http://127.0.0.1:8084}
field() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -1; }

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
case_id="CASE-$tracking"

echo; echo "2. its public status (dispatch takes a moment: wait until it has left RECEIVED, at most 60 s)"
for _ in $(seq 1 60); do
  status=$(curl -s -H "Phone-Last4: 0000" "$C/api/complaints/$tracking")
  [[ "$status" == *'Z","status":"RECEIVED"'* ]] || break  # the top-level status (the history lists RECEIVED too)
  sleep 1
done
echo "$status"

echo; echo "3. the case as the demo handler of 涧西区 housing & construction (password luoyang2026)"
unit_user=${HANDLER:-}
if [[ -z "$unit_user" ]]; then
  for u in zj-jianxi cg-jianxi sthj-jianxi zj-city cg-city sthj-city; do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' -u "$u:luoyang2026" "$E/api/cases/$case_id")" == 200 ]]; then unit_user=$u; break; fi
  done
fi
echo "handler: $unit_user"
curl -s -u "$unit_user:luoyang2026" -H 'Content-Type: application/json' -X POST "$E/api/cases/$case_id/accept" -d '{"note":"已签收"}'; echo
curl -s -u "$unit_user:luoyang2026" -H 'Content-Type: application/json' -X POST "$E/api/cases/$case_id/close" \
  -d '{"reply":"经现场核查，工地已覆盖裸土并洒水降尘，问题已整改。","evidence":["inspection-record-001.pdf","photo-001.jpg"]}'; echo
echo "   办结审核: the case waits in CLOSURE_REQUESTED; a second person (the city supervisor) approves it"
curl -s -u "supervisor:luoyang2026" -H 'Content-Type: application/json' -X POST "$E/api/cases/$case_id/closure-decision" \
  -d '{"approve":true,"note":"同意办结"}'; echo

echo; echo "4. status again, and the reporter's SMS (masked number; three: registered, dispatched, closed)"
sleep 3
curl -s -H "Phone-Last4: 0000" "$C/api/complaints/$tracking"; echo
curl -s -u operator:luoyang2026 "$N/api/sms?complaintId=$complaint"; echo

echo; echo "5. a token from the identity provider (authorization code + PKCE with curl: deploy/token.sh); its claims"
token=$(IDENTITY_ISSUER=${IDENTITY_URL:-http://127.0.0.1:8085} "$(dirname "$0")/token.sh" zj-jianxi luoyang2026)
payload=$(printf '%s' "$token" | cut -d. -f2 | tr '_-' '/+')
while (( ${#payload} % 4 )); do payload="$payload="; done
printf '%s' "$payload" | base64 -d; echo
echo "   (with PLATFORM_SECURITY_MODE=jwt ./run, every call above takes -H \"Authorization: Bearer \$token\" instead of -u)"
