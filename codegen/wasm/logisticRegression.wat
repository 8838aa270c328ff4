(module
  (type (;0;) (func (param i32 i32 i32 i32 i32)))
  (type (;1;) (func (param i32 i32 i32 f64)))
  (type (;2;) (func (param i32 i32 i32 i32 f64)))
  (type (;3;) (func (param i32 i32 f64 i32)))
  (type (;4;) (func (param i32 i32 i32 i32)))
  (type (;5;) (func (param i32 i32 i32 f64 f64 i32)))
  (type (;6;) (func (param i32 i32 i32 i32 f64 f64 i32 i32)))
  (import "env" "memory" (memory 1))
  (func $Z (type 0) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32)
    (local $p i32)
    (local $j i32)
    (local $pb i32)
    (local $q i32)
    (local $pc i32)
    (local $a0 v128)
    (local $a1 v128)
    (local $a2 v128)
    (local $a3 v128)
    (local $a4 v128)
    (local $a5 v128)
    (local $a6 v128)
    (local $a7 v128)
    (local $zero v128)
    (local $n i32)
    (local $z v128)
    (local $z_1 v128)
    (local $z_2 v128)
    (local $z_3 f64)
    (local $as0 f64)
    (local $as1 f64)
    (local $as2 f64)
    (local $as3 f64)
    (local $as4 f64)
    (local $as5 f64)
    (local $as6 f64)
    (local $as7 f64)
    (local $stride i32)
    (local $c v128)
    (local $off i32)
    (local $off_1 i32)
    (local $off_2 i32)
    (local $off_3 i32)
    (local $off_4 i32)
    (local $off_5 i32)
    (local $c_1 v128)
    (local $c_2 v128)
    (local $c_3 f64)
    (local $pe0 i32)
    (local $out v128)
    (local $in0 v128)
    (local $r v128)
    (local $out_1 v128)
    (local $in0_1 v128)
    (local $r_1 v128)
    (local $out_2 v128)
    (local $in0_2 v128)
    (local $r_2 v128)
    (local $out_3 f64)
    (local $in0_3 f64)
    (local $r_3 f64)
    f64.const 0
    f64x2.splat
    local.set $zero
    local.get $m
    local.set $n
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    local.get $m
    i32.const 16
    i32.mul
    local.set $off
    local.get $m
    i32.const 24
    i32.mul
    local.set $off_1
    local.get $m
    i32.const 32
    i32.mul
    local.set $off_2
    local.get $m
    i32.const 40
    i32.mul
    local.set $off_3
    local.get $m
    i32.const 48
    i32.mul
    local.set $off_4
    local.get $m
    i32.const 56
    i32.mul
    local.set $off_5
    ;; C (1 × 1·m) = A·B, k = 12288, streamed rows form, 8 rows of B per pass
    i32.const 0
    local.set $j
    block
      loop
        local.get $j
        i32.const 4
        i32.add
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p0
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        local.get $zero
        local.set $z
        local.get $pc
        local.get $z
        v128.store align=8
        local.get $zero
        local.set $z_1
        local.get $pc
        local.get $z_1
        v128.store offset=16 align=8
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
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p0
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        local.get $zero
        local.set $z_2
        local.get $pc
        local.get $z_2
        v128.store align=8
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
        local.get $p0
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        f64.const 0
        local.set $z_3
        local.get $pc
        local.get $z_3
        f64.store
        local.get $j
        i32.const 1
        i32.add
        local.set $j
        br 0
      end
    end
    i32.const 0
    local.set $p
    loop
      local.get $p2
      local.get $p
      local.get $stride
      i32.mul
      i32.add
      local.set $pb
      local.get $p1
      local.get $p
      i32.const 8
      i32.mul
      i32.add
      local.set $q
      local.get $q
      v128.load64_splat
      local.set $a0
      local.get $q
      f64.load
      local.set $as0
      local.get $q
      v128.load64_splat offset=8
      local.set $a1
      local.get $q
      f64.load offset=8
      local.set $as1
      local.get $q
      v128.load64_splat offset=16
      local.set $a2
      local.get $q
      f64.load offset=16
      local.set $as2
      local.get $q
      v128.load64_splat offset=24
      local.set $a3
      local.get $q
      f64.load offset=24
      local.set $as3
      local.get $q
      v128.load64_splat offset=32
      local.set $a4
      local.get $q
      f64.load offset=32
      local.set $as4
      local.get $q
      v128.load64_splat offset=40
      local.set $a5
      local.get $q
      f64.load offset=40
      local.set $as5
      local.get $q
      v128.load64_splat offset=48
      local.set $a6
      local.get $q
      f64.load offset=48
      local.set $as6
      local.get $q
      v128.load64_splat offset=56
      local.set $a7
      local.get $q
      f64.load offset=56
      local.set $as7
      i32.const 0
      local.set $j
      block
        loop
          local.get $j
          i32.const 4
          i32.add
          local.get $n
          i32.gt_u
          br_if 1
          local.get $p0
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $pb
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          v128.load align=8
          local.get $q
          v128.load align=8
          local.get $a0
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $stride
          i32.add
          v128.load align=8
          local.get $a1
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off
          i32.add
          v128.load align=8
          local.get $a2
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_1
          i32.add
          v128.load align=8
          local.get $a3
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_2
          i32.add
          v128.load align=8
          local.get $a4
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_3
          i32.add
          v128.load align=8
          local.get $a5
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_4
          i32.add
          v128.load align=8
          local.get $a6
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_5
          i32.add
          v128.load align=8
          local.get $a7
          f64x2.mul
          f64x2.add
          local.set $c
          local.get $pc
          local.get $c
          v128.store align=8
          local.get $pb
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          v128.load offset=16 align=8
          local.get $q
          v128.load offset=16 align=8
          local.get $a0
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $stride
          i32.add
          v128.load offset=16 align=8
          local.get $a1
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off
          i32.add
          v128.load offset=16 align=8
          local.get $a2
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_1
          i32.add
          v128.load offset=16 align=8
          local.get $a3
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_2
          i32.add
          v128.load offset=16 align=8
          local.get $a4
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_3
          i32.add
          v128.load offset=16 align=8
          local.get $a5
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_4
          i32.add
          v128.load offset=16 align=8
          local.get $a6
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_5
          i32.add
          v128.load offset=16 align=8
          local.get $a7
          f64x2.mul
          f64x2.add
          local.set $c_1
          local.get $pc
          local.get $c_1
          v128.store offset=16 align=8
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
          local.get $n
          i32.gt_u
          br_if 1
          local.get $p0
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $pb
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          v128.load align=8
          local.get $q
          v128.load align=8
          local.get $a0
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $stride
          i32.add
          v128.load align=8
          local.get $a1
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off
          i32.add
          v128.load align=8
          local.get $a2
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_1
          i32.add
          v128.load align=8
          local.get $a3
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_2
          i32.add
          v128.load align=8
          local.get $a4
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_3
          i32.add
          v128.load align=8
          local.get $a5
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_4
          i32.add
          v128.load align=8
          local.get $a6
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_5
          i32.add
          v128.load align=8
          local.get $a7
          f64x2.mul
          f64x2.add
          local.set $c_2
          local.get $pc
          local.get $c_2
          v128.store align=8
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
          local.get $p0
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $pb
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          f64.load
          local.get $q
          f64.load
          local.get $as0
          f64.mul
          f64.add
          local.get $q
          local.get $stride
          i32.add
          f64.load
          local.get $as1
          f64.mul
          f64.add
          local.get $q
          local.get $off
          i32.add
          f64.load
          local.get $as2
          f64.mul
          f64.add
          local.get $q
          local.get $off_1
          i32.add
          f64.load
          local.get $as3
          f64.mul
          f64.add
          local.get $q
          local.get $off_2
          i32.add
          f64.load
          local.get $as4
          f64.mul
          f64.add
          local.get $q
          local.get $off_3
          i32.add
          f64.load
          local.get $as5
          f64.mul
          f64.add
          local.get $q
          local.get $off_4
          i32.add
          f64.load
          local.get $as6
          f64.mul
          f64.add
          local.get $q
          local.get $off_5
          i32.add
          f64.load
          local.get $as7
          f64.mul
          f64.add
          local.set $c_3
          local.get $pc
          local.get $c_3
          f64.store
          local.get $j
          i32.const 1
          i32.add
          local.set $j
          br 0
        end
      end
      local.get $p
      i32.const 8
      i32.add
      local.tee $p
      i32.const 12288
      i32.lt_u
      br_if 0
    end
    i32.const 0
    local.set $j
    block
      loop
        local.get $j
        i32.const 4
        i32.add
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p0
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        local.get $p3
        local.set $pe0
        local.get $pe0
        v128.load64_splat
        local.set $in0
        local.get $pc
        v128.load align=8
        local.set $r
        local.get $in0
        local.get $r
        f64x2.add
        local.set $out
        local.get $pc
        local.get $out
        v128.store align=8
        local.get $p3
        local.set $pe0
        local.get $pe0
        v128.load64_splat
        local.set $in0_1
        local.get $pc
        v128.load offset=16 align=8
        local.set $r_1
        local.get $in0_1
        local.get $r_1
        f64x2.add
        local.set $out_1
        local.get $pc
        local.get $out_1
        v128.store offset=16 align=8
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
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p0
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        local.get $p3
        local.set $pe0
        local.get $pe0
        v128.load64_splat
        local.set $in0_2
        local.get $pc
        v128.load align=8
        local.set $r_2
        local.get $in0_2
        local.get $r_2
        f64x2.add
        local.set $out_2
        local.get $pc
        local.get $out_2
        v128.store align=8
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
        local.get $p0
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        local.get $p3
        local.set $pe0
        local.get $pe0
        f64.load
        local.set $in0_3
        local.get $pc
        f64.load
        local.set $r_3
        local.get $in0_3
        local.get $r_3
        f64.add
        local.set $out_3
        local.get $pc
        local.get $out_3
        f64.store
        local.get $j
        i32.const 1
        i32.add
        local.set $j
        br 0
      end
    end
  )
  (func $db (type 1) (param $m i32) (param $p0 i32) (param $p1 i32) (param $s0 f64)
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
  (func $dw (type 2) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $s0 f64)
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
    (local $c2_0 v128)
    (local $c3_0 v128)
    (local $c4_0 v128)
    (local $c5_0 v128)
    (local $zero v128)
    (local $b0 v128)
    (local $a v128)
    (local $off i32)
    (local $off_1 i32)
    (local $off_2 i32)
    (local $off_3 i32)
    (local $s0_0 f64)
    (local $s1_0 f64)
    (local $s2_0 f64)
    (local $s3_0 f64)
    (local $s4_0 f64)
    (local $s5_0 f64)
    (local $tb0 f64)
    (local $ta f64)
    (local $ta_1 f64)
    (local $ta_2 f64)
    (local $ta_3 f64)
    (local $ta_4 f64)
    (local $ta_5 f64)
    (local $out f64)
    (local $r f64)
    (local $out_1 f64)
    (local $r_1 f64)
    (local $out_2 f64)
    (local $r_2 f64)
    (local $out_3 f64)
    (local $r_3 f64)
    (local $out_4 f64)
    (local $r_4 f64)
    (local $out_5 f64)
    (local $r_5 f64)
    local.get $m
    local.set $k
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    f64.const 0
    f64x2.splat
    local.set $zero
    local.get $m
    i32.const 16
    i32.mul
    local.set $off
    local.get $m
    i32.const 24
    i32.mul
    local.set $off_1
    local.get $m
    i32.const 32
    i32.mul
    local.set $off_2
    local.get $m
    i32.const 40
    i32.mul
    local.set $off_3
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
      ;; 6 × 1 block of C (dot products along k)
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
      local.get $zero
      local.set $c2_0
      local.get $zero
      local.set $c3_0
      local.get $zero
      local.set $c4_0
      local.get $zero
      local.set $c5_0
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
          local.get $off
          i32.add
          v128.load align=8
          local.set $a
          local.get $c2_0
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c2_0
          local.get $pa
          local.get $off_1
          i32.add
          v128.load align=8
          local.set $a
          local.get $c3_0
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c3_0
          local.get $pa
          local.get $off_2
          i32.add
          v128.load align=8
          local.set $a
          local.get $c4_0
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c4_0
          local.get $pa
          local.get $off_3
          i32.add
          v128.load align=8
          local.set $a
          local.get $c5_0
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c5_0
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
      local.get $c2_0
      f64x2.extract_lane 0
      local.get $c2_0
      f64x2.extract_lane 1
      f64.add
      local.set $s2_0
      local.get $c3_0
      f64x2.extract_lane 0
      local.get $c3_0
      f64x2.extract_lane 1
      f64.add
      local.set $s3_0
      local.get $c4_0
      f64x2.extract_lane 0
      local.get $c4_0
      f64x2.extract_lane 1
      f64.add
      local.set $s4_0
      local.get $c5_0
      f64x2.extract_lane 0
      local.get $c5_0
      f64x2.extract_lane 1
      f64.add
      local.set $s5_0
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
          local.get $off
          i32.add
          f64.load
          local.set $ta_2
          local.get $s2_0
          local.get $ta_2
          local.get $tb0
          f64.mul
          f64.add
          local.set $s2_0
          local.get $pa
          local.get $off_1
          i32.add
          f64.load
          local.set $ta_3
          local.get $s3_0
          local.get $ta_3
          local.get $tb0
          f64.mul
          f64.add
          local.set $s3_0
          local.get $pa
          local.get $off_2
          i32.add
          f64.load
          local.set $ta_4
          local.get $s4_0
          local.get $ta_4
          local.get $tb0
          f64.mul
          f64.add
          local.set $s4_0
          local.get $pa
          local.get $off_3
          i32.add
          f64.load
          local.set $ta_5
          local.get $s5_0
          local.get $ta_5
          local.get $tb0
          f64.mul
          f64.add
          local.set $s5_0
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
      local.get $s2_0
      local.set $r_2
      local.get $s0
      local.get $r_2
      f64.mul
      local.set $out_2
      local.get $pc
      local.get $out_2
      f64.store offset=16
      local.get $s3_0
      local.set $r_3
      local.get $s0
      local.get $r_3
      f64.mul
      local.set $out_3
      local.get $pc
      local.get $out_3
      f64.store offset=24
      local.get $s4_0
      local.set $r_4
      local.get $s0
      local.get $r_4
      f64.mul
      local.set $out_4
      local.get $pc
      local.get $out_4
      f64.store offset=32
      local.get $s5_0
      local.set $r_5
      local.get $s0
      local.get $r_5
      f64.mul
      local.set $out_5
      local.get $pc
      local.get $out_5
      f64.store offset=40
      local.get $i
      i32.const 6
      i32.add
      local.tee $i
      i32.const 12288
      i32.lt_u
      br_if 0
    end
    i32.const 1
    local.set $j
  )
  (func $b_next (type 3) (param $p0 i32) (param $p1 i32) (param $s0 f64) (param $p2 i32)
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
  (func $w_next (type 3) (param $p0 i32) (param $p1 i32) (param $s0 f64) (param $p2 i32)
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
  (func $XProduct (type 4) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $p i32)
    (local $j i32)
    (local $pb i32)
    (local $q i32)
    (local $pc i32)
    (local $a0 v128)
    (local $a1 v128)
    (local $a2 v128)
    (local $a3 v128)
    (local $a4 v128)
    (local $a5 v128)
    (local $a6 v128)
    (local $a7 v128)
    (local $zero v128)
    (local $n i32)
    (local $z v128)
    (local $z_1 v128)
    (local $z_2 v128)
    (local $z_3 f64)
    (local $as0 f64)
    (local $as1 f64)
    (local $as2 f64)
    (local $as3 f64)
    (local $as4 f64)
    (local $as5 f64)
    (local $as6 f64)
    (local $as7 f64)
    (local $stride i32)
    (local $c v128)
    (local $off i32)
    (local $off_1 i32)
    (local $off_2 i32)
    (local $off_3 i32)
    (local $off_4 i32)
    (local $off_5 i32)
    (local $c_1 v128)
    (local $c_2 v128)
    (local $c_3 f64)
    f64.const 0
    f64x2.splat
    local.set $zero
    local.get $m
    local.set $n
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    local.get $m
    i32.const 16
    i32.mul
    local.set $off
    local.get $m
    i32.const 24
    i32.mul
    local.set $off_1
    local.get $m
    i32.const 32
    i32.mul
    local.set $off_2
    local.get $m
    i32.const 40
    i32.mul
    local.set $off_3
    local.get $m
    i32.const 48
    i32.mul
    local.set $off_4
    local.get $m
    i32.const 56
    i32.mul
    local.set $off_5
    ;; C (1 × 1·m) = A·B, k = 12288, streamed rows form, 8 rows of B per pass
    i32.const 0
    local.set $j
    block
      loop
        local.get $j
        i32.const 4
        i32.add
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p0
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        local.get $zero
        local.set $z
        local.get $pc
        local.get $z
        v128.store align=8
        local.get $zero
        local.set $z_1
        local.get $pc
        local.get $z_1
        v128.store offset=16 align=8
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
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p0
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        local.get $zero
        local.set $z_2
        local.get $pc
        local.get $z_2
        v128.store align=8
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
        local.get $p0
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        f64.const 0
        local.set $z_3
        local.get $pc
        local.get $z_3
        f64.store
        local.get $j
        i32.const 1
        i32.add
        local.set $j
        br 0
      end
    end
    i32.const 0
    local.set $p
    loop
      local.get $p2
      local.get $p
      local.get $stride
      i32.mul
      i32.add
      local.set $pb
      local.get $p1
      local.get $p
      i32.const 8
      i32.mul
      i32.add
      local.set $q
      local.get $q
      v128.load64_splat
      local.set $a0
      local.get $q
      f64.load
      local.set $as0
      local.get $q
      v128.load64_splat offset=8
      local.set $a1
      local.get $q
      f64.load offset=8
      local.set $as1
      local.get $q
      v128.load64_splat offset=16
      local.set $a2
      local.get $q
      f64.load offset=16
      local.set $as2
      local.get $q
      v128.load64_splat offset=24
      local.set $a3
      local.get $q
      f64.load offset=24
      local.set $as3
      local.get $q
      v128.load64_splat offset=32
      local.set $a4
      local.get $q
      f64.load offset=32
      local.set $as4
      local.get $q
      v128.load64_splat offset=40
      local.set $a5
      local.get $q
      f64.load offset=40
      local.set $as5
      local.get $q
      v128.load64_splat offset=48
      local.set $a6
      local.get $q
      f64.load offset=48
      local.set $as6
      local.get $q
      v128.load64_splat offset=56
      local.set $a7
      local.get $q
      f64.load offset=56
      local.set $as7
      i32.const 0
      local.set $j
      block
        loop
          local.get $j
          i32.const 4
          i32.add
          local.get $n
          i32.gt_u
          br_if 1
          local.get $p0
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $pb
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          v128.load align=8
          local.get $q
          v128.load align=8
          local.get $a0
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $stride
          i32.add
          v128.load align=8
          local.get $a1
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off
          i32.add
          v128.load align=8
          local.get $a2
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_1
          i32.add
          v128.load align=8
          local.get $a3
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_2
          i32.add
          v128.load align=8
          local.get $a4
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_3
          i32.add
          v128.load align=8
          local.get $a5
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_4
          i32.add
          v128.load align=8
          local.get $a6
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_5
          i32.add
          v128.load align=8
          local.get $a7
          f64x2.mul
          f64x2.add
          local.set $c
          local.get $pc
          local.get $c
          v128.store align=8
          local.get $pb
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          v128.load offset=16 align=8
          local.get $q
          v128.load offset=16 align=8
          local.get $a0
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $stride
          i32.add
          v128.load offset=16 align=8
          local.get $a1
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off
          i32.add
          v128.load offset=16 align=8
          local.get $a2
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_1
          i32.add
          v128.load offset=16 align=8
          local.get $a3
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_2
          i32.add
          v128.load offset=16 align=8
          local.get $a4
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_3
          i32.add
          v128.load offset=16 align=8
          local.get $a5
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_4
          i32.add
          v128.load offset=16 align=8
          local.get $a6
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_5
          i32.add
          v128.load offset=16 align=8
          local.get $a7
          f64x2.mul
          f64x2.add
          local.set $c_1
          local.get $pc
          local.get $c_1
          v128.store offset=16 align=8
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
          local.get $n
          i32.gt_u
          br_if 1
          local.get $p0
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $pb
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          v128.load align=8
          local.get $q
          v128.load align=8
          local.get $a0
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $stride
          i32.add
          v128.load align=8
          local.get $a1
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off
          i32.add
          v128.load align=8
          local.get $a2
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_1
          i32.add
          v128.load align=8
          local.get $a3
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_2
          i32.add
          v128.load align=8
          local.get $a4
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_3
          i32.add
          v128.load align=8
          local.get $a5
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_4
          i32.add
          v128.load align=8
          local.get $a6
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_5
          i32.add
          v128.load align=8
          local.get $a7
          f64x2.mul
          f64x2.add
          local.set $c_2
          local.get $pc
          local.get $c_2
          v128.store align=8
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
          local.get $p0
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $pb
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          f64.load
          local.get $q
          f64.load
          local.get $as0
          f64.mul
          f64.add
          local.get $q
          local.get $stride
          i32.add
          f64.load
          local.get $as1
          f64.mul
          f64.add
          local.get $q
          local.get $off
          i32.add
          f64.load
          local.get $as2
          f64.mul
          f64.add
          local.get $q
          local.get $off_1
          i32.add
          f64.load
          local.get $as3
          f64.mul
          f64.add
          local.get $q
          local.get $off_2
          i32.add
          f64.load
          local.get $as4
          f64.mul
          f64.add
          local.get $q
          local.get $off_3
          i32.add
          f64.load
          local.get $as5
          f64.mul
          f64.add
          local.get $q
          local.get $off_4
          i32.add
          f64.load
          local.get $as6
          f64.mul
          f64.add
          local.get $q
          local.get $off_5
          i32.add
          f64.load
          local.get $as7
          f64.mul
          f64.add
          local.set $c_3
          local.get $pc
          local.get $c_3
          f64.store
          local.get $j
          i32.const 1
          i32.add
          local.set $j
          br 0
        end
      end
      local.get $p
      i32.const 8
      i32.add
      local.tee $p
      i32.const 12288
      i32.lt_u
      br_if 0
    end
  )
  (func $Z_3 (type 4) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $n i32)
    (local $stride i32)
    (local $v v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $v_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $v_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $v_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    (local $v_4 v128)
    (local $in0_4 v128)
    (local $in1_4 v128)
    (local $v_5 f64)
    (local $in0_5 f64)
    (local $in1_5 f64)
    local.get $m
    local.set $n
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    ;; elementwise over [1, 1·m]
    i32.const 0
    local.set $i0
    i32.const 0
    local.set $i1
    block
      loop
        local.get $i1
        i32.const 8
        i32.add
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p0
        local.get $i0
        local.get $stride
        i32.mul
        i32.add
        local.get $i1
        i32.const 8
        i32.mul
        i32.add
        local.set $po
        local.get $p1
        local.get $i1
        i32.const 8
        i32.mul
        i32.add
        local.set $p0_1
        local.get $p2
        local.set $p1_1
        local.get $p0_1
        v128.load align=8
        local.set $in0
        local.get $p1_1
        v128.load64_splat
        local.set $in1
        local.get $in0
        local.get $in1
        f64x2.add
        local.set $v
        local.get $po
        local.get $v
        v128.store align=8
        local.get $p0_1
        v128.load offset=16 align=8
        local.set $in0_1
        local.get $p1_1
        v128.load64_splat
        local.set $in1_1
        local.get $in0_1
        local.get $in1_1
        f64x2.add
        local.set $v_1
        local.get $po
        local.get $v_1
        v128.store offset=16 align=8
        local.get $p0_1
        v128.load offset=32 align=8
        local.set $in0_2
        local.get $p1_1
        v128.load64_splat
        local.set $in1_2
        local.get $in0_2
        local.get $in1_2
        f64x2.add
        local.set $v_2
        local.get $po
        local.get $v_2
        v128.store offset=32 align=8
        local.get $p0_1
        v128.load offset=48 align=8
        local.set $in0_3
        local.get $p1_1
        v128.load64_splat
        local.set $in1_3
        local.get $in0_3
        local.get $in1_3
        f64x2.add
        local.set $v_3
        local.get $po
        local.get $v_3
        v128.store offset=48 align=8
        local.get $i1
        i32.const 8
        i32.add
        local.set $i1
        br 0
      end
    end
    block
      loop
        local.get $i1
        i32.const 2
        i32.add
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p0
        local.get $i0
        local.get $stride
        i32.mul
        i32.add
        local.get $i1
        i32.const 8
        i32.mul
        i32.add
        local.set $po
        local.get $p1
        local.get $i1
        i32.const 8
        i32.mul
        i32.add
        local.set $p0_1
        local.get $p2
        local.set $p1_1
        local.get $p0_1
        v128.load align=8
        local.set $in0_4
        local.get $p1_1
        v128.load64_splat
        local.set $in1_4
        local.get $in0_4
        local.get $in1_4
        f64x2.add
        local.set $v_4
        local.get $po
        local.get $v_4
        v128.store align=8
        local.get $i1
        i32.const 2
        i32.add
        local.set $i1
        br 0
      end
    end
    block
      loop
        local.get $i1
        i32.const 1
        i32.add
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p0
        local.get $i0
        local.get $stride
        i32.mul
        i32.add
        local.get $i1
        i32.const 8
        i32.mul
        i32.add
        local.set $po
        local.get $p1
        local.get $i1
        i32.const 8
        i32.mul
        i32.add
        local.set $p0_1
        local.get $p2
        local.set $p1_1
        local.get $p0_1
        f64.load
        local.set $in0_5
        local.get $p1_1
        f64.load
        local.set $in1_5
        local.get $in0_5
        local.get $in1_5
        f64.add
        local.set $v_5
        local.get $po
        local.get $v_5
        f64.store
        local.get $i1
        i32.const 1
        i32.add
        local.set $i1
        br 0
      end
    end
    i32.const 1
    local.set $i0
  )
  (func $b_next_2 (type 5) (param $m i32) (param $p0 i32) (param $p1 i32) (param $s0 f64) (param $s1 f64) (param $p2 i32)
    (local $i i32)
    (local $j i32)
    (local $p0_1 i32)
    (local $po i32)
    (local $pe0 i32)
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
    (local $in0_6 f64)
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
    local.get $p2
    local.set $pe0
    local.get $pe0
    f64.load
    local.set $in0_6
    local.get $sum
    local.set $r
    local.get $in0_6
    local.get $s1
    local.get $s0
    local.get $r
    f64.mul
    f64.mul
    f64.sub
    local.set $v
    local.get $po
    local.get $v
    f64.store
    i32.const 1
    local.set $i
  )
  (func $w_next_2 (type 6) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $s0 f64) (param $s1 f64) (param $p3 i32) (param $p4 i32)
    (local $i i32)
    (local $j i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $q i32)
    (local $pe0 i32)
    (local $zero v128)
    (local $n i32)
    (local $z v128)
    (local $z_1 v128)
    (local $z_2 v128)
    (local $z_3 f64)
    (local $stride i32)
    (local $c0 v128)
    (local $c1 v128)
    (local $c2 v128)
    (local $c3 v128)
    (local $c4 v128)
    (local $c5 v128)
    (local $b0 v128)
    (local $a v128)
    (local $off i32)
    (local $off_1 i32)
    (local $off_2 i32)
    (local $off_3 i32)
    (local $s0_1 f64)
    (local $s1_1 f64)
    (local $s2 f64)
    (local $s3 f64)
    (local $s4 f64)
    (local $s5 f64)
    (local $tb0 f64)
    (local $ta f64)
    (local $ta_1 f64)
    (local $ta_2 f64)
    (local $ta_3 f64)
    (local $ta_4 f64)
    (local $ta_5 f64)
    (local $w0 f64)
    (local $in0 f64)
    (local $r f64)
    (local $w1 f64)
    (local $in0_1 f64)
    (local $r_1 f64)
    (local $w2 f64)
    (local $in0_2 f64)
    (local $r_2 f64)
    (local $w3 f64)
    (local $in0_3 f64)
    (local $r_3 f64)
    (local $w4 f64)
    (local $in0_4 f64)
    (local $r_4 f64)
    (local $w5 f64)
    (local $in0_5 f64)
    (local $r_5 f64)
    (local $a0 v128)
    (local $a1 v128)
    (local $a2 v128)
    (local $a3 v128)
    (local $a4 v128)
    (local $a5 v128)
    (local $row i32)
    (local $c v128)
    (local $c_1 v128)
    (local $c_2 v128)
    (local $c_3 f64)
    f64.const 0
    f64x2.splat
    local.set $zero
    local.get $m
    local.set $n
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    local.get $m
    i32.const 16
    i32.mul
    local.set $off
    local.get $m
    i32.const 24
    i32.mul
    local.set $off_1
    local.get $m
    i32.const 32
    i32.mul
    local.set $off_2
    local.get $m
    i32.const 40
    i32.mul
    local.set $off_3
    ;; C₁ = epilogue(X·B) and C₂ = C₁ᵀ·X in one pass over X's rows, 6 rows at a time (dot form, then streamed rows)
    i32.const 0
    local.set $j
    block
      loop
        local.get $j
        i32.const 4
        i32.add
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p4
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        local.get $zero
        local.set $z
        local.get $pc
        local.get $z
        v128.store align=8
        local.get $zero
        local.set $z_1
        local.get $pc
        local.get $z_1
        v128.store offset=16 align=8
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
        local.get $n
        i32.gt_u
        br_if 1
        local.get $p4
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        local.get $zero
        local.set $z_2
        local.get $pc
        local.get $z_2
        v128.store align=8
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
        local.get $p4
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pc
        f64.const 0
        local.set $z_3
        local.get $pc
        local.get $z_3
        f64.store
        local.get $j
        i32.const 1
        i32.add
        local.set $j
        br 0
      end
    end
    i32.const 0
    local.set $i
    loop
      ;; 6 rows of X: dot products with B
      local.get $p1
      local.get $i
      local.get $stride
      i32.mul
      i32.add
      local.set $pa
      local.get $p2
      local.set $pb
      local.get $zero
      local.set $c0
      local.get $zero
      local.set $c1
      local.get $zero
      local.set $c2
      local.get $zero
      local.set $c3
      local.get $zero
      local.set $c4
      local.get $zero
      local.set $c5
      local.get $pa
      local.get $n
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
          local.get $c0
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c0
          local.get $pa
          local.get $stride
          i32.add
          v128.load align=8
          local.set $a
          local.get $c1
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c1
          local.get $pa
          local.get $off
          i32.add
          v128.load align=8
          local.set $a
          local.get $c2
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c2
          local.get $pa
          local.get $off_1
          i32.add
          v128.load align=8
          local.set $a
          local.get $c3
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c3
          local.get $pa
          local.get $off_2
          i32.add
          v128.load align=8
          local.set $a
          local.get $c4
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c4
          local.get $pa
          local.get $off_3
          i32.add
          v128.load align=8
          local.set $a
          local.get $c5
          local.get $a
          local.get $b0
          f64x2.mul
          f64x2.add
          local.set $c5
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
      local.get $c0
      f64x2.extract_lane 0
      local.get $c0
      f64x2.extract_lane 1
      f64.add
      local.set $s0_1
      local.get $c1
      f64x2.extract_lane 0
      local.get $c1
      f64x2.extract_lane 1
      f64.add
      local.set $s1_1
      local.get $c2
      f64x2.extract_lane 0
      local.get $c2
      f64x2.extract_lane 1
      f64.add
      local.set $s2
      local.get $c3
      f64x2.extract_lane 0
      local.get $c3
      f64x2.extract_lane 1
      f64.add
      local.set $s3
      local.get $c4
      f64x2.extract_lane 0
      local.get $c4
      f64x2.extract_lane 1
      f64.add
      local.set $s4
      local.get $c5
      f64x2.extract_lane 0
      local.get $c5
      f64x2.extract_lane 1
      f64.add
      local.set $s5
      local.get $pa
      local.get $n
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
          local.get $s0_1
          local.get $ta
          local.get $tb0
          f64.mul
          f64.add
          local.set $s0_1
          local.get $pa
          local.get $stride
          i32.add
          f64.load
          local.set $ta_1
          local.get $s1_1
          local.get $ta_1
          local.get $tb0
          f64.mul
          f64.add
          local.set $s1_1
          local.get $pa
          local.get $off
          i32.add
          f64.load
          local.set $ta_2
          local.get $s2
          local.get $ta_2
          local.get $tb0
          f64.mul
          f64.add
          local.set $s2
          local.get $pa
          local.get $off_1
          i32.add
          f64.load
          local.set $ta_3
          local.get $s3
          local.get $ta_3
          local.get $tb0
          f64.mul
          f64.add
          local.set $s3
          local.get $pa
          local.get $off_2
          i32.add
          f64.load
          local.set $ta_4
          local.get $s4
          local.get $ta_4
          local.get $tb0
          f64.mul
          f64.add
          local.set $s4
          local.get $pa
          local.get $off_3
          i32.add
          f64.load
          local.set $ta_5
          local.get $s5
          local.get $ta_5
          local.get $tb0
          f64.mul
          f64.add
          local.set $s5
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
      local.get $p3
      local.get $i
      i32.const 8
      i32.mul
      i32.add
      local.set $pe0
      local.get $p0
      local.get $i
      i32.const 8
      i32.mul
      i32.add
      local.set $pc
      local.get $pe0
      f64.load
      local.set $in0
      local.get $s0_1
      local.set $r
      local.get $in0
      local.get $s1
      local.get $s0
      local.get $r
      f64.mul
      f64.mul
      f64.sub
      local.set $w0
      local.get $pc
      local.get $w0
      f64.store
      local.get $pe0
      f64.load offset=8
      local.set $in0_1
      local.get $s1_1
      local.set $r_1
      local.get $in0_1
      local.get $s1
      local.get $s0
      local.get $r_1
      f64.mul
      f64.mul
      f64.sub
      local.set $w1
      local.get $pc
      local.get $w1
      f64.store offset=8
      local.get $pe0
      f64.load offset=16
      local.set $in0_2
      local.get $s2
      local.set $r_2
      local.get $in0_2
      local.get $s1
      local.get $s0
      local.get $r_2
      f64.mul
      f64.mul
      f64.sub
      local.set $w2
      local.get $pc
      local.get $w2
      f64.store offset=16
      local.get $pe0
      f64.load offset=24
      local.set $in0_3
      local.get $s3
      local.set $r_3
      local.get $in0_3
      local.get $s1
      local.get $s0
      local.get $r_3
      f64.mul
      f64.mul
      f64.sub
      local.set $w3
      local.get $pc
      local.get $w3
      f64.store offset=24
      local.get $pe0
      f64.load offset=32
      local.set $in0_4
      local.get $s4
      local.set $r_4
      local.get $in0_4
      local.get $s1
      local.get $s0
      local.get $r_4
      f64.mul
      f64.mul
      f64.sub
      local.set $w4
      local.get $pc
      local.get $w4
      f64.store offset=32
      local.get $pe0
      f64.load offset=40
      local.set $in0_5
      local.get $s5
      local.set $r_5
      local.get $in0_5
      local.get $s1
      local.get $s0
      local.get $r_5
      f64.mul
      f64.mul
      f64.sub
      local.set $w5
      local.get $pc
      local.get $w5
      f64.store offset=40
      ;; the same 6 rows of X: row updates of C₂
      local.get $w0
      f64x2.splat
      local.set $a0
      local.get $w1
      f64x2.splat
      local.set $a1
      local.get $w2
      f64x2.splat
      local.set $a2
      local.get $w3
      f64x2.splat
      local.set $a3
      local.get $w4
      f64x2.splat
      local.set $a4
      local.get $w5
      f64x2.splat
      local.set $a5
      local.get $p1
      local.get $i
      local.get $stride
      i32.mul
      i32.add
      local.set $row
      i32.const 0
      local.set $j
      block
        loop
          local.get $j
          i32.const 4
          i32.add
          local.get $n
          i32.gt_u
          br_if 1
          local.get $p4
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $row
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          v128.load align=8
          local.get $q
          v128.load align=8
          local.get $a0
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $stride
          i32.add
          v128.load align=8
          local.get $a1
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off
          i32.add
          v128.load align=8
          local.get $a2
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_1
          i32.add
          v128.load align=8
          local.get $a3
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_2
          i32.add
          v128.load align=8
          local.get $a4
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_3
          i32.add
          v128.load align=8
          local.get $a5
          f64x2.mul
          f64x2.add
          local.set $c
          local.get $pc
          local.get $c
          v128.store align=8
          local.get $row
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          v128.load offset=16 align=8
          local.get $q
          v128.load offset=16 align=8
          local.get $a0
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $stride
          i32.add
          v128.load offset=16 align=8
          local.get $a1
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off
          i32.add
          v128.load offset=16 align=8
          local.get $a2
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_1
          i32.add
          v128.load offset=16 align=8
          local.get $a3
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_2
          i32.add
          v128.load offset=16 align=8
          local.get $a4
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_3
          i32.add
          v128.load offset=16 align=8
          local.get $a5
          f64x2.mul
          f64x2.add
          local.set $c_1
          local.get $pc
          local.get $c_1
          v128.store offset=16 align=8
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
          local.get $n
          i32.gt_u
          br_if 1
          local.get $p4
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $row
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          v128.load align=8
          local.get $q
          v128.load align=8
          local.get $a0
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $stride
          i32.add
          v128.load align=8
          local.get $a1
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off
          i32.add
          v128.load align=8
          local.get $a2
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_1
          i32.add
          v128.load align=8
          local.get $a3
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_2
          i32.add
          v128.load align=8
          local.get $a4
          f64x2.mul
          f64x2.add
          local.get $q
          local.get $off_3
          i32.add
          v128.load align=8
          local.get $a5
          f64x2.mul
          f64x2.add
          local.set $c_2
          local.get $pc
          local.get $c_2
          v128.store align=8
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
          local.get $p4
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $row
          local.get $j
          i32.const 3
          i32.shl
          i32.add
          local.set $q
          local.get $pc
          f64.load
          local.get $q
          f64.load
          local.get $w0
          f64.mul
          f64.add
          local.get $q
          local.get $stride
          i32.add
          f64.load
          local.get $w1
          f64.mul
          f64.add
          local.get $q
          local.get $off
          i32.add
          f64.load
          local.get $w2
          f64.mul
          f64.add
          local.get $q
          local.get $off_1
          i32.add
          f64.load
          local.get $w3
          f64.mul
          f64.add
          local.get $q
          local.get $off_2
          i32.add
          f64.load
          local.get $w4
          f64.mul
          f64.add
          local.get $q
          local.get $off_3
          i32.add
          f64.load
          local.get $w5
          f64.mul
          f64.add
          local.set $c_3
          local.get $pc
          local.get $c_3
          f64.store
          local.get $j
          i32.const 1
          i32.add
          local.set $j
          br 0
        end
      end
      local.get $i
      i32.const 6
      i32.add
      local.tee $i
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
  (export "XProduct" (func $XProduct))
  (export "Z_3" (func $Z_3))
  (export "b_next_2" (func $b_next_2))
  (export "w_next_2" (func $w_next_2))
  (export "Z_2" (func $Z))
)
