#!/usr/bin/env bash
# Repeats what CI promises on a machine that has nothing yet: a minimal Debian 12
# (debootstrap --variant=minbase bookworm), a fresh clone of this repository's main
# branch with shared/ beside it, and the README's test command (through .ci/run) run
# inside it as root. Catches a package the build needs that scripts/deps.sh does not
# install, which the development machines may happen to have.
# Usage (as root): scripts/fresh-debian-check.sh [work folder, default /var/tmp/earmark-fresh]
# Takes about 25 minutes on 2 cores; the result goes to <work folder>/result.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
shared=$(cd .. && pwd)/shared
work=${1:-/var/tmp/earmark-fresh}
root="$work/root"

if [[ $(id -u) -ne 0 ]]; then
    echo "Run as root: debootstrap and chroot need it." >&2
    exit 1
fi
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap

mounted=()
cleanup() {
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT

if [[ ! -x "$root/bin/bash" ]]; then
    rm -rf "$root"
    mkdir -p "$root"
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
for fs in proc sys dev dev/pts; do
    mkdir -p "$root/$fs"
    mount --bind "/$fs" "$root/$fs"
    mounted+=("$root/$fs")
done
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

# A fresh clone of the committed main branch: what CI gets.
rm -rf "$root/ci"
mkdir -p "$root/ci"
git clone --quiet --branch main "$repo" "$root/ci/main"
cp -r "$shared" "$root/ci/shared"
chmod -R a-w "$root/ci/shared"

started=$(date +%s)
set +e
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin CI=true LANG=C.UTF-8 \
    bash -c 'cd /ci/main && apt-get update -qq && bash .ci/run' >"$work/log.txt" 2>&1
status=$?
set -e
elapsed=$(($(date +%s) - started))
summary="$(date -u +%Y-%m-%d): minimal Debian 12, fresh clone of $(git -C "$repo" rev-parse --short main): .ci/run exited $status after ${elapsed}s"
echo "$summary" | tee "$work/result.txt"
tail -5 "$work/log.txt"
exit $status
