#!/usr/bin/env bash
# Rebuilds the CLI test guests into ../resources/guests. Needs clang, lld, wasi-libc,
# libclang-rt-14-dev-wasm32 and wabt (see .ci/run). The .wasm files are committed, so the tests
# run without these tools; CI rebuilds them and fails on a difference.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/guests"
sysroot=$(mktemp -d)
trap 'rm -rf "$sysroot"' EXIT
# A sysroot of two symlinks keeps glibc's /usr/include out of the search path.
mkdir -p "$sysroot/include" "$sysroot/lib"
ln -s /usr/include/wasm32-wasi "$sysroot/include/wasm32-wasi"
ln -s /usr/lib/wasm32-wasi "$sysroot/lib/wasm32-wasi"
mkdir -p "$out"
clang --target=wasm32-wasi --sysroot="$sysroot" -O2 -s -o "$out/probe.wasm" "$here/probe.c"
for wat in "$here"/*.wat; do
    wat2wasm "$wat" -o "$out/$(basename "${wat%.wat}").wasm"
done
