#!/usr/bin/env bash
# Move a VICIdial integration from a password in every URL to an API key.
#
#   examples/migrate-to-key.sh [--name NAME] [--campaigns C1,C2] URL|FILE...
#
# Each argument is an api.php or non_agent_api.php URL with user= and pass= in
# it, or a file of such URLs (one a line; curl command lines work too; blank
# lines and # comments are skipped). The script
#   1. checks that user and password against the server, so a typo makes no key;
#   2. makes a key for that user narrowed to the functions the URLs call
#      (agentgate keys create --functions …), and to --campaigns if given;
#   3. prints a shell script: the key once, then each URL as a curl line with
#      the key in an Authorization header and no user= or pass= in the URL.
#
# The password is never printed, and never on a command line (`ps` shows those):
# it reaches curl through its standard input. Needs curl and the agentgate CLI
# on the server's database: AGENTGATE_CLI (default: this checkout's
# `node dist/cli/main.js`) with the server's DATABASE_URL; nothing else but bash.
set -euo pipefail

die() {
  printf 'migrate-to-key: %s\n' "$1" >&2
  exit 2
}

# %XX and + decoded; a backslash stays a backslash (printf %b would read it as an escape).
urldecode() {
  local s=${1//+/ }
  s=${s//\\/\\\\}
  printf '%b' "${s//%/\\x}"
}

# Single-quoted for the shell.
shell_quote() {
  printf "'%s'" "${1//\'/\'\\\'\'}"
}

name="migrated-$(printf '%(%Y%m%d-%H%M%S)T' -1)"
campaigns=""
urls=()
url_re="https?://[^[:space:]'\"]+"
while (($# > 0)); do
  case $1 in
    --name) name=${2:?--name needs a value}; shift 2 ;;
    --campaigns) campaigns=${2:?--campaigns needs a value}; shift 2 ;;
    -h | --help) printf 'usage: %s [--name NAME] [--campaigns C1,C2] URL|FILE...\n' "$0"; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *)
      if [[ -f $1 ]]; then
        n=0
        while IFS= read -r line || [[ -n $line ]]; do
          n=$((n + 1))
          [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
          [[ $line =~ $url_re ]] || die "line $n of $1 holds no http(s) URL"
          urls+=("${BASH_REMATCH[0]}")
        done <"$1"
      elif [[ $1 =~ ^$url_re$ ]]; then
        urls+=("$1")
      else
        die "argument $((${#urls[@]} + 1)) is neither a file nor an http(s) URL"
      fi
      shift
      ;;
  esac
done
((${#urls[@]} > 0)) || die "give a URL or a file of URLs (see --help)"

user="" pass="" origin="" functions=() rewritten=()
for i in "${!urls[@]}"; do
  url=${urls[$i]%%#*}
  which="URL $((i + 1))" # never the URL itself in a message: it holds the password
  [[ $url == *\?* ]] || die "$which has no query string"
  base=${url%%\?*}
  [[ $base =~ ^(https?://[^/]+)/(agc/api\.php|vicidial/non_agent_api\.php)$ ]] ||
    die "$which is not VICIdial's agc/api.php or vicidial/non_agent_api.php"
  [[ -z $origin ]] && origin=${BASH_REMATCH[1]}
  u="" p="" fn="" kept=()
  IFS='&' read -ra pairs <<<"${url#*\?}"
  for pair in "${pairs[@]}"; do
    [[ -z $pair ]] && continue
    key=$(urldecode "${pair%%=*}")
    value=""
    [[ $pair == *=* ]] && value=$(urldecode "${pair#*=}")
    case $key in
      user) u=$value ;;
      pass) p=$value ;;
      *)
        [[ $key == function ]] && fn=$value
        kept+=("$pair")
        ;;
    esac
  done
  [[ -n $u && -n $p ]] || die "$which has no user= and pass= to migrate"
  [[ -n $fn ]] || die "$which calls no function="
  [[ -z $user || $u == "$user" ]] || die "$which is for user $u, the first for $user: migrate one user at a time"
  [[ -z $pass || $p == "$pass" ]] || die "$which has another password for $u than the first"
  user=$u pass=$p
  [[ " ${functions[*]} " == *" $fn "* ]] || functions+=("$fn")
  query=$(IFS='&'; printf '%s' "${kept[*]}")
  rewritten+=("$base${query:+?$query}")
done

# 1. The URLs' own credentials, checked by the server (curl reads them from stdin, as a config line).
quoted=${user}:${pass}
quoted=${quoted//\\/\\\\}
quoted=${quoted//\"/\\\"}
status=$(printf 'user = "%s"\n' "$quoted" | curl -sS -o /dev/null -w '%{http_code}' -K - "$origin/api/v2/me") ||
  die "could not reach $origin"
case $status in
  200) ;;
  401) die "$origin refuses user $user with the URLs' password: no key made" ;;
  *) die "$origin answered HTTP $status to the credentials check: no key made" ;;
esac

# 2. The key: the CLI prints a summary, then the key alone on its last line.
if [[ -n ${AGENTGATE_CLI:-} ]]; then
  read -ra cli <<<"$AGENTGATE_CLI"
else
  here=${BASH_SOURCE[0]%/*}
  [[ $here == "${BASH_SOURCE[0]}" ]] && here=.
  cli=(node "$here/../dist/cli/main.js")
fi
function_list=$(IFS=','; printf '%s' "${functions[*]}")
created=$("${cli[@]}" keys create --user "$user" --name "$name" --functions "$function_list" ${campaigns:+--campaigns "$campaigns"}) ||
  die "agentgate keys create failed (its message is above): no key made"
summary=${created%%$'\n'*}
secret=${created##*$'\n'}
[[ $secret =~ ^agk_[A-Za-z0-9_-]+$ ]] || die "agentgate keys create printed no key"

# 3. The integration, rewritten: a shell script that runs as printed.
printf '# %s\n' "$summary"
printf '# The key is shown this once: keep it where the integration keeps its secrets, never in a URL.\n'
printf 'AGENTGATE_KEY=%s\n' "$secret"
for url in "${rewritten[@]}"; do
  printf 'curl -sS -H "Authorization: Bearer $AGENTGATE_KEY" %s\n' "$(shell_quote "$url")"
done
