;; no_memory.wat - a guest that exports no memory but calls wasi-crypto anyway: the host cannot
;; read or write anything, so every call must answer guest_error instead of trapping.
(module
  (import "wasi_ephemeral_crypto_symmetric" "symmetric_key_generate"
    (func $symmetric_key_generate (param i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_crypto_symmetric" "symmetric_state_close"
    (func $symmetric_state_close (param i32) (result i32)))
  (func (export "generate") (result i32)
    (call $symmetric_key_generate (i32.const 0) (i32.const 11) (i32.const 16) (i32.const 24)))
  (func (export "close") (result i32)
    (call $symmetric_state_close (i32.const 0x08000001))))
