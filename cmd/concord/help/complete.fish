# fish completion for concord: concord completion fish | source
function __concord_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l out (concord __complete $words[2..-1] 2>/dev/null)
    if test (count $out) -gt 0
        printf '%s\n' $out
    else
        __fish_complete_path (commandline -ct)
    end
end
complete -c concord -f -a '(__concord_complete)'
