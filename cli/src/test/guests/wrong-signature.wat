;; Imports a real wasi-crypto function with a wrong core signature.
(module
  (import "wasi_ephemeral_crypto_symmetric" "symmetric_key_close"
    (func $close (param i64) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (call $close (i64.const 0)))))
