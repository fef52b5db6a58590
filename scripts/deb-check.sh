#!/usr/bin/env bash
# The Debian package, built, installed and used like a user would:
#   1. builds target/debian/backfix_*.deb with cargo-deb (the version pinned
#      below, installed into target/ci-tools, inside the clone), and runs
#      lintian on it (no errors or warnings);
#   2. installs it with `apt-get install ./target/debian/backfix_*.deb`;
#   3. checks, from the system directories only (a temporary HOME, nothing
#      from this clone): `man -w backfix` finds the page and man renders it,
#      bash completion loaded on demand by bash-completion completes
#      `backfix sh` to `show`, zsh's compinit and fish find their files and
#      complete with them, the desktop entry validates, and
#      `/usr/bin/backfix show clam` works;
#   4. removes the package again (`apt-get remove`), also when a check fails.
#
#   scripts/deb-check.sh            (run by .ci/run; needs root or sudo)
#
# Needs: apt-get, lintian, man-db, bash-completion, zsh, fish, desktop-file-utils.
# It refuses to run where backfix is already installed as a package, since it
# removes the package at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_DEB_VERSION=3.8.0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

say() { printf 'deb-check: %s\n' "$*"; }
fail() {
  printf 'deb-check: FAILED: %s\n' "$*" >&2
  exit 1
}

for tool in apt-get dpkg-deb lintian man bash zsh fish desktop-file-validate; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (apt-get install lintian man-db bash-completion zsh fish desktop-file-utils)"
done
[ -r /usr/share/bash-completion/bash_completion ] || fail "bash-completion is not installed"
if dpkg-query -W -f='${Status}' backfix 2>/dev/null | grep -q ' installed$'; then
  fail "backfix is already installed as a package; this check installs and removes it, so remove it first"
fi

# 1. Build.
tools=target/ci-tools
if ! "$tools/bin/cargo-deb" --version 2>/dev/null | grep -qx "cargo-deb $CARGO_DEB_VERSION"; then
  say "installing cargo-deb $CARGO_DEB_VERSION into $tools"
  cargo install cargo-deb --version "$CARGO_DEB_VERSION" --locked --quiet \
    --root "$tools" --target-dir "$tools/build"
fi
rm -f target/debian/backfix_*.deb
say "building the package (release profile)"
"$tools/bin/cargo-deb" --locked
debs=(target/debian/backfix_*.deb)
[ "${#debs[@]}" -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one target/debian/backfix_*.deb, found: ${debs[*]}"
deb=${debs[0]}
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"

# What the package must hold, and where. Man pages are gzipped by cargo-deb.
expected=(
  /usr/bin/backfix
  /usr/share/bash-completion/completions/backfix
  /usr/share/zsh/vendor-completions/_backfix
  /usr/share/fish/vendor_completions.d/backfix.fish
  /usr/share/applications/backfix.desktop
  /usr/share/doc/backfix/README.md
  /usr/share/doc/backfix/LICENSE-MIT
  /usr/share/doc/backfix/LICENSE-APACHE
  /usr/share/doc/backfix/copyright
)
for page in man/*.1; do
  expected+=("/usr/share/man/man1/$(basename "$page").gz")
done
contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./|/|')
for path in "${expected[@]}"; do
  grep -qx "$path" <<<"$contents" || fail "the package lacks $path"
done
# Debian's own package checker: no error or warning. Suppressed, with reasons:
#   initial-upload-closes-no-bugs  an upload to the Debian archive closes its
#                                  "intent to package" bug; this package is not
#                                  uploaded there.
# Informational tags (I:) are printed, not failed on.
say "lintian"
lintian_out=$(lintian --display-info --suppress-tags initial-upload-closes-no-bugs "$deb" 2>&1 | grep -v '^running with root privileges' || true)
printf '%s\n' "$lintian_out"
if grep -Eq '^(E|W): ' <<<"$lintian_out"; then
  fail "lintian reports errors or warnings (above)"
fi
depends=$(dpkg-deb --field "$deb" Depends)
grep -q 'libc6' <<<"$depends" || fail "Depends ($depends) does not name libc6: was \$auto computed?"

# 2. Install. From here on, the package is removed again however this ends.
work=$(mktemp -d)
remove() {
  status=$?
  say "removing the package"
  $sudo apt-get remove -y -qq backfix >/dev/null || status=1
  if [ -e /usr/bin/backfix ]; then
    printf 'deb-check: FAILED: /usr/bin/backfix is still there after apt-get remove\n' >&2
    status=1
  fi
  rm -rf "$work"
  exit "$status"
}
trap remove EXIT
say "installing $deb"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -qq "./$deb" >/dev/null
for path in "${expected[@]}"; do
  [ -f "$path" ] || fail "$path is in the package but not on disk after apt-get install (a dpkg path-exclude?)"
done

# 3. Use it. A temporary HOME and a plain PATH: only what the package
# installed is found, never this clone's files.
home=$work/home
mkdir -p "$home"
clean=(env -i "HOME=$home" "PATH=/usr/bin:/bin" "LANG=C.UTF-8" "TERM=dumb")

say "man"
where=$("${clean[@]}" man -w backfix) || fail "man -w backfix found nothing"
[ "$where" = /usr/share/man/man1/backfix.1.gz ] || fail "man -w backfix gave '$where'"
where=$("${clean[@]}" man -w backfix-routine) || fail "man -w backfix-routine found nothing"
[ "$where" = /usr/share/man/man1/backfix-routine.1.gz ] || fail "man -w backfix-routine gave '$where'"
page=$("${clean[@]}" MANPAGER=cat MANWIDTH=80 man backfix 2>&1) || fail "man backfix failed: $page"
grep -q 'HEALTH NOTICE' <<<"$page" || fail "man backfix does not render the HEALTH NOTICE section:
$page"

say "bash completion"
# bash-completion loads /usr/share/bash-completion/completions/backfix on
# demand (its _completion_loader), as it does on the first Tab; then the
# function it registered is called the way bash calls it.
bash_complete() {
  "${clean[@]}" bash --norc --noprofile -c '
    source /usr/share/bash-completion/bash_completion
    _completion_loader backfix
    spec=$(complete -p backfix 2>/dev/null) || { echo "no completion registered for backfix" >&2; exit 1; }
    func=$(sed -n "s/.*-F \([^ ]*\).*/\1/p" <<<"$spec")
    [ -n "$func" ] || { echo "completion for backfix is not a function: $spec" >&2; exit 1; }
    COMP_LINE=$1
    read -r -a COMP_WORDS <<<"$COMP_LINE"
    [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_POINT=${#COMP_LINE}
    "$func" backfix "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' bash "$1"
}
got=$(bash_complete "backfix sh") || fail "bash completion: $got"
[ "$got" = show ] || fail "bash completes 'backfix sh' to '$got', not 'show'"
got=$(bash_complete "backfix show cl") || fail "bash completion: $got"
[ "$got" = clamshell ] || fail "bash completes 'backfix show cl' to '$got', not 'clamshell'"

say "zsh completion"
# compinit finds _backfix on zsh's default fpath (Debian's zsh searches
# /usr/share/zsh/vendor-completions) and binds it to backfix.
got=$("${clean[@]}" zsh -f -c "
  autoload -U compinit && compinit -u -d $work/zcompdump
  print -r -- \"\$_comps[backfix]\"
  autoload +X _backfix && whence -v _backfix") || fail "zsh: $got"
grep -qx '_backfix' <<<"$got" || fail "zsh's compinit did not bind _backfix to backfix: $got"
grep -q 'from /usr/share/zsh/vendor-completions/_backfix' <<<"$got" ||
  fail "zsh did not load _backfix from /usr/share/zsh/vendor-completions: $got"

say "fish completion"
# fish loads completions for a command from vendor_completions.d on demand.
got=$("${clean[@]}" fish -c "complete -C 'backfix sh'") || fail "fish: $got"
grep -q '^show' <<<"$got" || fail "fish completes 'backfix sh' to '$got', without 'show'"
got=$("${clean[@]}" fish -c "complete -C 'backfix routine outer'") || fail "fish: $got"
grep -q '^outer-hip' <<<"$got" || fail "fish completes 'backfix routine outer' to '$got', without 'outer-hip'"

say "desktop entry"
desktop-file-validate /usr/share/applications/backfix.desktop || fail "the desktop entry does not validate"

say "backfix show clam"
out=$("${clean[@]}" /usr/bin/backfix show clam) || fail "/usr/bin/backfix show clam failed: $out"
grep -q 'Clamshell' <<<"$out" || fail "/usr/bin/backfix show clam does not show the clamshell:
$out"
version=$("${clean[@]}" /usr/bin/backfix --version) || fail "/usr/bin/backfix --version failed"
pkg_version=$(dpkg-query -W -f='${Version}' backfix)
[[ "$pkg_version" == "${version##* }"-* ]] || fail "backfix --version says '$version', the package is $pkg_version"

say "all checks passed"
