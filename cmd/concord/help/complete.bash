# bash completion for concord: source <(concord completion bash)
_concord() {
  local cur=${COMP_WORDS[COMP_CWORD]} out
  out=$(concord __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  if [ -n "$out" ]; then
    COMPREPLY=($(compgen -W "$out" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _concord concord
