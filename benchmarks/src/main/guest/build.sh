#!/usr/bin/env bash
# Rebuilds ../resources/bench_guest.wasm. Needs clang, lld, wasi-libc and
# libclang-rt-14-dev-wasm32 (see .ci/run). The .wasm is committed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sysroot=$(mktemp -d)
trap 'rm -rf "$sysroot"' EXIT
mkdir -p "$sysroot/include" "$sysroot/lib"
ln -s /usr/include/wasm32-wasi "$sysroot/include/wasm32-wasi"
ln -s /usr/lib/wasm32-wasi "$sysroot/lib/wasm32-wasi"
clang --target=wasm32-wasi --sysroot="$sysroot" -mexec-model=reactor -O2 -s \
    -o "$here/../resources/bench_guest.wasm" "$here/bench_guest.c"
