#!/bin/sh
# Builds every guest into guests/wasm/ (or into the directory given as $1).
#
# Needs clang 14 + lld + wasi-libc + libclang-rt-14-dev-wasm32 and wabt (wat2wasm):
#   apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32 wabt
#
# The output is deterministic: no debug info, stripped, source paths mapped to "guests/",
# and linking without -O so that clang never runs wasm-opt (whose presence would change
# the bytes). The .wasm files are committed; a JUnit test rebuilds them and compares.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/wasm}
mkdir -p "$out"
out=$(cd "$out" && pwd)

CLANG=${CLANG:-clang}
WAT2WASM=${WAT2WASM:-wat2wasm}

# A two-symlink sysroot: only wasi-libc's headers and libraries, never the host's /usr/include.
sysroot=$here/build/wasi-sysroot
mkdir -p "$sysroot/include" "$sysroot/lib"
ln -sfn /usr/include/wasm32-wasi "$sysroot/include/wasm32-wasi"
ln -sfn /usr/lib/wasm32-wasi "$sysroot/lib/wasm32-wasi"

objects=$(mktemp -d)
trap 'rm -rf "$objects"' EXIT

target="--target=wasm32-wasi --sysroot=$sysroot"
cflags="-O2 -std=c11 -Wall -Wextra -Werror -I$here/include -ffile-prefix-map=$here=guests"

# command guests (main -> _start)
for guest in symmetric_conformance signatures_conformance kx_conformance demo managed_keys vault; do
    $CLANG $target $cflags -c "$here/src/$guest.c" -o "$objects/$guest.o"
    $CLANG $target -s "$objects/$guest.o" -o "$out/$guest.wasm"
done

# reactor guests (exported entry points, _initialize)
for guest in wycheproof_runner wycheproof_asym abi_all_imports; do
    $CLANG $target $cflags -c "$here/src/$guest.c" -o "$objects/$guest.o"
    $CLANG $target -mexec-model=reactor -s "$objects/$guest.o" -o "$out/$guest.wasm"
done

# WAT edge-case guests
for wat in "$here"/wat/*.wat; do
    $WAT2WASM "$wat" -o "$out/$(basename "$wat" .wat).wasm"
done

echo "built $(ls "$out"/*.wasm | wc -l) guests into $out"
