;; Imports a wasi-crypto function that does not exist; the CLI must refuse it by name.
(module
  (import "wasi_ephemeral_crypto_symmetric" "symmetric_key_frobnicate"
    (func $frobnicate (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (call $frobnicate (i32.const 0)))))
