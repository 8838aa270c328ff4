(module
  (type (;0;) (func (param f64) (result f64)))
  (type (;1;) (func (param i32 i32 i32 i32 i32)))
  (type (;2;) (func (param i32 i32 i32 f64)))
  (type (;3;) (func (param i32 i32 i32 i32 f64)))
  (type (;4;) (func (param i32 i32 f64 i32)))
  (import "env" "memory" (memory 1))
  (import "env" "exp" (func $exp (type 0)))
  (import "env" "log" (func $log (type 0)))
  (import "env" "log1p" (func $log1p (type 0)))
  (import "env" "expm1" (func $expm1 (type 0)))
  (import "env" "tanh" (func $tanh (type 0)))
  (func $Z (type 1) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $pe0 i32)
    (local $span i32)
    (local $lr i32)
    (local $lc i32)
    (local $m_1 i32)
    (local $stride i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $zero v128)
    (local $b0 v128)
    (local $b1 v128)
    (local $a v128)
    (local $out v128)
    (local $in0 v128)
    (local $r v128)
    (local $out_1 v128)
    (local $in0_1 v128)
    (local $r_1 v128)
    (local $c0_0_1 v128)
    (local $b0_1 v128)
    (local $a_1 v128)
    (local $out_2 v128)
    (local $in0_2 v128)
    (local $r_2 v128)
    (local $c0_0_2 f64)
    (local $b0_2 f64)
    (local $a_2 f64)
    (local $out_3 f64)
    (local $in0_3 f64)
    (local $r_3 f64)
    (local $lr_1 i32)
    (local $lc_1 i32)
    (local $c0_0_3 v128)
    (local $c0_1_1 v128)
    (local $b0_3 v128)
    (local $b1_1 v128)
    (local $a_3 v128)
    (local $out_4 v128)
    (local $in0_4 v128)
    (local $r_4 v128)
    (local $out_5 v128)
    (local $in0_5 v128)
    (local $r_5 v128)
    (local $c0_0_4 v128)
    (local $b0_4 v128)
    (local $a_4 v128)
    (local $out_6 v128)
    (local $in0_6 v128)
    (local $r_6 v128)
    (local $c0_0_5 f64)
    (local $b0_5 f64)
    (local $a_5 f64)
    (local $out_7 f64)
    (local $in0_7 f64)
    (local $r_7 f64)
    local.get $m
    i32.const 2048
    i32.mul
    local.set $span
    local.get $m
    local.set $m_1
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    f64.const 0
    f64x2.splat
    local.set $zero
    ;; C (1 × 1·m) = A·B, k = 12288, rows form, k blocks of 256 or 64
    block
      block
        local.get $span
        i32.const 524288
        i32.gt_u
        br_if 0
        ;; k blocks of 256 where they span at most 524288 bytes of B
        i32.const 0
        local.set $kb
        loop
          local.get $kb
          i32.const 256
          i32.add
          i32.const 1
          i32.sub
          local.set $lr
          local.get $m_1
          i32.const 1
          i32.sub
          local.set $lc
          local.get $p2
          local.get $kb
          local.get $stride
          i32.mul
          i32.add
          local.set $pa
          local.get $p2
          local.get $lr
          local.get $stride
          i32.mul
          i32.add
          local.get $lc
          i32.const 8
          i32.mul
          i32.add
          local.set $end
          ;; read ahead: B's rows of this k block
          block
            local.get $m_1
            i32.eqz
            br_if 0
            local.get $end
            local.get $pa
            i32.sub
            i32.const 32768
            i32.lt_s
            br_if 0
            local.get $end
            local.get $pa
            i32.const 524288
            i32.add
            local.get $end
            local.get $pa
            i32.sub
            i32.const 524288
            i32.lt_u
            select
            local.set $end
            loop
              local.get $pa
              i32.load
              drop
              local.get $pa
              i32.const 64
              i32.add
              local.tee $pa
              local.get $end
              i32.le_u
              br_if 0
            end
          end
          i32.const 0
          local.set $i
          i32.const 0
          local.set $j
          block
            loop
              local.get $j
              i32.const 4
              i32.add
              local.get $m_1
              i32.gt_u
              br_if 1
              ;; 1 × 4 block of C (2 vectors)
              local.get $p1
              local.get $kb
              i32.const 8
              i32.mul
              i32.add
              local.set $pa
              local.get $p2
              local.get $kb
              local.get $stride
              i32.mul
              i32.add
              local.get $j
              i32.const 8
              i32.mul
              i32.add
              local.set $pb
              local.get $p0
              local.get $i
              local.get $stride
              i32.mul
              i32.add
              local.get $j
              i32.const 8
              i32.mul
              i32.add
              local.set $pc
              local.get $kb
              i32.eqz
              if
                local.get $zero
                local.set $c0_0
                local.get $zero
                local.set $c0_1
              else
                local.get $pc
                v128.load align=8
                local.set $c0_0
                local.get $pc
                v128.load offset=16 align=8
                local.set $c0_1
              end
              i32.const 256
              local.set $end
              loop
                local.get $pb
                v128.load align=8
                local.set $b0
                local.get $pb
                v128.load offset=16 align=8
                local.set $b1
                local.get $pa
                v128.load64_splat
                local.set $a
                local.get $c0_0
                local.get $a
                local.get $b0
                f64x2.mul
                f64x2.add
                local.set $c0_0
                local.get $c0_1
                local.get $a
                local.get $b1
                f64x2.mul
                f64x2.add
                local.set $c0_1
                local.get $pa
                i32.const 8
                i32.add
                local.set $pa
                local.get $pb
                local.get $stride
                i32.add
                local.set $pb
                local.get $end
                i32.const 1
                i32.sub
                local.tee $end
                br_if 0
              end
              local.get $kb
              i32.const 256
              i32.add
              i32.const 12288
              i32.ge_u
              if
                local.get $p3
                local.set $pe0
                local.get $pe0
                v128.load64_splat
                local.set $in0
                local.get $c0_0
                local.set $r
                local.get $in0
                local.get $r
                f64x2.add
                local.set $out
                local.get $pc
                local.get $out
                v128.store align=8
                local.get $pe0
                v128.load64_splat
                local.set $in0_1
                local.get $c0_1
                local.set $r_1
                local.get $in0_1
                local.get $r_1
                f64x2.add
                local.set $out_1
                local.get $pc
                local.get $out_1
                v128.store offset=16 align=8
              else
                local.get $pc
                local.get $c0_0
                v128.store align=8
                local.get $pc
                local.get $c0_1
                v128.store offset=16 align=8
              end
              local.get $j
              i32.const 4
              i32.add
              local.set $j
              br 0
            end
          end
          block
            loop
              local.get $j
              i32.const 2
              i32.add
              local.get $m_1
              i32.gt_u
              br_if 1
              ;; 1 × 2 block of C (1 vectors)
              local.get $p1
              local.get $kb
              i32.const 8
              i32.mul
              i32.add
              local.set $pa
              local.get $p2
              local.get $kb
              local.get $stride
              i32.mul
              i32.add
              local.get $j
              i32.const 8
              i32.mul
              i32.add
              local.set $pb
              local.get $p0
              local.get $i
              local.get $stride
              i32.mul
              i32.add
              local.get $j
              i32.const 8
              i32.mul
              i32.add
              local.set $pc
              local.get $kb
              i32.eqz
              if
                local.get $zero
                local.set $c0_0_1
              else
                local.get $pc
                v128.load align=8
                local.set $c0_0_1
              end
              i32.const 256
              local.set $end
              loop
                local.get $pb
                v128.load align=8
                local.set $b0_1
                local.get $pa
                v128.load64_splat
                local.set $a_1
                local.get $c0_0_1
                local.get $a_1
                local.get $b0_1
                f64x2.mul
                f64x2.add
                local.set $c0_0_1
                local.get $pa
                i32.const 8
                i32.add
                local.set $pa
                local.get $pb
                local.get $stride
                i32.add
                local.set $pb
                local.get $end
                i32.const 1
                i32.sub
                local.tee $end
                br_if 0
              end
              local.get $kb
              i32.const 256
              i32.add
              i32.const 12288
              i32.ge_u
              if
                local.get $p3
                local.set $pe0
                local.get $pe0
                v128.load64_splat
                local.set $in0_2
                local.get $c0_0_1
                local.set $r_2
                local.get $in0_2
                local.get $r_2
                f64x2.add
                local.set $out_2
                local.get $pc
                local.get $out_2
                v128.store align=8
              else
                local.get $pc
                local.get $c0_0_1
                v128.store align=8
              end
              local.get $j
              i32.const 2
              i32.add
              local.set $j
              br 0
            end
          end
          block
            loop
              local.get $j
              i32.const 1
              i32.add
              local.get $m_1
              i32.gt_u
              br_if 1
              ;; 1 × 1 block of C
              local.get $p1
              local.get $kb
              i32.const 8
              i32.mul
              i32.add
              local.set $pa
              local.get $p2
              local.get $kb
              local.get $stride
              i32.mul
              i32.add
              local.get $j
              i32.const 8
              i32.mul
              i32.add
              local.set $pb
              local.get $p0
              local.get $i
              local.get $stride
              i32.mul
              i32.add
              local.get $j
              i32.const 8
              i32.mul
              i32.add
              local.set $pc
              local.get $kb
              i32.eqz
              if
                f64.const 0
                local.set $c0_0_2
              else
                local.get $pc
                f64.load
                local.set $c0_0_2
              end
              i32.const 256
              local.set $end
              loop
                local.get $pb
                f64.load
                local.set $b0_2
                local.get $pa
                f64.load
                local.set $a_2
                local.get $c0_0_2
                local.get $a_2
                local.get $b0_2
                f64.mul
                f64.add
                local.set $c0_0_2
                local.get $pa
                i32.const 8
                i32.add
                local.set $pa
                local.get $pb
                local.get $stride
                i32.add
                local.set $pb
                local.get $end
                i32.const 1
                i32.sub
                local.tee $end
                br_if 0
              end
              local.get $kb
              i32.const 256
              i32.add
              i32.const 12288
              i32.ge_u
              if
                local.get $p3
                local.set $pe0
                local.get $pe0
                f64.load
                local.set $in0_3
                local.get $c0_0_2
                local.set $r_3
                local.get $in0_3
                local.get $r_3
                f64.add
                local.set $out_3
                local.get $pc
                local.get $out_3
                f64.store
              else
                local.get $pc
                local.get $c0_0_2
                f64.store
              end
              local.get $j
              i32.const 1
              i32.add
              local.set $j
              br 0
            end
          end
          local.get $kb
          i32.const 256
          i32.add
          local.tee $kb
          i32.const 12288
          i32.lt_u
          br_if 0
        end
        br 1
      end
      i32.const 0
      local.set $kb
      loop
        local.get $kb
        i32.const 64
        i32.add
        i32.const 1
        i32.sub
        local.set $lr_1
        local.get $m_1
        i32.const 1
        i32.sub
        local.set $lc_1
        local.get $p2
        local.get $kb
        local.get $stride
        i32.mul
        i32.add
        local.set $pa
        local.get $p2
        local.get $lr_1
        local.get $stride
        i32.mul
        i32.add
        local.get $lc_1
        i32.const 8
        i32.mul
        i32.add
        local.set $end
        ;; read ahead: B's rows of this k block
        block
          local.get $m_1
          i32.eqz
          br_if 0
          local.get $end
          local.get $pa
          i32.sub
          i32.const 32768
          i32.lt_s
          br_if 0
          local.get $end
          local.get $pa
          i32.const 524288
          i32.add
          local.get $end
          local.get $pa
          i32.sub
          i32.const 524288
          i32.lt_u
          select
          local.set $end
          loop
            local.get $pa
            i32.load
            drop
            local.get $pa
            i32.const 64
            i32.add
            local.tee $pa
            local.get $end
            i32.le_u
            br_if 0
          end
        end
        i32.const 0
        local.set $i
        i32.const 0
        local.set $j
        block
          loop
            local.get $j
            i32.const 4
            i32.add
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 1 × 4 block of C (2 vectors)
            local.get $p1
            local.get $kb
            i32.const 8
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $kb
            local.get $stride
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $stride
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $kb
            i32.eqz
            if
              local.get $zero
              local.set $c0_0_3
              local.get $zero
              local.set $c0_1_1
            else
              local.get $pc
              v128.load align=8
              local.set $c0_0_3
              local.get $pc
              v128.load offset=16 align=8
              local.set $c0_1_1
            end
            i32.const 64
            local.set $end
            loop
              local.get $pb
              v128.load align=8
              local.set $b0_3
              local.get $pb
              v128.load offset=16 align=8
              local.set $b1_1
              local.get $pa
              v128.load64_splat
              local.set $a_3
              local.get $c0_0_3
              local.get $a_3
              local.get $b0_3
              f64x2.mul
              f64x2.add
              local.set $c0_0_3
              local.get $c0_1_1
              local.get $a_3
              local.get $b1_1
              f64x2.mul
              f64x2.add
              local.set $c0_1_1
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $stride
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $kb
            i32.const 64
            i32.add
            i32.const 12288
            i32.ge_u
            if
              local.get $p3
              local.set $pe0
              local.get $pe0
              v128.load64_splat
              local.set $in0_4
              local.get $c0_0_3
              local.set $r_4
              local.get $in0_4
              local.get $r_4
              f64x2.add
              local.set $out_4
              local.get $pc
              local.get $out_4
              v128.store align=8
              local.get $pe0
              v128.load64_splat
              local.set $in0_5
              local.get $c0_1_1
              local.set $r_5
              local.get $in0_5
              local.get $r_5
              f64x2.add
              local.set $out_5
              local.get $pc
              local.get $out_5
              v128.store offset=16 align=8
            else
              local.get $pc
              local.get $c0_0_3
              v128.store align=8
              local.get $pc
              local.get $c0_1_1
              v128.store offset=16 align=8
            end
            local.get $j
            i32.const 4
            i32.add
            local.set $j
            br 0
          end
        end
        block
          loop
            local.get $j
            i32.const 2
            i32.add
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 1 × 2 block of C (1 vectors)
            local.get $p1
            local.get $kb
            i32.const 8
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $kb
            local.get $stride
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $stride
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $kb
            i32.eqz
            if
              local.get $zero
              local.set $c0_0_4
            else
              local.get $pc
              v128.load align=8
              local.set $c0_0_4
            end
            i32.const 64
            local.set $end
            loop
              local.get $pb
              v128.load align=8
              local.set $b0_4
              local.get $pa
              v128.load64_splat
              local.set $a_4
              local.get $c0_0_4
              local.get $a_4
              local.get $b0_4
              f64x2.mul
              f64x2.add
              local.set $c0_0_4
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $stride
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $kb
            i32.const 64
            i32.add
            i32.const 12288
            i32.ge_u
            if
              local.get $p3
              local.set $pe0
              local.get $pe0
              v128.load64_splat
              local.set $in0_6
              local.get $c0_0_4
              local.set $r_6
              local.get $in0_6
              local.get $r_6
              f64x2.add
              local.set $out_6
              local.get $pc
              local.get $out_6
              v128.store align=8
            else
              local.get $pc
              local.get $c0_0_4
              v128.store align=8
            end
            local.get $j
            i32.const 2
            i32.add
            local.set $j
            br 0
          end
        end
        block
          loop
            local.get $j
            i32.const 1
            i32.add
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 1 × 1 block of C
            local.get $p1
            local.get $kb
            i32.const 8
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $kb
            local.get $stride
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $stride
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $kb
            i32.eqz
            if
              f64.const 0
              local.set $c0_0_5
            else
              local.get $pc
              f64.load
              local.set $c0_0_5
            end
            i32.const 64
            local.set $end
            loop
              local.get $pb
              f64.load
              local.set $b0_5
              local.get $pa
              f64.load
              local.set $a_5
              local.get $c0_0_5
              local.get $a_5
              local.get $b0_5
              f64.mul
              f64.add
              local.set $c0_0_5
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $stride
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $kb
            i32.const 64
            i32.add
            i32.const 12288
            i32.ge_u
            if
              local.get $p3
              local.set $pe0
              local.get $pe0
              f64.load
              local.set $in0_7
              local.get $c0_0_5
              local.set $r_7
              local.get $in0_7
              local.get $r_7
              f64.add
              local.set $out_7
              local.get $pc
              local.get $out_7
              f64.store
            else
              local.get $pc
              local.get $c0_0_5
              f64.store
            end
            local.get $j
            i32.const 1
            i32.add
            local.set $j
            br 0
          end
        end
        local.get $kb
        i32.const 64
        i32.add
        local.tee $kb
        i32.const 12288
        i32.lt_u
        br_if 0
      end
    end
  )
  (func $db (type 2) (param $m i32) (param $p0 i32) (param $p1 i32) (param $s0 f64)
    (local $i i32)
    (local $j i32)
    (local $p0_1 i32)
    (local $po i32)
    (local $sum f64)
    (local $acc0 v128)
    (local $acc1 v128)
    (local $acc2 v128)
    (local $acc3 v128)
    (local $zero v128)
    (local $n i32)
    (local $in0 v128)
    (local $in0_1 v128)
    (local $in0_2 v128)
    (local $in0_3 v128)
    (local $in0_4 v128)
    (local $in0_5 f64)
    (local $total v128)
    (local $v f64)
    (local $r f64)
    f64.const 0
    f64x2.splat
    local.set $zero
    local.get $m
    local.set $n
    ;; out[1] = Σ over 1·m (axis 1 summed), lanes form
    i32.const 0
    local.set $i
    f64.const 0
    local.set $sum
    local.get $zero
    local.set $acc0
    local.get $zero
    local.set $acc1
    local.get $zero
    local.set $acc2
    local.get $zero
    local.set $acc3
    i32.const 0
    local.set $j
    block
      loop
        local.get $j
        i32.const 8
        i32.add
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p1
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $p0_1
        local.get $acc0
        local.get $p0_1
        v128.load align=8
        local.set $in0
        local.get $in0
        f64x2.add
        local.set $acc0
        local.get $acc1
        local.get $p0_1
        v128.load offset=16 align=8
        local.set $in0_1
        local.get $in0_1
        f64x2.add
        local.set $acc1
        local.get $acc2
        local.get $p0_1
        v128.load offset=32 align=8
        local.set $in0_2
        local.get $in0_2
        f64x2.add
        local.set $acc2
        local.get $acc3
        local.get $p0_1
        v128.load offset=48 align=8
        local.set $in0_3
        local.get $in0_3
        f64x2.add
        local.set $acc3
        local.get $j
        i32.const 8
        i32.add
        local.set $j
        br 0
      end
    end
    block
      loop
        local.get $j
        i32.const 2
        i32.add
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p1
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $p0_1
        local.get $acc0
        local.get $p0_1
        v128.load align=8
        local.set $in0_4
        local.get $in0_4
        f64x2.add
        local.set $acc0
        local.get $j
        i32.const 2
        i32.add
        local.set $j
        br 0
      end
    end
    block
      loop
        local.get $j
        i32.const 1
        i32.add
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p1
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $p0_1
        local.get $sum
        local.get $p0_1
        f64.load
        local.set $in0_5
        local.get $in0_5
        f64.add
        local.set $sum
        local.get $j
        i32.const 1
        i32.add
        local.set $j
        br 0
      end
    end
    local.get $acc0
    local.get $acc1
    f64x2.add
    local.get $acc2
    local.get $acc3
    f64x2.add
    f64x2.add
    local.set $total
    local.get $total
    f64x2.extract_lane 0
    local.get $total
    f64x2.extract_lane 1
    f64.add
    local.get $sum
    f64.add
    local.set $sum
    local.get $p0
    local.get $i
    i32.const 8
    i32.mul
    i32.add
    local.set $po
    local.get $sum
    local.set $r
    local.get $s0
    local.get $r
    f64.mul
    local.set $v
    local.get $po
    local.get $v
    f64.store
    i32.const 1
    local.set $i
  )
  (func $dw (type 3) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $s0 f64)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $next i32)
    (local $lr i32)
    (local $lc i32)
    (local $k i32)
    (local $stride i32)
    (local $c0_0 v128)
    (local $c1_0 v128)
    (local $zero v128)
    (local $b0 v128)
    (local $a v128)
    (local $s0_0 f64)
    (local $s1_0 f64)
    (local $tb0 f64)
    (local $ta f64)
    (local $ta_1 f64)
    (local $out f64)
    (local $r f64)
    (local $out_1 f64)
    (local $r_1 f64)
    local.get $m
    local.set $k
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    f64.const 0
    f64x2.splat
    local.set $zero
    ;; C (12288 × 1) = A·B, k = 1·m, dot form
    i32.const 0
    local.set $next
    i32.const 0
    local.set $j
    local.get $j
    local.get $next
    i32.ge_u
    if
      ;; read ahead: B's next 64 columns
      local.get $k
      i32.const 1
      i32.sub
      local.set $lr
      local.get $j
      i32.const 64
      i32.add
      local.set $next
      local.get $next
      i32.const 1
      local.get $next
      i32.const 1
      i32.lt_u
      select
      i32.const 1
      i32.sub
      local.set $lc
      local.get $p2
      local.set $pa
      local.get $p2
      local.get $lr
      i32.const 8
      i32.mul
      i32.add
      local.set $end
      block
        local.get $k
        i32.eqz
        br_if 0
        local.get $end
        local.get $pa
        i32.sub
        i32.const 32768
        i32.lt_s
        br_if 0
        local.get $end
        local.get $pa
        i32.const 524288
        i32.add
        local.get $end
        local.get $pa
        i32.sub
        i32.const 524288
        i32.lt_u
        select
        local.set $end
        loop
          local.get $pa
          i32.load
          drop
          local.get $pa
          i32.const 64
          i32.add
          local.tee $pa
          local.get $end
          i32.le_u
          br_if 0
        end
      end
    end
    i32.const 0
    local.set $i
    loop
      ;; 2 × 1 block of C (dot products along k)
      local.get $p1
      local.get $i
      local.get $stride
      i32.mul
      i32.add
      local.set $pa
      local.get $p2
      local.set $pb
      local.get $p0
      local.get $i
      i32.const 8
      i32.mul
      i32.add
      local.get $j
      i32.const 8
      i32.mul
      i32.add
      local.set $pc
      local.get $zero
      local.set $c0_0
      local.get $zero
      local.set $c1_0
      local.get $pa
      local.get $k
      i32.const -2
      i32.and
      i32.const 8
      i32.mul
      i32.add
      local.set $end
      block
        local.get $pa
        local.get $end
        i32.ge_u
        br_if 0
        loop
          local.get $pb
          v128.load align=8
          local.set $b0
          local.get $pa
          v128.load align=8
          local.set $a
          local.get $c0_0
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c0_0
          local.get $pa
          local.get $stride
          i32.add
          v128.load align=8
          local.set $a
          local.get $c1_0
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c1_0
          local.get $pa
          i32.const 16
          i32.add
          local.set $pa
          local.get $pb
          i32.const 16
          i32.add
          local.set $pb
          local.get $pa
          local.get $end
          i32.lt_u
          br_if 0
        end
      end
      local.get $c0_0
      f64x2.extract_lane 0
      local.get $c0_0
      f64x2.extract_lane 1
      f64.add
      local.set $s0_0
      local.get $c1_0
      f64x2.extract_lane 0
      local.get $c1_0
      f64x2.extract_lane 1
      f64.add
      local.set $s1_0
      local.get $pa
      local.get $k
      i32.const 1
      i32.and
      i32.const 8
      i32.mul
      i32.add
      local.set $end
      block
        local.get $pa
        local.get $end
        i32.ge_u
        br_if 0
        loop
          local.get $pb
          f64.load
          local.set $tb0
          local.get $pa
          f64.load
          local.set $ta
          local.get $s0_0
          local.get $ta
          local.get $tb0
          f64.mul
          f64.add
          local.set $s0_0
          local.get $pa
          local.get $stride
          i32.add
          f64.load
          local.set $ta_1
          local.get $s1_0
          local.get $ta_1
          local.get $tb0
          f64.mul
          f64.add
          local.set $s1_0
          local.get $pa
          i32.const 8
          i32.add
          local.set $pa
          local.get $pb
          i32.const 8
          i32.add
          local.set $pb
          local.get $pa
          local.get $end
          i32.lt_u
          br_if 0
        end
      end
      local.get $s0_0
      local.set $r
      local.get $s0
      local.get $r
      f64.mul
      local.set $out
      local.get $pc
      local.get $out
      f64.store
      local.get $s1_0
      local.set $r_1
      local.get $s0
      local.get $r_1
      f64.mul
      local.set $out_1
      local.get $pc
      local.get $out_1
      f64.store offset=8
      local.get $i
      i32.const 2
      i32.add
      local.tee $i
      i32.const 12288
      i32.lt_u
      br_if 0
    end
  )
  (func $b_next (type 4) (param $p0 i32) (param $p1 i32) (param $s0 f64) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $v f64)
    (local $in1 f64)
    (local $in0 f64)
    ;; elementwise over [1]
    i32.const 0
    local.set $i0
    local.get $p0
    local.get $i0
    i32.const 8
    i32.mul
    i32.add
    local.set $po
    local.get $p1
    local.set $p0_1
    local.get $p2
    local.set $p1_1
    local.get $p1_1
    f64.load
    local.set $in1
    local.get $p0_1
    f64.load
    local.set $in0
    local.get $in1
    local.get $in0
    local.get $s0
    f64.mul
    f64.sub
    local.set $v
    local.get $po
    local.get $v
    f64.store
  )
  (func $w_next (type 4) (param $p0 i32) (param $p1 i32) (param $s0 f64) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $v f64)
    (local $in1 f64)
    (local $in0 f64)
    ;; elementwise over [12288, 1]
    i32.const 0
    local.set $i0
    loop
      i32.const 0
      local.set $i1
      local.get $p0
      local.get $i0
      i32.const 8
      i32.mul
      i32.add
      local.get $i1
      i32.const 8
      i32.mul
      i32.add
      local.set $po
      local.get $p1
      local.get $i0
      i32.const 8
      i32.mul
      i32.add
      local.set $p0_1
      local.get $p2
      local.get $i0
      i32.const 8
      i32.mul
      i32.add
      local.set $p1_1
      local.get $p1_1
      f64.load
      local.set $in1
      local.get $p0_1
      f64.load
      local.set $in0
      local.get $in1
      local.get $in0
      local.get $s0
      f64.mul
      f64.sub
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 12288
      i32.lt_u
      br_if 0
    end
  )
  (export "Z" (func $Z))
  (export "db" (func $db))
  (export "dw" (func $dw))
  (export "b_next" (func $b_next))
  (export "w_next" (func $w_next))
  (export "Z_2" (func $Z))
)
