#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The bash completion cannot fall behind the binary: every long option that
# `actormap --help-all` lists is offered after "--", and the values and files each
# option takes are completed.  The script is sourced into this bash and its function
# called with COMP_WORDS, as bash does on Tab.
#   test-bash-completion.sh ACTORMAP COMPLETION
set -u
actormap=$1
script=$2
status=0

fail ()
{
  echo "FAIL: $*"
  status=1
}

help=$("$actormap" --help-all) || { echo "FAIL: $actormap --help-all exited with $?"; exit 1; }
options=$(printf '%s\n' "$help" | sed -n -E 's/^ +(-[a-zA-Z], )?(--[a-z][a-z-]*).*/\2/p' | sort -u)
count=$(printf '%s\n' "$options" | grep -c -- '^--')
[ "$count" -ge 10 ] || { echo "FAIL: found only $count long options in --help-all"; exit 1; }

# shellcheck source=/dev/null
source "$script" || { echo "FAIL: sourcing $script failed"; exit 1; }
complete -p actormap >/dev/null 2>&1 || fail "$script does not register a completion for actormap"

# complete WORD…: COMPREPLY for the last word, one a line, sorted.
complete_words ()
{
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _actormap
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort
}

# expect DESCRIPTION EXPECTED WORD…: the completions are exactly EXPECTED (space-separated).
expect ()
{
  local what=$1 expected got
  expected=$(printf '%s\n' $2 | sort)
  shift 2
  got=$(complete_words "$@")
  if [ "$got" = "$expected" ]; then
    echo "ok: $what"
  else
    fail "$what: expected [$(echo $expected)], got [$(echo $got)]"
  fi
}

all=$(complete_words actormap --)
for option in $options; do
  if printf '%s\n' "$all" | grep -q -x -E -- "$option=?"; then
    echo "ok: $option is completed"
  else
    fail "$option is listed by --help-all but not completed after --"
  fi
done

expect "--layout= values, = not a word break" \
  "--layout=dot --layout=neato --layout=fdp --layout=sfdp --layout=circo --layout=twopi" \
  actormap --layout=
expect "--layout values after =" "dot neato fdp sfdp circo twopi" actormap --layout = ""
expect "--layout as a separate word" "neato" actormap --layout n
expect "-l short option" "twopi" actormap -l tw
expect "--layout=c as one word" "--layout=circo" actormap --layout=c
expect "--theme values" "light dark" actormap --theme = ""
expect "--direction values" "in out both" actormap --direction = ""
expect "--dep prefix" "--depth=" actormap --dep

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
mkdir maps
touch a.json b.GraphML c.gexf d.gv e.dot f.csv notes.txt page.html picture.png out.svg \
      out.pdf net.jsonld
expect "input files by extension (any case), and directories" \
  "maps/ a.json b.GraphML c.gexf d.gv e.dot f.csv" actormap ""
expect "input files after --check" \
  "maps/ a.json b.GraphML c.gexf d.gv e.dot f.csv" actormap --check ""
expect "output files for --export" \
  "maps/ a.json b.GraphML c.gexf f.csv picture.png out.svg out.pdf net.jsonld" \
  actormap --export = ""
expect "output files for --export with a prefix" "out.svg out.pdf" actormap --export = o
expect "articles as the file of --extract" "maps/ notes.txt page.html" \
  actormap --extract = draft.json ""
expect "no file names for a value without files" "" actormap --focus = ""

# The script leaves the shell's options as it found them.
[ "$(shopt -p extglob nocasematch)" = "$(printf 'shopt -u extglob\nshopt -u nocasematch')" ] ||
  fail "the completion changed the shell's extglob or nocasematch"
exit $status
