#!/usr/bin/env bash
# deploy/token.sh USER PASSWORD — an access token for a person from the local identity provider (./run,
# http://127.0.0.1:8085, or IDENTITY_ISSUER), printed on stdout.
# deploy/token.sh --client ID SECRET — a service client's token (client credentials), e.g. svc-console.
#
# For a person this is the real OAuth 2.1 flow a native app uses, done with curl: authorization code
# with PKCE as the public client `cli` (loopback redirect, RFC 8252), signing in through the provider's
# form; the code is read from the redirect's Location instead of a browser following it. No password
# grant exists at the provider, and nothing here works without the person's password.
set -euo pipefail
issuer=${IDENTITY_ISSUER:-http://127.0.0.1:8085}
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

if [[ "${1:-}" == "--client" ]]; then
  [[ $# == 3 ]] || { echo "usage: $0 --client ID SECRET" >&2; exit 2; }
  curl -s -u "$2:$3" "$issuer/oauth2/token" -d grant_type=client_credentials | json_field access_token
  exit
fi
[[ $# == 2 ]] || { echo "usage: $0 USER PASSWORD  |  $0 --client ID SECRET" >&2; exit 2; }
user=$1 password=$2

b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }
verifier=$(head -c 32 /dev/urandom | b64url)
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | b64url)
redirect=http://127.0.0.1/callback
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
http() { curl -s -c "$jar" -b "$jar" "$@"; }

# 1. the authorization request: the provider keeps it in its session and asks who is signing in
http -o /dev/null "$issuer/oauth2/authorize?response_type=code&client_id=cli&scope=openid%20profile&state=cli&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256"
# 2. its sign-in form (with the form's CSRF token), filled in
csrf=$(http "$issuer/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
next=$(http -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$user" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$csrf" "$issuer/login")
if [[ -z "$next" || "$next" == *error* ]]; then echo "token.sh: $issuer refused the sign-in of $user" >&2; exit 1; fi
# 3. back to the authorization request, which now redirects to the client with a code
callback=$(http -o /dev/null -w '%{redirect_url}' "$next")
code=$(printf '%s' "$callback" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
[[ -n "$code" ]] || { echo "token.sh: no code in $callback" >&2; exit 1; }
# 4. the code and the verifier for the tokens
curl -s "$issuer/oauth2/token" -d grant_type=authorization_code -d client_id=cli -d "code=$code" \
  -d "redirect_uri=$redirect" -d "code_verifier=$verifier" | json_field access_token
