#!/bin/sh
# Builds the asymmetric guests into guests/wasm/ (committed). Debian clang 14 + wasi-libc, with a
# two-symlink sysroot so that no host header leaks in (shared/notes/guest-toolchains.md §1).
set -eu
cd "$(dirname "$0")"
mkdir -p build/wasi-sysroot/include build/wasi-sysroot/lib wasm
ln -sfn /usr/include/wasm32-wasi build/wasi-sysroot/include/wasm32-wasi
ln -sfn /usr/lib/wasm32-wasi build/wasi-sysroot/lib/wasm32-wasi
CC="clang --target=wasm32-wasi --sysroot=build/wasi-sysroot -O2 -s -Wall -Wextra -Werror -Iinclude"
for guest in signatures_conformance kx_conformance; do
    $CC -o "wasm/$guest.wasm" "src/$guest.c"
done
$CC -mexec-model=reactor -o wasm/wycheproof_asym.wasm src/wycheproof_asym.c
