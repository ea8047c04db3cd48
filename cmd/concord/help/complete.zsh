#compdef concord
# zsh completion for concord: source <(concord completion zsh)
_concord() {
  local -a out
  out=("${(@f)$(concord __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ -n ${out[1]} ]]; then
    compadd -- "${out[@]}"
  else
    _files
  fi
}
compdef _concord concord
