# bash completion for actormap(1)                          -*- shell-script -*-
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installed as "actormap" in bash-completion's completionsdir, which loads it on first use.
# tests/cli/test-bash-completion.sh checks that every long option of actormap --help is
# offered here.  Works with bash-completion's helpers when they are loaded, and without.

# The files actormap reads, and the ones --export writes, by extension.
_actormap_inputs='@(json|gv|dot|graphml|gexf|csv)'
_actormap_outputs='@(png|svg|pdf|gexf|graphml|csv|json|jsonld)'
_actormap_articles='@(txt|md|markdown|html|htm)'

# _actormap_files GLOB WORD: the directories and the files matching the extglob GLOB
# (any case) that start with WORD, into COMPREPLY.  compgen -X follows nocasematch.
_actormap_files ()
{
  local glob=$1 cur=$2 f
  local IFS=$'\n'
  local restore_extglob restore_nocase
  restore_extglob=$(shopt -p extglob)
  restore_nocase=$(shopt -p nocasematch)
  shopt -s extglob nocasematch

  COMPREPLY=()
  for f in $(compgen -d -- "$cur"); do
    COMPREPLY+=("$f/")
  done
  for f in $(compgen -f -X "!*.$glob" -- "$cur"); do
    [[ -d $f ]] || COMPREPLY+=("$f")
  done

  eval "$restore_extglob"
  eval "$restore_nocase"
  # A directory is completed without a trailing space, so its files can follow.
  if [[ ${#COMPREPLY[@]} -gt 0 ]] && type compopt &>/dev/null; then
    compopt -o filenames -o nospace 2>/dev/null
    [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} != */ ]] && compopt +o nospace 2>/dev/null
  fi
  return 0
}

# _actormap_prefix PREFIX: PREFIX before every word of COMPREPLY.
_actormap_prefix ()
{
  local i
  [[ -n $1 ]] || return 0
  for i in "${!COMPREPLY[@]}"; do
    COMPREPLY[i]="$1${COMPREPLY[i]}"
  done
}

_actormap ()
{
  local cur prev opt value
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=""
  [[ $COMP_CWORD -gt 0 ]] && prev=${COMP_WORDS[COMP_CWORD-1]}

  local opts_with_value='--export --layout --scale --theme --timeout --extract
    --focus --depth --direction --kinds --types --from --to --path --collapse'
  local opts_flags='--check --version --help --help-all --help-gapplication
    --gapplication-service'

  # "--opt=value" arrives either as one word or, with the default COMP_WORDBREAKS, as
  # "--opt" "=" "value"; both are handled.
  opt=""
  value=$cur
  if [[ $cur == --*=* ]]; then
    opt=${cur%%=*}
    value=${cur#*=}
  elif [[ $cur == = && $prev == --* ]]; then
    opt=$prev
    value=""
  elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
    opt=${COMP_WORDS[COMP_CWORD-2]}
  elif [[ $prev == -* && $cur != -* ]]; then
    case $prev in
      -e) opt=--export ;;
      -l) opt=--layout ;;
      -s) opt=--scale ;;
      -t) opt=--theme ;;
      -x) opt=--extract ;;
      --*) [[ " $opts_with_value " == *[[:space:]]$prev[[:space:]]* ]] && opt=$prev ;;
    esac
  fi

  # When "=" is not a word break, the word being replaced is "--opt=value" whole.
  local prefix=""
  [[ $cur == --*=* ]] && prefix="$opt="

  local words=()
  case $opt in
    --layout) words=(dot neato fdp sfdp circo twopi) ;;
    --theme) words=(light dark) ;;
    --direction) words=(in out both) ;;
    --depth) words=(1 2 3) ;;
    --export)
      _actormap_files "$_actormap_outputs" "$value"
      _actormap_prefix "$prefix"
      return 0
      ;;
    --extract)
      # The output of --extract is a model; the article comes as the file argument.
      _actormap_files '@(json)' "$value"
      _actormap_prefix "$prefix"
      return 0
      ;;
    --scale|--timeout|--focus|--kinds|--types|--from|--to|--path|--collapse)
      # Numbers, ids and dates: nothing to offer.
      COMPREPLY=()
      return 0
      ;;
  esac
  if [[ ${#words[@]} -gt 0 ]]; then
    COMPREPLY=($(compgen -W "${words[*]}" -- "$value"))
    _actormap_prefix "$prefix"
    return 0
  fi

  if [[ $cur == -* ]]; then
    local with_eq=() o
    for o in $opts_with_value; do
      with_eq+=("$o=")
    done
    COMPREPLY=($(compgen -W "${with_eq[*]} $opts_flags" -- "$cur"))
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && type compopt &>/dev/null; then
      compopt -o nospace 2>/dev/null
    fi
    return 0
  fi

  # The file argument: an article after --extract, otherwise a map.
  local w
  for w in "${COMP_WORDS[@]}"; do
    case $w in
      --extract|--extract=*|-x)
        _actormap_files "$_actormap_articles" "$cur"
        return 0
        ;;
    esac
  done
  _actormap_files "$_actormap_inputs" "$cur"
  return 0
}

complete -F _actormap actormap
