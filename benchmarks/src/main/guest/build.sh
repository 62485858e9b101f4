#!/usr/bin/env bash
# Rebuilds ../resources/bench_guest.wasm. Needs clang, lld, wasi-libc and
# libclang-rt-14-dev-wasm32 (see .ci/run). The .wasm is committed.
#
# Deterministic, as guests/build.sh: no debug info, source paths mapped, stripped, and the link
# runs without -O so that clang never invokes wasm-opt (whose presence would change the bytes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sysroot=$work/sysroot
mkdir -p "$sysroot/include" "$sysroot/lib"
ln -s /usr/include/wasm32-wasi "$sysroot/include/wasm32-wasi"
ln -s /usr/lib/wasm32-wasi "$sysroot/lib/wasm32-wasi"
target="--target=wasm32-wasi --sysroot=$sysroot"
clang $target -O2 -std=c11 -Wall -Wextra -Werror -ffile-prefix-map="$here"=guest \
    -c "$here/bench_guest.c" -o "$work/bench_guest.o"
clang $target -mexec-model=reactor -s "$work/bench_guest.o" \
    -o "$here/../resources/bench_guest.wasm"
