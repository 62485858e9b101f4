;; exit_code.wat - a WASI command for the harness itself: writes "out" to stdout and "err" to
;; stderr, then exits with status 3.
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "out\n")
  (data (i32.const 32) "err\n")
  ;; iovecs: {ptr, len} at 0 (stdout) and 8 (stderr)
  (data (i32.const 0) "\10\00\00\00\04\00\00\00\20\00\00\00\04\00\00\00")
  (func (export "_start")
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 48)))
    (drop (call $fd_write (i32.const 2) (i32.const 8) (i32.const 1) (i32.const 48)))
    (call $proc_exit (i32.const 3))))
