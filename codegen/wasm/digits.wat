(module
  (type (;0;) (func (param i32 i32 i32 i32 i32)))
  (type (;1;) (func (param i32 i32 i32 i32)))
  (type (;2;) (func (param i32 i32 i32 i32 f64 i32 i32)))
  (type (;3;) (func (param i32 i32 i32 i32 i32 i32)))
  (type (;4;) (func (param i32 i32 i32 i32 i32 f64)))
  (type (;5;) (func (param i32 i32 i32)))
  (type (;6;) (func (param i32 i32 i32 f64)))
  (type (;7;) (func (param i32 f64 i32 f64 f64 i32 i32)))
  (import "env" "memory" (memory 1))
  (func $Z1 (type 0) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $pe0 i32)
    (local $jb i32)
    (local $w i32)
    (local $col i32)
    (local $rowBytes i32)
    (local $span i32)
    (local $lr i32)
    (local $lc i32)
    (local $m_1 i32)
    (local $pksrc i32)
    (local $pkto i32)
    (local $pkrows i32)
    (local $pkcol i32)
    (local $pkvecEnd i32)
    (local $pkend i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c2_0 v128)
    (local $c2_1 v128)
    (local $c3_0 v128)
    (local $c3_1 v128)
    (local $zero v128)
    (local $off i32)
    (local $off_1 i32)
    (local $b0 v128)
    (local $b1 v128)
    (local $a v128)
    (local $out v128)
    (local $in0 v128)
    (local $r v128)
    (local $out_1 v128)
    (local $in0_1 v128)
    (local $r_1 v128)
    (local $out_2 v128)
    (local $in0_2 v128)
    (local $r_2 v128)
    (local $out_3 v128)
    (local $in0_3 v128)
    (local $r_3 v128)
    (local $out_4 v128)
    (local $in0_4 v128)
    (local $r_4 v128)
    (local $out_5 v128)
    (local $in0_5 v128)
    (local $r_5 v128)
    (local $out_6 v128)
    (local $in0_6 v128)
    (local $r_6 v128)
    (local $out_7 v128)
    (local $in0_7 v128)
    (local $r_7 v128)
    (local $c0_0_1 v128)
    (local $c1_0_1 v128)
    (local $c2_0_1 v128)
    (local $c3_0_1 v128)
    (local $b0_1 v128)
    (local $a_1 v128)
    (local $out_8 v128)
    (local $in0_8 v128)
    (local $r_8 v128)
    (local $out_9 v128)
    (local $in0_9 v128)
    (local $r_9 v128)
    (local $out_10 v128)
    (local $in0_10 v128)
    (local $r_10 v128)
    (local $out_11 v128)
    (local $in0_11 v128)
    (local $r_11 v128)
    (local $c0_0_2 f64)
    (local $c1_0_2 f64)
    (local $c2_0_2 f64)
    (local $c3_0_2 f64)
    (local $b0_2 f64)
    (local $a_2 f64)
    (local $out_12 f64)
    (local $in0_12 f64)
    (local $r_12 f64)
    (local $out_13 f64)
    (local $in0_13 f64)
    (local $r_13 f64)
    (local $out_14 f64)
    (local $in0_14 f64)
    (local $r_14 f64)
    (local $out_15 f64)
    (local $in0_15 f64)
    (local $r_15 f64)
    (local $lr_1 i32)
    (local $lc_1 i32)
    (local $pksrc_1 i32)
    (local $pkto_1 i32)
    (local $pkrows_1 i32)
    (local $pkcol_1 i32)
    (local $pkvecEnd_1 i32)
    (local $pkend_1 i32)
    (local $c0_0_3 v128)
    (local $c0_1_1 v128)
    (local $c1_0_3 v128)
    (local $c1_1_1 v128)
    (local $c2_0_3 v128)
    (local $c2_1_1 v128)
    (local $c3_0_3 v128)
    (local $c3_1_1 v128)
    (local $b0_3 v128)
    (local $b1_1 v128)
    (local $a_3 v128)
    (local $out_16 v128)
    (local $in0_16 v128)
    (local $r_16 v128)
    (local $out_17 v128)
    (local $in0_17 v128)
    (local $r_17 v128)
    (local $out_18 v128)
    (local $in0_18 v128)
    (local $r_18 v128)
    (local $out_19 v128)
    (local $in0_19 v128)
    (local $r_19 v128)
    (local $out_20 v128)
    (local $in0_20 v128)
    (local $r_20 v128)
    (local $out_21 v128)
    (local $in0_21 v128)
    (local $r_21 v128)
    (local $out_22 v128)
    (local $in0_22 v128)
    (local $r_22 v128)
    (local $out_23 v128)
    (local $in0_23 v128)
    (local $r_23 v128)
    (local $c0_0_4 v128)
    (local $c1_0_4 v128)
    (local $c2_0_4 v128)
    (local $c3_0_4 v128)
    (local $b0_4 v128)
    (local $a_4 v128)
    (local $out_24 v128)
    (local $in0_24 v128)
    (local $r_24 v128)
    (local $out_25 v128)
    (local $in0_25 v128)
    (local $r_25 v128)
    (local $out_26 v128)
    (local $in0_26 v128)
    (local $r_26 v128)
    (local $out_27 v128)
    (local $in0_27 v128)
    (local $r_27 v128)
    (local $c0_0_5 f64)
    (local $c1_0_5 f64)
    (local $c2_0_5 f64)
    (local $c3_0_5 f64)
    (local $b0_5 f64)
    (local $a_5 f64)
    (local $out_28 f64)
    (local $in0_28 f64)
    (local $r_28 f64)
    (local $out_29 f64)
    (local $in0_29 f64)
    (local $r_29 f64)
    (local $out_30 f64)
    (local $in0_30 f64)
    (local $r_30 f64)
    (local $out_31 f64)
    (local $in0_31 f64)
    (local $r_31 f64)
    (local $lr_2 i32)
    (local $lc_2 i32)
    (local $pksrc_2 i32)
    (local $pkto_2 i32)
    (local $pkrows_2 i32)
    (local $pkcol_2 i32)
    (local $pkvecEnd_2 i32)
    (local $pkend_2 i32)
    (local $c0_0_6 v128)
    (local $c0_1_2 v128)
    (local $c1_0_6 v128)
    (local $c1_1_2 v128)
    (local $c2_0_6 v128)
    (local $c2_1_2 v128)
    (local $c3_0_6 v128)
    (local $c3_1_2 v128)
    (local $b0_6 v128)
    (local $b1_2 v128)
    (local $a_6 v128)
    (local $out_32 v128)
    (local $in0_32 v128)
    (local $r_32 v128)
    (local $out_33 v128)
    (local $in0_33 v128)
    (local $r_33 v128)
    (local $out_34 v128)
    (local $in0_34 v128)
    (local $r_34 v128)
    (local $out_35 v128)
    (local $in0_35 v128)
    (local $r_35 v128)
    (local $out_36 v128)
    (local $in0_36 v128)
    (local $r_36 v128)
    (local $out_37 v128)
    (local $in0_37 v128)
    (local $r_37 v128)
    (local $out_38 v128)
    (local $in0_38 v128)
    (local $r_38 v128)
    (local $out_39 v128)
    (local $in0_39 v128)
    (local $r_39 v128)
    (local $c0_0_7 v128)
    (local $c1_0_7 v128)
    (local $c2_0_7 v128)
    (local $c3_0_7 v128)
    (local $b0_7 v128)
    (local $a_7 v128)
    (local $out_40 v128)
    (local $in0_40 v128)
    (local $r_40 v128)
    (local $out_41 v128)
    (local $in0_41 v128)
    (local $r_41 v128)
    (local $out_42 v128)
    (local $in0_42 v128)
    (local $r_42 v128)
    (local $out_43 v128)
    (local $in0_43 v128)
    (local $r_43 v128)
    (local $c0_0_8 f64)
    (local $c1_0_8 f64)
    (local $c2_0_8 f64)
    (local $c3_0_8 f64)
    (local $b0_8 f64)
    (local $a_8 f64)
    (local $out_44 f64)
    (local $in0_44 f64)
    (local $r_44 f64)
    (local $out_45 f64)
    (local $in0_45 f64)
    (local $r_45 f64)
    (local $out_46 f64)
    (local $in0_46 f64)
    (local $r_46 f64)
    (local $out_47 f64)
    (local $in0_47 f64)
    (local $r_47 f64)
    (local $lr_3 i32)
    (local $lc_3 i32)
    (local $pksrc_3 i32)
    (local $pkto_3 i32)
    (local $pkrows_3 i32)
    (local $pkcol_3 i32)
    (local $pkvecEnd_3 i32)
    (local $pkend_3 i32)
    (local $c0_0_9 v128)
    (local $c0_1_3 v128)
    (local $c1_0_9 v128)
    (local $c1_1_3 v128)
    (local $c2_0_9 v128)
    (local $c2_1_3 v128)
    (local $c3_0_9 v128)
    (local $c3_1_3 v128)
    (local $b0_9 v128)
    (local $b1_3 v128)
    (local $a_9 v128)
    (local $out_48 v128)
    (local $in0_48 v128)
    (local $r_48 v128)
    (local $out_49 v128)
    (local $in0_49 v128)
    (local $r_49 v128)
    (local $out_50 v128)
    (local $in0_50 v128)
    (local $r_50 v128)
    (local $out_51 v128)
    (local $in0_51 v128)
    (local $r_51 v128)
    (local $out_52 v128)
    (local $in0_52 v128)
    (local $r_52 v128)
    (local $out_53 v128)
    (local $in0_53 v128)
    (local $r_53 v128)
    (local $out_54 v128)
    (local $in0_54 v128)
    (local $r_54 v128)
    (local $out_55 v128)
    (local $in0_55 v128)
    (local $r_55 v128)
    (local $c0_0_10 v128)
    (local $c1_0_10 v128)
    (local $c2_0_10 v128)
    (local $c3_0_10 v128)
    (local $b0_10 v128)
    (local $a_10 v128)
    (local $out_56 v128)
    (local $in0_56 v128)
    (local $r_56 v128)
    (local $out_57 v128)
    (local $in0_57 v128)
    (local $r_57 v128)
    (local $out_58 v128)
    (local $in0_58 v128)
    (local $r_58 v128)
    (local $out_59 v128)
    (local $in0_59 v128)
    (local $r_59 v128)
    (local $c0_0_11 f64)
    (local $c1_0_11 f64)
    (local $c2_0_11 f64)
    (local $c3_0_11 f64)
    (local $b0_11 f64)
    (local $a_11 f64)
    (local $out_60 f64)
    (local $in0_60 f64)
    (local $r_60 f64)
    (local $out_61 f64)
    (local $in0_61 f64)
    (local $r_61 f64)
    (local $out_62 f64)
    (local $in0_62 f64)
    (local $r_62 f64)
    (local $out_63 f64)
    (local $in0_63 f64)
    (local $r_63 f64)
    (local $lr_4 i32)
    (local $lc_4 i32)
    (local $c0_0_12 v128)
    (local $c0_1_4 v128)
    (local $c1_0_12 v128)
    (local $c1_1_4 v128)
    (local $c2_0_12 v128)
    (local $c2_1_4 v128)
    (local $c3_0_12 v128)
    (local $c3_1_4 v128)
    (local $b0_12 v128)
    (local $b1_4 v128)
    (local $a_12 v128)
    (local $out_64 v128)
    (local $in0_64 v128)
    (local $r_64 v128)
    (local $out_65 v128)
    (local $in0_65 v128)
    (local $r_65 v128)
    (local $out_66 v128)
    (local $in0_66 v128)
    (local $r_66 v128)
    (local $out_67 v128)
    (local $in0_67 v128)
    (local $r_67 v128)
    (local $out_68 v128)
    (local $in0_68 v128)
    (local $r_68 v128)
    (local $out_69 v128)
    (local $in0_69 v128)
    (local $r_69 v128)
    (local $out_70 v128)
    (local $in0_70 v128)
    (local $r_70 v128)
    (local $out_71 v128)
    (local $in0_71 v128)
    (local $r_71 v128)
    (local $c0_0_13 v128)
    (local $c1_0_13 v128)
    (local $c2_0_13 v128)
    (local $c3_0_13 v128)
    (local $b0_13 v128)
    (local $a_13 v128)
    (local $out_72 v128)
    (local $in0_72 v128)
    (local $r_72 v128)
    (local $out_73 v128)
    (local $in0_73 v128)
    (local $r_73 v128)
    (local $out_74 v128)
    (local $in0_74 v128)
    (local $r_74 v128)
    (local $out_75 v128)
    (local $in0_75 v128)
    (local $r_75 v128)
    (local $c0_0_14 f64)
    (local $c1_0_14 f64)
    (local $c2_0_14 f64)
    (local $c3_0_14 f64)
    (local $b0_14 f64)
    (local $a_14 f64)
    (local $out_76 f64)
    (local $in0_76 f64)
    (local $r_76 f64)
    (local $out_77 f64)
    (local $in0_77 f64)
    (local $r_77 f64)
    (local $out_78 f64)
    (local $in0_78 f64)
    (local $r_78 f64)
    (local $out_79 f64)
    (local $in0_79 f64)
    (local $r_79 f64)
    (local $lr_5 i32)
    (local $lc_5 i32)
    (local $c0_0_15 v128)
    (local $c0_1_5 v128)
    (local $c1_0_15 v128)
    (local $c1_1_5 v128)
    (local $c2_0_15 v128)
    (local $c2_1_5 v128)
    (local $c3_0_15 v128)
    (local $c3_1_5 v128)
    (local $b0_15 v128)
    (local $b1_5 v128)
    (local $a_15 v128)
    (local $out_80 v128)
    (local $in0_80 v128)
    (local $r_80 v128)
    (local $out_81 v128)
    (local $in0_81 v128)
    (local $r_81 v128)
    (local $out_82 v128)
    (local $in0_82 v128)
    (local $r_82 v128)
    (local $out_83 v128)
    (local $in0_83 v128)
    (local $r_83 v128)
    (local $out_84 v128)
    (local $in0_84 v128)
    (local $r_84 v128)
    (local $out_85 v128)
    (local $in0_85 v128)
    (local $r_85 v128)
    (local $out_86 v128)
    (local $in0_86 v128)
    (local $r_86 v128)
    (local $out_87 v128)
    (local $in0_87 v128)
    (local $r_87 v128)
    (local $c0_0_16 v128)
    (local $c1_0_16 v128)
    (local $c2_0_16 v128)
    (local $c3_0_16 v128)
    (local $b0_16 v128)
    (local $a_16 v128)
    (local $out_88 v128)
    (local $in0_88 v128)
    (local $r_88 v128)
    (local $out_89 v128)
    (local $in0_89 v128)
    (local $r_89 v128)
    (local $out_90 v128)
    (local $in0_90 v128)
    (local $r_90 v128)
    (local $out_91 v128)
    (local $in0_91 v128)
    (local $r_91 v128)
    (local $c0_0_17 f64)
    (local $c1_0_17 f64)
    (local $c2_0_17 f64)
    (local $c3_0_17 f64)
    (local $b0_17 f64)
    (local $a_17 f64)
    (local $out_92 f64)
    (local $in0_92 f64)
    (local $r_92 f64)
    (local $out_93 f64)
    (local $in0_93 f64)
    (local $r_93 f64)
    (local $out_94 f64)
    (local $in0_94 f64)
    (local $r_94 f64)
    (local $out_95 f64)
    (local $in0_95 f64)
    (local $r_95 f64)
    (local $lr_6 i32)
    (local $lc_6 i32)
    (local $c0_0_18 v128)
    (local $c0_1_6 v128)
    (local $c1_0_18 v128)
    (local $c1_1_6 v128)
    (local $c2_0_18 v128)
    (local $c2_1_6 v128)
    (local $c3_0_18 v128)
    (local $c3_1_6 v128)
    (local $b0_18 v128)
    (local $b1_6 v128)
    (local $a_18 v128)
    (local $out_96 v128)
    (local $in0_96 v128)
    (local $r_96 v128)
    (local $out_97 v128)
    (local $in0_97 v128)
    (local $r_97 v128)
    (local $out_98 v128)
    (local $in0_98 v128)
    (local $r_98 v128)
    (local $out_99 v128)
    (local $in0_99 v128)
    (local $r_99 v128)
    (local $out_100 v128)
    (local $in0_100 v128)
    (local $r_100 v128)
    (local $out_101 v128)
    (local $in0_101 v128)
    (local $r_101 v128)
    (local $out_102 v128)
    (local $in0_102 v128)
    (local $r_102 v128)
    (local $out_103 v128)
    (local $in0_103 v128)
    (local $r_103 v128)
    (local $c0_0_19 v128)
    (local $c1_0_19 v128)
    (local $c2_0_19 v128)
    (local $c3_0_19 v128)
    (local $b0_19 v128)
    (local $a_19 v128)
    (local $out_104 v128)
    (local $in0_104 v128)
    (local $r_104 v128)
    (local $out_105 v128)
    (local $in0_105 v128)
    (local $r_105 v128)
    (local $out_106 v128)
    (local $in0_106 v128)
    (local $r_106 v128)
    (local $out_107 v128)
    (local $in0_107 v128)
    (local $r_107 v128)
    (local $c0_0_20 f64)
    (local $c1_0_20 f64)
    (local $c2_0_20 f64)
    (local $c3_0_20 f64)
    (local $b0_20 f64)
    (local $a_20 f64)
    (local $out_108 f64)
    (local $in0_108 f64)
    (local $r_108 f64)
    (local $out_109 f64)
    (local $in0_109 f64)
    (local $r_109 f64)
    (local $out_110 f64)
    (local $in0_110 f64)
    (local $r_110 f64)
    (local $out_111 f64)
    (local $in0_111 f64)
    (local $r_111 f64)
    (local $lr_7 i32)
    (local $lc_7 i32)
    (local $c0_0_21 v128)
    (local $c0_1_7 v128)
    (local $c1_0_21 v128)
    (local $c1_1_7 v128)
    (local $c2_0_21 v128)
    (local $c2_1_7 v128)
    (local $c3_0_21 v128)
    (local $c3_1_7 v128)
    (local $b0_21 v128)
    (local $b1_7 v128)
    (local $a_21 v128)
    (local $out_112 v128)
    (local $in0_112 v128)
    (local $r_112 v128)
    (local $out_113 v128)
    (local $in0_113 v128)
    (local $r_113 v128)
    (local $out_114 v128)
    (local $in0_114 v128)
    (local $r_114 v128)
    (local $out_115 v128)
    (local $in0_115 v128)
    (local $r_115 v128)
    (local $out_116 v128)
    (local $in0_116 v128)
    (local $r_116 v128)
    (local $out_117 v128)
    (local $in0_117 v128)
    (local $r_117 v128)
    (local $out_118 v128)
    (local $in0_118 v128)
    (local $r_118 v128)
    (local $out_119 v128)
    (local $in0_119 v128)
    (local $r_119 v128)
    (local $c0_0_22 v128)
    (local $c1_0_22 v128)
    (local $c2_0_22 v128)
    (local $c3_0_22 v128)
    (local $b0_22 v128)
    (local $a_22 v128)
    (local $out_120 v128)
    (local $in0_120 v128)
    (local $r_120 v128)
    (local $out_121 v128)
    (local $in0_121 v128)
    (local $r_121 v128)
    (local $out_122 v128)
    (local $in0_122 v128)
    (local $r_122 v128)
    (local $out_123 v128)
    (local $in0_123 v128)
    (local $r_123 v128)
    (local $c0_0_23 f64)
    (local $c1_0_23 f64)
    (local $c2_0_23 f64)
    (local $c3_0_23 f64)
    (local $b0_23 f64)
    (local $a_23 f64)
    (local $out_124 f64)
    (local $in0_124 f64)
    (local $r_124 f64)
    (local $out_125 f64)
    (local $in0_125 f64)
    (local $r_125 f64)
    (local $out_126 f64)
    (local $in0_126 f64)
    (local $r_126 f64)
    (local $out_127 f64)
    (local $in0_127 f64)
    (local $r_127 f64)
    local.get $m
    i32.const 8
    i32.mul
    local.set $rowBytes
    local.get $m
    i32.const 2048
    i32.mul
    local.set $span
    local.get $m
    local.set $m_1
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
    ;; C (128 × 1·m) = A·B, k = 784, rows form, k blocks of 256 or 64
    block
      block
        local.get $rowBytes
        i32.const 4095
        i32.and
        br_if 0
        ;; B packed: its row stride is a multiple of 4096 bytes
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
              local.get $rowBytes
              i32.mul
              i32.add
              local.set $pa
              local.get $p2
              local.get $lr
              local.get $rowBytes
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
              local.set $jb
              block
                loop
                  local.get $jb
                  local.get $m_1
                  i32.ge_u
                  br_if 1
                  local.get $m_1
                  local.get $jb
                  i32.sub
                  local.set $w
                  local.get $w
                  i32.const 64
                  local.get $w
                  i32.const 64
                  i32.lt_u
                  select
                  local.set $w
                  local.get $p2
                  local.get $kb
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $jb
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pksrc
                  ;; B's k block × the panel's columns, packed
                  i32.const 0
                  local.set $pkto
                  local.get $w
                  i32.const 8
                  i32.mul
                  local.tee $pkend
                  i32.const -16
                  i32.and
                  local.set $pkvecEnd
                  i32.const 256
                  local.set $pkrows
                  block
                    local.get $pkrows
                    i32.eqz
                    br_if 0
                    loop
                      i32.const 0
                      local.set $pkcol
                      block
                        local.get $pkcol
                        local.get $pkvecEnd
                        i32.ge_u
                        br_if 0
                        loop
                          local.get $pkto
                          local.get $pkcol
                          i32.add
                          local.get $pksrc
                          local.get $pkcol
                          i32.add
                          v128.load align=8
                          v128.store align=8
                          local.get $pkcol
                          i32.const 16
                          i32.add
                          local.tee $pkcol
                          local.get $pkvecEnd
                          i32.lt_u
                          br_if 0
                        end
                      end
                      block
                        local.get $pkcol
                        local.get $pkend
                        i32.ge_u
                        br_if 0
                        loop
                          local.get $pkto
                          local.get $pkcol
                          i32.add
                          local.get $pksrc
                          local.get $pkcol
                          i32.add
                          f64.load
                          f64.store
                          local.get $pkcol
                          i32.const 8
                          i32.add
                          local.tee $pkcol
                          local.get $pkend
                          i32.lt_u
                          br_if 0
                        end
                      end
                      local.get $pksrc
                      local.get $rowBytes
                      i32.add
                      local.set $pksrc
                      local.get $pkto
                      i32.const 576
                      i32.add
                      local.set $pkto
                      local.get $pkrows
                      i32.const 1
                      i32.sub
                      local.tee $pkrows
                      br_if 0
                    end
                  end
                  i32.const 0
                  local.set $i
                  loop
                    i32.const 0
                    local.set $j
                    block
                      loop
                        local.get $j
                        i32.const 4
                        i32.add
                        local.get $w
                        i32.gt_u
                        br_if 1
                        ;; 4 × 4 block of C (2 vectors)
                        local.get $jb
                        local.get $j
                        i32.add
                        local.set $col
                        local.get $p1
                        local.get $i
                        i32.const 6272
                        i32.mul
                        i32.add
                        local.get $kb
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pa
                        local.get $j
                        i32.const 8
                        i32.mul
                        local.set $pb
                        local.get $p0
                        local.get $i
                        local.get $rowBytes
                        i32.mul
                        i32.add
                        local.get $col
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
                          local.get $zero
                          local.set $c1_0
                          local.get $zero
                          local.set $c1_1
                          local.get $zero
                          local.set $c2_0
                          local.get $zero
                          local.set $c2_1
                          local.get $zero
                          local.set $c3_0
                          local.get $zero
                          local.set $c3_1
                        else
                          local.get $pc
                          v128.load align=8
                          local.set $c0_0
                          local.get $pc
                          v128.load offset=16 align=8
                          local.set $c0_1
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          v128.load align=8
                          local.set $c1_0
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          v128.load offset=16 align=8
                          local.set $c1_1
                          local.get $pc
                          local.get $off
                          i32.add
                          v128.load align=8
                          local.set $c2_0
                          local.get $pc
                          local.get $off
                          i32.add
                          v128.load offset=16 align=8
                          local.set $c2_1
                          local.get $pc
                          local.get $off_1
                          i32.add
                          v128.load align=8
                          local.set $c3_0
                          local.get $pc
                          local.get $off_1
                          i32.add
                          v128.load offset=16 align=8
                          local.set $c3_1
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
                          v128.load64_splat offset=6272
                          local.set $a
                          local.get $c1_0
                          local.get $a
                          local.get $b0
                          f64x2.mul
                          f64x2.add
                          local.set $c1_0
                          local.get $c1_1
                          local.get $a
                          local.get $b1
                          f64x2.mul
                          f64x2.add
                          local.set $c1_1
                          local.get $pa
                          v128.load64_splat offset=12544
                          local.set $a
                          local.get $c2_0
                          local.get $a
                          local.get $b0
                          f64x2.mul
                          f64x2.add
                          local.set $c2_0
                          local.get $c2_1
                          local.get $a
                          local.get $b1
                          f64x2.mul
                          f64x2.add
                          local.set $c2_1
                          local.get $pa
                          v128.load64_splat offset=18816
                          local.set $a
                          local.get $c3_0
                          local.get $a
                          local.get $b0
                          f64x2.mul
                          f64x2.add
                          local.set $c3_0
                          local.get $c3_1
                          local.get $a
                          local.get $b1
                          f64x2.mul
                          f64x2.add
                          local.set $c3_1
                          local.get $pa
                          i32.const 8
                          i32.add
                          local.set $pa
                          local.get $pb
                          i32.const 576
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
                        i32.const 784
                        i32.ge_u
                        if
                          local.get $p3
                          local.get $i
                          i32.const 8
                          i32.mul
                          i32.add
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
                          local.get $pe0
                          v128.load64_splat offset=8
                          local.set $in0_2
                          local.get $c1_0
                          local.set $r_2
                          local.get $in0_2
                          local.get $r_2
                          f64x2.add
                          local.set $out_2
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          local.get $out_2
                          v128.store align=8
                          local.get $pe0
                          v128.load64_splat offset=8
                          local.set $in0_3
                          local.get $c1_1
                          local.set $r_3
                          local.get $in0_3
                          local.get $r_3
                          f64x2.add
                          local.set $out_3
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          local.get $out_3
                          v128.store offset=16 align=8
                          local.get $pe0
                          v128.load64_splat offset=16
                          local.set $in0_4
                          local.get $c2_0
                          local.set $r_4
                          local.get $in0_4
                          local.get $r_4
                          f64x2.add
                          local.set $out_4
                          local.get $pc
                          local.get $off
                          i32.add
                          local.get $out_4
                          v128.store align=8
                          local.get $pe0
                          v128.load64_splat offset=16
                          local.set $in0_5
                          local.get $c2_1
                          local.set $r_5
                          local.get $in0_5
                          local.get $r_5
                          f64x2.add
                          local.set $out_5
                          local.get $pc
                          local.get $off
                          i32.add
                          local.get $out_5
                          v128.store offset=16 align=8
                          local.get $pe0
                          v128.load64_splat offset=24
                          local.set $in0_6
                          local.get $c3_0
                          local.set $r_6
                          local.get $in0_6
                          local.get $r_6
                          f64x2.add
                          local.set $out_6
                          local.get $pc
                          local.get $off_1
                          i32.add
                          local.get $out_6
                          v128.store align=8
                          local.get $pe0
                          v128.load64_splat offset=24
                          local.set $in0_7
                          local.get $c3_1
                          local.set $r_7
                          local.get $in0_7
                          local.get $r_7
                          f64x2.add
                          local.set $out_7
                          local.get $pc
                          local.get $off_1
                          i32.add
                          local.get $out_7
                          v128.store offset=16 align=8
                        else
                          local.get $pc
                          local.get $c0_0
                          v128.store align=8
                          local.get $pc
                          local.get $c0_1
                          v128.store offset=16 align=8
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          local.get $c1_0
                          v128.store align=8
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          local.get $c1_1
                          v128.store offset=16 align=8
                          local.get $pc
                          local.get $off
                          i32.add
                          local.get $c2_0
                          v128.store align=8
                          local.get $pc
                          local.get $off
                          i32.add
                          local.get $c2_1
                          v128.store offset=16 align=8
                          local.get $pc
                          local.get $off_1
                          i32.add
                          local.get $c3_0
                          v128.store align=8
                          local.get $pc
                          local.get $off_1
                          i32.add
                          local.get $c3_1
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
                        local.get $w
                        i32.gt_u
                        br_if 1
                        ;; 4 × 2 block of C (1 vectors)
                        local.get $jb
                        local.get $j
                        i32.add
                        local.set $col
                        local.get $p1
                        local.get $i
                        i32.const 6272
                        i32.mul
                        i32.add
                        local.get $kb
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pa
                        local.get $j
                        i32.const 8
                        i32.mul
                        local.set $pb
                        local.get $p0
                        local.get $i
                        local.get $rowBytes
                        i32.mul
                        i32.add
                        local.get $col
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pc
                        local.get $kb
                        i32.eqz
                        if
                          local.get $zero
                          local.set $c0_0_1
                          local.get $zero
                          local.set $c1_0_1
                          local.get $zero
                          local.set $c2_0_1
                          local.get $zero
                          local.set $c3_0_1
                        else
                          local.get $pc
                          v128.load align=8
                          local.set $c0_0_1
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          v128.load align=8
                          local.set $c1_0_1
                          local.get $pc
                          local.get $off
                          i32.add
                          v128.load align=8
                          local.set $c2_0_1
                          local.get $pc
                          local.get $off_1
                          i32.add
                          v128.load align=8
                          local.set $c3_0_1
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
                          v128.load64_splat offset=6272
                          local.set $a_1
                          local.get $c1_0_1
                          local.get $a_1
                          local.get $b0_1
                          f64x2.mul
                          f64x2.add
                          local.set $c1_0_1
                          local.get $pa
                          v128.load64_splat offset=12544
                          local.set $a_1
                          local.get $c2_0_1
                          local.get $a_1
                          local.get $b0_1
                          f64x2.mul
                          f64x2.add
                          local.set $c2_0_1
                          local.get $pa
                          v128.load64_splat offset=18816
                          local.set $a_1
                          local.get $c3_0_1
                          local.get $a_1
                          local.get $b0_1
                          f64x2.mul
                          f64x2.add
                          local.set $c3_0_1
                          local.get $pa
                          i32.const 8
                          i32.add
                          local.set $pa
                          local.get $pb
                          i32.const 576
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
                        i32.const 784
                        i32.ge_u
                        if
                          local.get $p3
                          local.get $i
                          i32.const 8
                          i32.mul
                          i32.add
                          local.set $pe0
                          local.get $pe0
                          v128.load64_splat
                          local.set $in0_8
                          local.get $c0_0_1
                          local.set $r_8
                          local.get $in0_8
                          local.get $r_8
                          f64x2.add
                          local.set $out_8
                          local.get $pc
                          local.get $out_8
                          v128.store align=8
                          local.get $pe0
                          v128.load64_splat offset=8
                          local.set $in0_9
                          local.get $c1_0_1
                          local.set $r_9
                          local.get $in0_9
                          local.get $r_9
                          f64x2.add
                          local.set $out_9
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          local.get $out_9
                          v128.store align=8
                          local.get $pe0
                          v128.load64_splat offset=16
                          local.set $in0_10
                          local.get $c2_0_1
                          local.set $r_10
                          local.get $in0_10
                          local.get $r_10
                          f64x2.add
                          local.set $out_10
                          local.get $pc
                          local.get $off
                          i32.add
                          local.get $out_10
                          v128.store align=8
                          local.get $pe0
                          v128.load64_splat offset=24
                          local.set $in0_11
                          local.get $c3_0_1
                          local.set $r_11
                          local.get $in0_11
                          local.get $r_11
                          f64x2.add
                          local.set $out_11
                          local.get $pc
                          local.get $off_1
                          i32.add
                          local.get $out_11
                          v128.store align=8
                        else
                          local.get $pc
                          local.get $c0_0_1
                          v128.store align=8
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          local.get $c1_0_1
                          v128.store align=8
                          local.get $pc
                          local.get $off
                          i32.add
                          local.get $c2_0_1
                          v128.store align=8
                          local.get $pc
                          local.get $off_1
                          i32.add
                          local.get $c3_0_1
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
                        local.get $w
                        i32.gt_u
                        br_if 1
                        ;; 4 × 1 block of C
                        local.get $jb
                        local.get $j
                        i32.add
                        local.set $col
                        local.get $p1
                        local.get $i
                        i32.const 6272
                        i32.mul
                        i32.add
                        local.get $kb
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pa
                        local.get $j
                        i32.const 8
                        i32.mul
                        local.set $pb
                        local.get $p0
                        local.get $i
                        local.get $rowBytes
                        i32.mul
                        i32.add
                        local.get $col
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pc
                        local.get $kb
                        i32.eqz
                        if
                          f64.const 0
                          local.set $c0_0_2
                          f64.const 0
                          local.set $c1_0_2
                          f64.const 0
                          local.set $c2_0_2
                          f64.const 0
                          local.set $c3_0_2
                        else
                          local.get $pc
                          f64.load
                          local.set $c0_0_2
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          f64.load
                          local.set $c1_0_2
                          local.get $pc
                          local.get $off
                          i32.add
                          f64.load
                          local.set $c2_0_2
                          local.get $pc
                          local.get $off_1
                          i32.add
                          f64.load
                          local.set $c3_0_2
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
                          f64.load offset=6272
                          local.set $a_2
                          local.get $c1_0_2
                          local.get $a_2
                          local.get $b0_2
                          f64.mul
                          f64.add
                          local.set $c1_0_2
                          local.get $pa
                          f64.load offset=12544
                          local.set $a_2
                          local.get $c2_0_2
                          local.get $a_2
                          local.get $b0_2
                          f64.mul
                          f64.add
                          local.set $c2_0_2
                          local.get $pa
                          f64.load offset=18816
                          local.set $a_2
                          local.get $c3_0_2
                          local.get $a_2
                          local.get $b0_2
                          f64.mul
                          f64.add
                          local.set $c3_0_2
                          local.get $pa
                          i32.const 8
                          i32.add
                          local.set $pa
                          local.get $pb
                          i32.const 576
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
                        i32.const 784
                        i32.ge_u
                        if
                          local.get $p3
                          local.get $i
                          i32.const 8
                          i32.mul
                          i32.add
                          local.set $pe0
                          local.get $pe0
                          f64.load
                          local.set $in0_12
                          local.get $c0_0_2
                          local.set $r_12
                          local.get $in0_12
                          local.get $r_12
                          f64.add
                          local.set $out_12
                          local.get $pc
                          local.get $out_12
                          f64.store
                          local.get $pe0
                          f64.load offset=8
                          local.set $in0_13
                          local.get $c1_0_2
                          local.set $r_13
                          local.get $in0_13
                          local.get $r_13
                          f64.add
                          local.set $out_13
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          local.get $out_13
                          f64.store
                          local.get $pe0
                          f64.load offset=16
                          local.set $in0_14
                          local.get $c2_0_2
                          local.set $r_14
                          local.get $in0_14
                          local.get $r_14
                          f64.add
                          local.set $out_14
                          local.get $pc
                          local.get $off
                          i32.add
                          local.get $out_14
                          f64.store
                          local.get $pe0
                          f64.load offset=24
                          local.set $in0_15
                          local.get $c3_0_2
                          local.set $r_15
                          local.get $in0_15
                          local.get $r_15
                          f64.add
                          local.set $out_15
                          local.get $pc
                          local.get $off_1
                          i32.add
                          local.get $out_15
                          f64.store
                        else
                          local.get $pc
                          local.get $c0_0_2
                          f64.store
                          local.get $pc
                          local.get $rowBytes
                          i32.add
                          local.get $c1_0_2
                          f64.store
                          local.get $pc
                          local.get $off
                          i32.add
                          local.get $c2_0_2
                          f64.store
                          local.get $pc
                          local.get $off_1
                          i32.add
                          local.get $c3_0_2
                          f64.store
                        end
                        local.get $j
                        i32.const 1
                        i32.add
                        local.set $j
                        br 0
                      end
                    end
                    local.get $i
                    i32.const 4
                    i32.add
                    local.tee $i
                    i32.const 128
                    i32.lt_u
                    br_if 0
                  end
                  local.get $jb
                  i32.const 64
                  i32.add
                  local.set $jb
                  br 0
                end
              end
              local.get $kb
              i32.const 256
              i32.add
              local.tee $kb
              i32.const 768
              i32.lt_u
              br_if 0
            end
            local.get $kb
            i32.const 16
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
            local.get $rowBytes
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $lr_1
            local.get $rowBytes
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
            local.set $jb
            block
              loop
                local.get $jb
                local.get $m_1
                i32.ge_u
                br_if 1
                local.get $m_1
                local.get $jb
                i32.sub
                local.set $w
                local.get $w
                i32.const 64
                local.get $w
                i32.const 64
                i32.lt_u
                select
                local.set $w
                local.get $p2
                local.get $kb
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $jb
                i32.const 8
                i32.mul
                i32.add
                local.set $pksrc_1
                ;; B's k block × the panel's columns, packed
                i32.const 0
                local.set $pkto_1
                local.get $w
                i32.const 8
                i32.mul
                local.tee $pkend_1
                i32.const -16
                i32.and
                local.set $pkvecEnd_1
                i32.const 16
                local.set $pkrows_1
                block
                  local.get $pkrows_1
                  i32.eqz
                  br_if 0
                  loop
                    i32.const 0
                    local.set $pkcol_1
                    block
                      local.get $pkcol_1
                      local.get $pkvecEnd_1
                      i32.ge_u
                      br_if 0
                      loop
                        local.get $pkto_1
                        local.get $pkcol_1
                        i32.add
                        local.get $pksrc_1
                        local.get $pkcol_1
                        i32.add
                        v128.load align=8
                        v128.store align=8
                        local.get $pkcol_1
                        i32.const 16
                        i32.add
                        local.tee $pkcol_1
                        local.get $pkvecEnd_1
                        i32.lt_u
                        br_if 0
                      end
                    end
                    block
                      local.get $pkcol_1
                      local.get $pkend_1
                      i32.ge_u
                      br_if 0
                      loop
                        local.get $pkto_1
                        local.get $pkcol_1
                        i32.add
                        local.get $pksrc_1
                        local.get $pkcol_1
                        i32.add
                        f64.load
                        f64.store
                        local.get $pkcol_1
                        i32.const 8
                        i32.add
                        local.tee $pkcol_1
                        local.get $pkend_1
                        i32.lt_u
                        br_if 0
                      end
                    end
                    local.get $pksrc_1
                    local.get $rowBytes
                    i32.add
                    local.set $pksrc_1
                    local.get $pkto_1
                    i32.const 576
                    i32.add
                    local.set $pkto_1
                    local.get $pkrows_1
                    i32.const 1
                    i32.sub
                    local.tee $pkrows_1
                    br_if 0
                  end
                end
                i32.const 0
                local.set $i
                loop
                  i32.const 0
                  local.set $j
                  block
                    loop
                      local.get $j
                      i32.const 4
                      i32.add
                      local.get $w
                      i32.gt_u
                      br_if 1
                      ;; 4 × 4 block of C (2 vectors)
                      local.get $jb
                      local.get $j
                      i32.add
                      local.set $col
                      local.get $p1
                      local.get $i
                      i32.const 6272
                      i32.mul
                      i32.add
                      local.get $kb
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pa
                      local.get $j
                      i32.const 8
                      i32.mul
                      local.set $pb
                      local.get $p0
                      local.get $i
                      local.get $rowBytes
                      i32.mul
                      i32.add
                      local.get $col
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
                        local.get $zero
                        local.set $c1_0_3
                        local.get $zero
                        local.set $c1_1_1
                        local.get $zero
                        local.set $c2_0_3
                        local.get $zero
                        local.set $c2_1_1
                        local.get $zero
                        local.set $c3_0_3
                        local.get $zero
                        local.set $c3_1_1
                      else
                        local.get $pc
                        v128.load align=8
                        local.set $c0_0_3
                        local.get $pc
                        v128.load offset=16 align=8
                        local.set $c0_1_1
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        v128.load align=8
                        local.set $c1_0_3
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        v128.load offset=16 align=8
                        local.set $c1_1_1
                        local.get $pc
                        local.get $off
                        i32.add
                        v128.load align=8
                        local.set $c2_0_3
                        local.get $pc
                        local.get $off
                        i32.add
                        v128.load offset=16 align=8
                        local.set $c2_1_1
                        local.get $pc
                        local.get $off_1
                        i32.add
                        v128.load align=8
                        local.set $c3_0_3
                        local.get $pc
                        local.get $off_1
                        i32.add
                        v128.load offset=16 align=8
                        local.set $c3_1_1
                      end
                      i32.const 16
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
                        v128.load64_splat offset=6272
                        local.set $a_3
                        local.get $c1_0_3
                        local.get $a_3
                        local.get $b0_3
                        f64x2.mul
                        f64x2.add
                        local.set $c1_0_3
                        local.get $c1_1_1
                        local.get $a_3
                        local.get $b1_1
                        f64x2.mul
                        f64x2.add
                        local.set $c1_1_1
                        local.get $pa
                        v128.load64_splat offset=12544
                        local.set $a_3
                        local.get $c2_0_3
                        local.get $a_3
                        local.get $b0_3
                        f64x2.mul
                        f64x2.add
                        local.set $c2_0_3
                        local.get $c2_1_1
                        local.get $a_3
                        local.get $b1_1
                        f64x2.mul
                        f64x2.add
                        local.set $c2_1_1
                        local.get $pa
                        v128.load64_splat offset=18816
                        local.set $a_3
                        local.get $c3_0_3
                        local.get $a_3
                        local.get $b0_3
                        f64x2.mul
                        f64x2.add
                        local.set $c3_0_3
                        local.get $c3_1_1
                        local.get $a_3
                        local.get $b1_1
                        f64x2.mul
                        f64x2.add
                        local.set $c3_1_1
                        local.get $pa
                        i32.const 8
                        i32.add
                        local.set $pa
                        local.get $pb
                        i32.const 576
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
                      i32.const 784
                      i32.ge_u
                      if
                        local.get $p3
                        local.get $i
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pe0
                        local.get $pe0
                        v128.load64_splat
                        local.set $in0_16
                        local.get $c0_0_3
                        local.set $r_16
                        local.get $in0_16
                        local.get $r_16
                        f64x2.add
                        local.set $out_16
                        local.get $pc
                        local.get $out_16
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat
                        local.set $in0_17
                        local.get $c0_1_1
                        local.set $r_17
                        local.get $in0_17
                        local.get $r_17
                        f64x2.add
                        local.set $out_17
                        local.get $pc
                        local.get $out_17
                        v128.store offset=16 align=8
                        local.get $pe0
                        v128.load64_splat offset=8
                        local.set $in0_18
                        local.get $c1_0_3
                        local.set $r_18
                        local.get $in0_18
                        local.get $r_18
                        f64x2.add
                        local.set $out_18
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $out_18
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=8
                        local.set $in0_19
                        local.get $c1_1_1
                        local.set $r_19
                        local.get $in0_19
                        local.get $r_19
                        f64x2.add
                        local.set $out_19
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $out_19
                        v128.store offset=16 align=8
                        local.get $pe0
                        v128.load64_splat offset=16
                        local.set $in0_20
                        local.get $c2_0_3
                        local.set $r_20
                        local.get $in0_20
                        local.get $r_20
                        f64x2.add
                        local.set $out_20
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $out_20
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=16
                        local.set $in0_21
                        local.get $c2_1_1
                        local.set $r_21
                        local.get $in0_21
                        local.get $r_21
                        f64x2.add
                        local.set $out_21
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $out_21
                        v128.store offset=16 align=8
                        local.get $pe0
                        v128.load64_splat offset=24
                        local.set $in0_22
                        local.get $c3_0_3
                        local.set $r_22
                        local.get $in0_22
                        local.get $r_22
                        f64x2.add
                        local.set $out_22
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $out_22
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=24
                        local.set $in0_23
                        local.get $c3_1_1
                        local.set $r_23
                        local.get $in0_23
                        local.get $r_23
                        f64x2.add
                        local.set $out_23
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $out_23
                        v128.store offset=16 align=8
                      else
                        local.get $pc
                        local.get $c0_0_3
                        v128.store align=8
                        local.get $pc
                        local.get $c0_1_1
                        v128.store offset=16 align=8
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $c1_0_3
                        v128.store align=8
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $c1_1_1
                        v128.store offset=16 align=8
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $c2_0_3
                        v128.store align=8
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $c2_1_1
                        v128.store offset=16 align=8
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $c3_0_3
                        v128.store align=8
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $c3_1_1
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
                      local.get $w
                      i32.gt_u
                      br_if 1
                      ;; 4 × 2 block of C (1 vectors)
                      local.get $jb
                      local.get $j
                      i32.add
                      local.set $col
                      local.get $p1
                      local.get $i
                      i32.const 6272
                      i32.mul
                      i32.add
                      local.get $kb
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pa
                      local.get $j
                      i32.const 8
                      i32.mul
                      local.set $pb
                      local.get $p0
                      local.get $i
                      local.get $rowBytes
                      i32.mul
                      i32.add
                      local.get $col
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pc
                      local.get $kb
                      i32.eqz
                      if
                        local.get $zero
                        local.set $c0_0_4
                        local.get $zero
                        local.set $c1_0_4
                        local.get $zero
                        local.set $c2_0_4
                        local.get $zero
                        local.set $c3_0_4
                      else
                        local.get $pc
                        v128.load align=8
                        local.set $c0_0_4
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        v128.load align=8
                        local.set $c1_0_4
                        local.get $pc
                        local.get $off
                        i32.add
                        v128.load align=8
                        local.set $c2_0_4
                        local.get $pc
                        local.get $off_1
                        i32.add
                        v128.load align=8
                        local.set $c3_0_4
                      end
                      i32.const 16
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
                        v128.load64_splat offset=6272
                        local.set $a_4
                        local.get $c1_0_4
                        local.get $a_4
                        local.get $b0_4
                        f64x2.mul
                        f64x2.add
                        local.set $c1_0_4
                        local.get $pa
                        v128.load64_splat offset=12544
                        local.set $a_4
                        local.get $c2_0_4
                        local.get $a_4
                        local.get $b0_4
                        f64x2.mul
                        f64x2.add
                        local.set $c2_0_4
                        local.get $pa
                        v128.load64_splat offset=18816
                        local.set $a_4
                        local.get $c3_0_4
                        local.get $a_4
                        local.get $b0_4
                        f64x2.mul
                        f64x2.add
                        local.set $c3_0_4
                        local.get $pa
                        i32.const 8
                        i32.add
                        local.set $pa
                        local.get $pb
                        i32.const 576
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
                      i32.const 784
                      i32.ge_u
                      if
                        local.get $p3
                        local.get $i
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pe0
                        local.get $pe0
                        v128.load64_splat
                        local.set $in0_24
                        local.get $c0_0_4
                        local.set $r_24
                        local.get $in0_24
                        local.get $r_24
                        f64x2.add
                        local.set $out_24
                        local.get $pc
                        local.get $out_24
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=8
                        local.set $in0_25
                        local.get $c1_0_4
                        local.set $r_25
                        local.get $in0_25
                        local.get $r_25
                        f64x2.add
                        local.set $out_25
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $out_25
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=16
                        local.set $in0_26
                        local.get $c2_0_4
                        local.set $r_26
                        local.get $in0_26
                        local.get $r_26
                        f64x2.add
                        local.set $out_26
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $out_26
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=24
                        local.set $in0_27
                        local.get $c3_0_4
                        local.set $r_27
                        local.get $in0_27
                        local.get $r_27
                        f64x2.add
                        local.set $out_27
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $out_27
                        v128.store align=8
                      else
                        local.get $pc
                        local.get $c0_0_4
                        v128.store align=8
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $c1_0_4
                        v128.store align=8
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $c2_0_4
                        v128.store align=8
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $c3_0_4
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
                      local.get $w
                      i32.gt_u
                      br_if 1
                      ;; 4 × 1 block of C
                      local.get $jb
                      local.get $j
                      i32.add
                      local.set $col
                      local.get $p1
                      local.get $i
                      i32.const 6272
                      i32.mul
                      i32.add
                      local.get $kb
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pa
                      local.get $j
                      i32.const 8
                      i32.mul
                      local.set $pb
                      local.get $p0
                      local.get $i
                      local.get $rowBytes
                      i32.mul
                      i32.add
                      local.get $col
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pc
                      local.get $kb
                      i32.eqz
                      if
                        f64.const 0
                        local.set $c0_0_5
                        f64.const 0
                        local.set $c1_0_5
                        f64.const 0
                        local.set $c2_0_5
                        f64.const 0
                        local.set $c3_0_5
                      else
                        local.get $pc
                        f64.load
                        local.set $c0_0_5
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        f64.load
                        local.set $c1_0_5
                        local.get $pc
                        local.get $off
                        i32.add
                        f64.load
                        local.set $c2_0_5
                        local.get $pc
                        local.get $off_1
                        i32.add
                        f64.load
                        local.set $c3_0_5
                      end
                      i32.const 16
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
                        f64.load offset=6272
                        local.set $a_5
                        local.get $c1_0_5
                        local.get $a_5
                        local.get $b0_5
                        f64.mul
                        f64.add
                        local.set $c1_0_5
                        local.get $pa
                        f64.load offset=12544
                        local.set $a_5
                        local.get $c2_0_5
                        local.get $a_5
                        local.get $b0_5
                        f64.mul
                        f64.add
                        local.set $c2_0_5
                        local.get $pa
                        f64.load offset=18816
                        local.set $a_5
                        local.get $c3_0_5
                        local.get $a_5
                        local.get $b0_5
                        f64.mul
                        f64.add
                        local.set $c3_0_5
                        local.get $pa
                        i32.const 8
                        i32.add
                        local.set $pa
                        local.get $pb
                        i32.const 576
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
                      i32.const 784
                      i32.ge_u
                      if
                        local.get $p3
                        local.get $i
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pe0
                        local.get $pe0
                        f64.load
                        local.set $in0_28
                        local.get $c0_0_5
                        local.set $r_28
                        local.get $in0_28
                        local.get $r_28
                        f64.add
                        local.set $out_28
                        local.get $pc
                        local.get $out_28
                        f64.store
                        local.get $pe0
                        f64.load offset=8
                        local.set $in0_29
                        local.get $c1_0_5
                        local.set $r_29
                        local.get $in0_29
                        local.get $r_29
                        f64.add
                        local.set $out_29
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $out_29
                        f64.store
                        local.get $pe0
                        f64.load offset=16
                        local.set $in0_30
                        local.get $c2_0_5
                        local.set $r_30
                        local.get $in0_30
                        local.get $r_30
                        f64.add
                        local.set $out_30
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $out_30
                        f64.store
                        local.get $pe0
                        f64.load offset=24
                        local.set $in0_31
                        local.get $c3_0_5
                        local.set $r_31
                        local.get $in0_31
                        local.get $r_31
                        f64.add
                        local.set $out_31
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $out_31
                        f64.store
                      else
                        local.get $pc
                        local.get $c0_0_5
                        f64.store
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $c1_0_5
                        f64.store
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $c2_0_5
                        f64.store
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $c3_0_5
                        f64.store
                      end
                      local.get $j
                      i32.const 1
                      i32.add
                      local.set $j
                      br 0
                    end
                  end
                  local.get $i
                  i32.const 4
                  i32.add
                  local.tee $i
                  i32.const 128
                  i32.lt_u
                  br_if 0
                end
                local.get $jb
                i32.const 64
                i32.add
                local.set $jb
                br 0
              end
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
            local.set $lr_2
            local.get $m_1
            i32.const 1
            i32.sub
            local.set $lc_2
            local.get $p2
            local.get $kb
            local.get $rowBytes
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $lr_2
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $lc_2
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
            local.set $jb
            block
              loop
                local.get $jb
                local.get $m_1
                i32.ge_u
                br_if 1
                local.get $m_1
                local.get $jb
                i32.sub
                local.set $w
                local.get $w
                i32.const 64
                local.get $w
                i32.const 64
                i32.lt_u
                select
                local.set $w
                local.get $p2
                local.get $kb
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $jb
                i32.const 8
                i32.mul
                i32.add
                local.set $pksrc_2
                ;; B's k block × the panel's columns, packed
                i32.const 0
                local.set $pkto_2
                local.get $w
                i32.const 8
                i32.mul
                local.tee $pkend_2
                i32.const -16
                i32.and
                local.set $pkvecEnd_2
                i32.const 64
                local.set $pkrows_2
                block
                  local.get $pkrows_2
                  i32.eqz
                  br_if 0
                  loop
                    i32.const 0
                    local.set $pkcol_2
                    block
                      local.get $pkcol_2
                      local.get $pkvecEnd_2
                      i32.ge_u
                      br_if 0
                      loop
                        local.get $pkto_2
                        local.get $pkcol_2
                        i32.add
                        local.get $pksrc_2
                        local.get $pkcol_2
                        i32.add
                        v128.load align=8
                        v128.store align=8
                        local.get $pkcol_2
                        i32.const 16
                        i32.add
                        local.tee $pkcol_2
                        local.get $pkvecEnd_2
                        i32.lt_u
                        br_if 0
                      end
                    end
                    block
                      local.get $pkcol_2
                      local.get $pkend_2
                      i32.ge_u
                      br_if 0
                      loop
                        local.get $pkto_2
                        local.get $pkcol_2
                        i32.add
                        local.get $pksrc_2
                        local.get $pkcol_2
                        i32.add
                        f64.load
                        f64.store
                        local.get $pkcol_2
                        i32.const 8
                        i32.add
                        local.tee $pkcol_2
                        local.get $pkend_2
                        i32.lt_u
                        br_if 0
                      end
                    end
                    local.get $pksrc_2
                    local.get $rowBytes
                    i32.add
                    local.set $pksrc_2
                    local.get $pkto_2
                    i32.const 576
                    i32.add
                    local.set $pkto_2
                    local.get $pkrows_2
                    i32.const 1
                    i32.sub
                    local.tee $pkrows_2
                    br_if 0
                  end
                end
                i32.const 0
                local.set $i
                loop
                  i32.const 0
                  local.set $j
                  block
                    loop
                      local.get $j
                      i32.const 4
                      i32.add
                      local.get $w
                      i32.gt_u
                      br_if 1
                      ;; 4 × 4 block of C (2 vectors)
                      local.get $jb
                      local.get $j
                      i32.add
                      local.set $col
                      local.get $p1
                      local.get $i
                      i32.const 6272
                      i32.mul
                      i32.add
                      local.get $kb
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pa
                      local.get $j
                      i32.const 8
                      i32.mul
                      local.set $pb
                      local.get $p0
                      local.get $i
                      local.get $rowBytes
                      i32.mul
                      i32.add
                      local.get $col
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pc
                      local.get $kb
                      i32.eqz
                      if
                        local.get $zero
                        local.set $c0_0_6
                        local.get $zero
                        local.set $c0_1_2
                        local.get $zero
                        local.set $c1_0_6
                        local.get $zero
                        local.set $c1_1_2
                        local.get $zero
                        local.set $c2_0_6
                        local.get $zero
                        local.set $c2_1_2
                        local.get $zero
                        local.set $c3_0_6
                        local.get $zero
                        local.set $c3_1_2
                      else
                        local.get $pc
                        v128.load align=8
                        local.set $c0_0_6
                        local.get $pc
                        v128.load offset=16 align=8
                        local.set $c0_1_2
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        v128.load align=8
                        local.set $c1_0_6
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        v128.load offset=16 align=8
                        local.set $c1_1_2
                        local.get $pc
                        local.get $off
                        i32.add
                        v128.load align=8
                        local.set $c2_0_6
                        local.get $pc
                        local.get $off
                        i32.add
                        v128.load offset=16 align=8
                        local.set $c2_1_2
                        local.get $pc
                        local.get $off_1
                        i32.add
                        v128.load align=8
                        local.set $c3_0_6
                        local.get $pc
                        local.get $off_1
                        i32.add
                        v128.load offset=16 align=8
                        local.set $c3_1_2
                      end
                      i32.const 64
                      local.set $end
                      loop
                        local.get $pb
                        v128.load align=8
                        local.set $b0_6
                        local.get $pb
                        v128.load offset=16 align=8
                        local.set $b1_2
                        local.get $pa
                        v128.load64_splat
                        local.set $a_6
                        local.get $c0_0_6
                        local.get $a_6
                        local.get $b0_6
                        f64x2.mul
                        f64x2.add
                        local.set $c0_0_6
                        local.get $c0_1_2
                        local.get $a_6
                        local.get $b1_2
                        f64x2.mul
                        f64x2.add
                        local.set $c0_1_2
                        local.get $pa
                        v128.load64_splat offset=6272
                        local.set $a_6
                        local.get $c1_0_6
                        local.get $a_6
                        local.get $b0_6
                        f64x2.mul
                        f64x2.add
                        local.set $c1_0_6
                        local.get $c1_1_2
                        local.get $a_6
                        local.get $b1_2
                        f64x2.mul
                        f64x2.add
                        local.set $c1_1_2
                        local.get $pa
                        v128.load64_splat offset=12544
                        local.set $a_6
                        local.get $c2_0_6
                        local.get $a_6
                        local.get $b0_6
                        f64x2.mul
                        f64x2.add
                        local.set $c2_0_6
                        local.get $c2_1_2
                        local.get $a_6
                        local.get $b1_2
                        f64x2.mul
                        f64x2.add
                        local.set $c2_1_2
                        local.get $pa
                        v128.load64_splat offset=18816
                        local.set $a_6
                        local.get $c3_0_6
                        local.get $a_6
                        local.get $b0_6
                        f64x2.mul
                        f64x2.add
                        local.set $c3_0_6
                        local.get $c3_1_2
                        local.get $a_6
                        local.get $b1_2
                        f64x2.mul
                        f64x2.add
                        local.set $c3_1_2
                        local.get $pa
                        i32.const 8
                        i32.add
                        local.set $pa
                        local.get $pb
                        i32.const 576
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
                      i32.const 784
                      i32.ge_u
                      if
                        local.get $p3
                        local.get $i
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pe0
                        local.get $pe0
                        v128.load64_splat
                        local.set $in0_32
                        local.get $c0_0_6
                        local.set $r_32
                        local.get $in0_32
                        local.get $r_32
                        f64x2.add
                        local.set $out_32
                        local.get $pc
                        local.get $out_32
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat
                        local.set $in0_33
                        local.get $c0_1_2
                        local.set $r_33
                        local.get $in0_33
                        local.get $r_33
                        f64x2.add
                        local.set $out_33
                        local.get $pc
                        local.get $out_33
                        v128.store offset=16 align=8
                        local.get $pe0
                        v128.load64_splat offset=8
                        local.set $in0_34
                        local.get $c1_0_6
                        local.set $r_34
                        local.get $in0_34
                        local.get $r_34
                        f64x2.add
                        local.set $out_34
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $out_34
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=8
                        local.set $in0_35
                        local.get $c1_1_2
                        local.set $r_35
                        local.get $in0_35
                        local.get $r_35
                        f64x2.add
                        local.set $out_35
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $out_35
                        v128.store offset=16 align=8
                        local.get $pe0
                        v128.load64_splat offset=16
                        local.set $in0_36
                        local.get $c2_0_6
                        local.set $r_36
                        local.get $in0_36
                        local.get $r_36
                        f64x2.add
                        local.set $out_36
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $out_36
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=16
                        local.set $in0_37
                        local.get $c2_1_2
                        local.set $r_37
                        local.get $in0_37
                        local.get $r_37
                        f64x2.add
                        local.set $out_37
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $out_37
                        v128.store offset=16 align=8
                        local.get $pe0
                        v128.load64_splat offset=24
                        local.set $in0_38
                        local.get $c3_0_6
                        local.set $r_38
                        local.get $in0_38
                        local.get $r_38
                        f64x2.add
                        local.set $out_38
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $out_38
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=24
                        local.set $in0_39
                        local.get $c3_1_2
                        local.set $r_39
                        local.get $in0_39
                        local.get $r_39
                        f64x2.add
                        local.set $out_39
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $out_39
                        v128.store offset=16 align=8
                      else
                        local.get $pc
                        local.get $c0_0_6
                        v128.store align=8
                        local.get $pc
                        local.get $c0_1_2
                        v128.store offset=16 align=8
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $c1_0_6
                        v128.store align=8
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $c1_1_2
                        v128.store offset=16 align=8
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $c2_0_6
                        v128.store align=8
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $c2_1_2
                        v128.store offset=16 align=8
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $c3_0_6
                        v128.store align=8
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $c3_1_2
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
                      local.get $w
                      i32.gt_u
                      br_if 1
                      ;; 4 × 2 block of C (1 vectors)
                      local.get $jb
                      local.get $j
                      i32.add
                      local.set $col
                      local.get $p1
                      local.get $i
                      i32.const 6272
                      i32.mul
                      i32.add
                      local.get $kb
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pa
                      local.get $j
                      i32.const 8
                      i32.mul
                      local.set $pb
                      local.get $p0
                      local.get $i
                      local.get $rowBytes
                      i32.mul
                      i32.add
                      local.get $col
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pc
                      local.get $kb
                      i32.eqz
                      if
                        local.get $zero
                        local.set $c0_0_7
                        local.get $zero
                        local.set $c1_0_7
                        local.get $zero
                        local.set $c2_0_7
                        local.get $zero
                        local.set $c3_0_7
                      else
                        local.get $pc
                        v128.load align=8
                        local.set $c0_0_7
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        v128.load align=8
                        local.set $c1_0_7
                        local.get $pc
                        local.get $off
                        i32.add
                        v128.load align=8
                        local.set $c2_0_7
                        local.get $pc
                        local.get $off_1
                        i32.add
                        v128.load align=8
                        local.set $c3_0_7
                      end
                      i32.const 64
                      local.set $end
                      loop
                        local.get $pb
                        v128.load align=8
                        local.set $b0_7
                        local.get $pa
                        v128.load64_splat
                        local.set $a_7
                        local.get $c0_0_7
                        local.get $a_7
                        local.get $b0_7
                        f64x2.mul
                        f64x2.add
                        local.set $c0_0_7
                        local.get $pa
                        v128.load64_splat offset=6272
                        local.set $a_7
                        local.get $c1_0_7
                        local.get $a_7
                        local.get $b0_7
                        f64x2.mul
                        f64x2.add
                        local.set $c1_0_7
                        local.get $pa
                        v128.load64_splat offset=12544
                        local.set $a_7
                        local.get $c2_0_7
                        local.get $a_7
                        local.get $b0_7
                        f64x2.mul
                        f64x2.add
                        local.set $c2_0_7
                        local.get $pa
                        v128.load64_splat offset=18816
                        local.set $a_7
                        local.get $c3_0_7
                        local.get $a_7
                        local.get $b0_7
                        f64x2.mul
                        f64x2.add
                        local.set $c3_0_7
                        local.get $pa
                        i32.const 8
                        i32.add
                        local.set $pa
                        local.get $pb
                        i32.const 576
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
                      i32.const 784
                      i32.ge_u
                      if
                        local.get $p3
                        local.get $i
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pe0
                        local.get $pe0
                        v128.load64_splat
                        local.set $in0_40
                        local.get $c0_0_7
                        local.set $r_40
                        local.get $in0_40
                        local.get $r_40
                        f64x2.add
                        local.set $out_40
                        local.get $pc
                        local.get $out_40
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=8
                        local.set $in0_41
                        local.get $c1_0_7
                        local.set $r_41
                        local.get $in0_41
                        local.get $r_41
                        f64x2.add
                        local.set $out_41
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $out_41
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=16
                        local.set $in0_42
                        local.get $c2_0_7
                        local.set $r_42
                        local.get $in0_42
                        local.get $r_42
                        f64x2.add
                        local.set $out_42
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $out_42
                        v128.store align=8
                        local.get $pe0
                        v128.load64_splat offset=24
                        local.set $in0_43
                        local.get $c3_0_7
                        local.set $r_43
                        local.get $in0_43
                        local.get $r_43
                        f64x2.add
                        local.set $out_43
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $out_43
                        v128.store align=8
                      else
                        local.get $pc
                        local.get $c0_0_7
                        v128.store align=8
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $c1_0_7
                        v128.store align=8
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $c2_0_7
                        v128.store align=8
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $c3_0_7
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
                      local.get $w
                      i32.gt_u
                      br_if 1
                      ;; 4 × 1 block of C
                      local.get $jb
                      local.get $j
                      i32.add
                      local.set $col
                      local.get $p1
                      local.get $i
                      i32.const 6272
                      i32.mul
                      i32.add
                      local.get $kb
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pa
                      local.get $j
                      i32.const 8
                      i32.mul
                      local.set $pb
                      local.get $p0
                      local.get $i
                      local.get $rowBytes
                      i32.mul
                      i32.add
                      local.get $col
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pc
                      local.get $kb
                      i32.eqz
                      if
                        f64.const 0
                        local.set $c0_0_8
                        f64.const 0
                        local.set $c1_0_8
                        f64.const 0
                        local.set $c2_0_8
                        f64.const 0
                        local.set $c3_0_8
                      else
                        local.get $pc
                        f64.load
                        local.set $c0_0_8
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        f64.load
                        local.set $c1_0_8
                        local.get $pc
                        local.get $off
                        i32.add
                        f64.load
                        local.set $c2_0_8
                        local.get $pc
                        local.get $off_1
                        i32.add
                        f64.load
                        local.set $c3_0_8
                      end
                      i32.const 64
                      local.set $end
                      loop
                        local.get $pb
                        f64.load
                        local.set $b0_8
                        local.get $pa
                        f64.load
                        local.set $a_8
                        local.get $c0_0_8
                        local.get $a_8
                        local.get $b0_8
                        f64.mul
                        f64.add
                        local.set $c0_0_8
                        local.get $pa
                        f64.load offset=6272
                        local.set $a_8
                        local.get $c1_0_8
                        local.get $a_8
                        local.get $b0_8
                        f64.mul
                        f64.add
                        local.set $c1_0_8
                        local.get $pa
                        f64.load offset=12544
                        local.set $a_8
                        local.get $c2_0_8
                        local.get $a_8
                        local.get $b0_8
                        f64.mul
                        f64.add
                        local.set $c2_0_8
                        local.get $pa
                        f64.load offset=18816
                        local.set $a_8
                        local.get $c3_0_8
                        local.get $a_8
                        local.get $b0_8
                        f64.mul
                        f64.add
                        local.set $c3_0_8
                        local.get $pa
                        i32.const 8
                        i32.add
                        local.set $pa
                        local.get $pb
                        i32.const 576
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
                      i32.const 784
                      i32.ge_u
                      if
                        local.get $p3
                        local.get $i
                        i32.const 8
                        i32.mul
                        i32.add
                        local.set $pe0
                        local.get $pe0
                        f64.load
                        local.set $in0_44
                        local.get $c0_0_8
                        local.set $r_44
                        local.get $in0_44
                        local.get $r_44
                        f64.add
                        local.set $out_44
                        local.get $pc
                        local.get $out_44
                        f64.store
                        local.get $pe0
                        f64.load offset=8
                        local.set $in0_45
                        local.get $c1_0_8
                        local.set $r_45
                        local.get $in0_45
                        local.get $r_45
                        f64.add
                        local.set $out_45
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $out_45
                        f64.store
                        local.get $pe0
                        f64.load offset=16
                        local.set $in0_46
                        local.get $c2_0_8
                        local.set $r_46
                        local.get $in0_46
                        local.get $r_46
                        f64.add
                        local.set $out_46
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $out_46
                        f64.store
                        local.get $pe0
                        f64.load offset=24
                        local.set $in0_47
                        local.get $c3_0_8
                        local.set $r_47
                        local.get $in0_47
                        local.get $r_47
                        f64.add
                        local.set $out_47
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $out_47
                        f64.store
                      else
                        local.get $pc
                        local.get $c0_0_8
                        f64.store
                        local.get $pc
                        local.get $rowBytes
                        i32.add
                        local.get $c1_0_8
                        f64.store
                        local.get $pc
                        local.get $off
                        i32.add
                        local.get $c2_0_8
                        f64.store
                        local.get $pc
                        local.get $off_1
                        i32.add
                        local.get $c3_0_8
                        f64.store
                      end
                      local.get $j
                      i32.const 1
                      i32.add
                      local.set $j
                      br 0
                    end
                  end
                  local.get $i
                  i32.const 4
                  i32.add
                  local.tee $i
                  i32.const 128
                  i32.lt_u
                  br_if 0
                end
                local.get $jb
                i32.const 64
                i32.add
                local.set $jb
                br 0
              end
            end
            local.get $kb
            i32.const 64
            i32.add
            local.tee $kb
            i32.const 768
            i32.lt_u
            br_if 0
          end
          local.get $kb
          i32.const 16
          i32.add
          i32.const 1
          i32.sub
          local.set $lr_3
          local.get $m_1
          i32.const 1
          i32.sub
          local.set $lc_3
          local.get $p2
          local.get $kb
          local.get $rowBytes
          i32.mul
          i32.add
          local.set $pa
          local.get $p2
          local.get $lr_3
          local.get $rowBytes
          i32.mul
          i32.add
          local.get $lc_3
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
          local.set $jb
          block
            loop
              local.get $jb
              local.get $m_1
              i32.ge_u
              br_if 1
              local.get $m_1
              local.get $jb
              i32.sub
              local.set $w
              local.get $w
              i32.const 64
              local.get $w
              i32.const 64
              i32.lt_u
              select
              local.set $w
              local.get $p2
              local.get $kb
              local.get $rowBytes
              i32.mul
              i32.add
              local.get $jb
              i32.const 8
              i32.mul
              i32.add
              local.set $pksrc_3
              ;; B's k block × the panel's columns, packed
              i32.const 0
              local.set $pkto_3
              local.get $w
              i32.const 8
              i32.mul
              local.tee $pkend_3
              i32.const -16
              i32.and
              local.set $pkvecEnd_3
              i32.const 16
              local.set $pkrows_3
              block
                local.get $pkrows_3
                i32.eqz
                br_if 0
                loop
                  i32.const 0
                  local.set $pkcol_3
                  block
                    local.get $pkcol_3
                    local.get $pkvecEnd_3
                    i32.ge_u
                    br_if 0
                    loop
                      local.get $pkto_3
                      local.get $pkcol_3
                      i32.add
                      local.get $pksrc_3
                      local.get $pkcol_3
                      i32.add
                      v128.load align=8
                      v128.store align=8
                      local.get $pkcol_3
                      i32.const 16
                      i32.add
                      local.tee $pkcol_3
                      local.get $pkvecEnd_3
                      i32.lt_u
                      br_if 0
                    end
                  end
                  block
                    local.get $pkcol_3
                    local.get $pkend_3
                    i32.ge_u
                    br_if 0
                    loop
                      local.get $pkto_3
                      local.get $pkcol_3
                      i32.add
                      local.get $pksrc_3
                      local.get $pkcol_3
                      i32.add
                      f64.load
                      f64.store
                      local.get $pkcol_3
                      i32.const 8
                      i32.add
                      local.tee $pkcol_3
                      local.get $pkend_3
                      i32.lt_u
                      br_if 0
                    end
                  end
                  local.get $pksrc_3
                  local.get $rowBytes
                  i32.add
                  local.set $pksrc_3
                  local.get $pkto_3
                  i32.const 576
                  i32.add
                  local.set $pkto_3
                  local.get $pkrows_3
                  i32.const 1
                  i32.sub
                  local.tee $pkrows_3
                  br_if 0
                end
              end
              i32.const 0
              local.set $i
              loop
                i32.const 0
                local.set $j
                block
                  loop
                    local.get $j
                    i32.const 4
                    i32.add
                    local.get $w
                    i32.gt_u
                    br_if 1
                    ;; 4 × 4 block of C (2 vectors)
                    local.get $jb
                    local.get $j
                    i32.add
                    local.set $col
                    local.get $p1
                    local.get $i
                    i32.const 6272
                    i32.mul
                    i32.add
                    local.get $kb
                    i32.const 8
                    i32.mul
                    i32.add
                    local.set $pa
                    local.get $j
                    i32.const 8
                    i32.mul
                    local.set $pb
                    local.get $p0
                    local.get $i
                    local.get $rowBytes
                    i32.mul
                    i32.add
                    local.get $col
                    i32.const 8
                    i32.mul
                    i32.add
                    local.set $pc
                    local.get $kb
                    i32.eqz
                    if
                      local.get $zero
                      local.set $c0_0_9
                      local.get $zero
                      local.set $c0_1_3
                      local.get $zero
                      local.set $c1_0_9
                      local.get $zero
                      local.set $c1_1_3
                      local.get $zero
                      local.set $c2_0_9
                      local.get $zero
                      local.set $c2_1_3
                      local.get $zero
                      local.set $c3_0_9
                      local.get $zero
                      local.set $c3_1_3
                    else
                      local.get $pc
                      v128.load align=8
                      local.set $c0_0_9
                      local.get $pc
                      v128.load offset=16 align=8
                      local.set $c0_1_3
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      v128.load align=8
                      local.set $c1_0_9
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      v128.load offset=16 align=8
                      local.set $c1_1_3
                      local.get $pc
                      local.get $off
                      i32.add
                      v128.load align=8
                      local.set $c2_0_9
                      local.get $pc
                      local.get $off
                      i32.add
                      v128.load offset=16 align=8
                      local.set $c2_1_3
                      local.get $pc
                      local.get $off_1
                      i32.add
                      v128.load align=8
                      local.set $c3_0_9
                      local.get $pc
                      local.get $off_1
                      i32.add
                      v128.load offset=16 align=8
                      local.set $c3_1_3
                    end
                    i32.const 16
                    local.set $end
                    loop
                      local.get $pb
                      v128.load align=8
                      local.set $b0_9
                      local.get $pb
                      v128.load offset=16 align=8
                      local.set $b1_3
                      local.get $pa
                      v128.load64_splat
                      local.set $a_9
                      local.get $c0_0_9
                      local.get $a_9
                      local.get $b0_9
                      f64x2.mul
                      f64x2.add
                      local.set $c0_0_9
                      local.get $c0_1_3
                      local.get $a_9
                      local.get $b1_3
                      f64x2.mul
                      f64x2.add
                      local.set $c0_1_3
                      local.get $pa
                      v128.load64_splat offset=6272
                      local.set $a_9
                      local.get $c1_0_9
                      local.get $a_9
                      local.get $b0_9
                      f64x2.mul
                      f64x2.add
                      local.set $c1_0_9
                      local.get $c1_1_3
                      local.get $a_9
                      local.get $b1_3
                      f64x2.mul
                      f64x2.add
                      local.set $c1_1_3
                      local.get $pa
                      v128.load64_splat offset=12544
                      local.set $a_9
                      local.get $c2_0_9
                      local.get $a_9
                      local.get $b0_9
                      f64x2.mul
                      f64x2.add
                      local.set $c2_0_9
                      local.get $c2_1_3
                      local.get $a_9
                      local.get $b1_3
                      f64x2.mul
                      f64x2.add
                      local.set $c2_1_3
                      local.get $pa
                      v128.load64_splat offset=18816
                      local.set $a_9
                      local.get $c3_0_9
                      local.get $a_9
                      local.get $b0_9
                      f64x2.mul
                      f64x2.add
                      local.set $c3_0_9
                      local.get $c3_1_3
                      local.get $a_9
                      local.get $b1_3
                      f64x2.mul
                      f64x2.add
                      local.set $c3_1_3
                      local.get $pa
                      i32.const 8
                      i32.add
                      local.set $pa
                      local.get $pb
                      i32.const 576
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
                    i32.const 784
                    i32.ge_u
                    if
                      local.get $p3
                      local.get $i
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pe0
                      local.get $pe0
                      v128.load64_splat
                      local.set $in0_48
                      local.get $c0_0_9
                      local.set $r_48
                      local.get $in0_48
                      local.get $r_48
                      f64x2.add
                      local.set $out_48
                      local.get $pc
                      local.get $out_48
                      v128.store align=8
                      local.get $pe0
                      v128.load64_splat
                      local.set $in0_49
                      local.get $c0_1_3
                      local.set $r_49
                      local.get $in0_49
                      local.get $r_49
                      f64x2.add
                      local.set $out_49
                      local.get $pc
                      local.get $out_49
                      v128.store offset=16 align=8
                      local.get $pe0
                      v128.load64_splat offset=8
                      local.set $in0_50
                      local.get $c1_0_9
                      local.set $r_50
                      local.get $in0_50
                      local.get $r_50
                      f64x2.add
                      local.set $out_50
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      local.get $out_50
                      v128.store align=8
                      local.get $pe0
                      v128.load64_splat offset=8
                      local.set $in0_51
                      local.get $c1_1_3
                      local.set $r_51
                      local.get $in0_51
                      local.get $r_51
                      f64x2.add
                      local.set $out_51
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      local.get $out_51
                      v128.store offset=16 align=8
                      local.get $pe0
                      v128.load64_splat offset=16
                      local.set $in0_52
                      local.get $c2_0_9
                      local.set $r_52
                      local.get $in0_52
                      local.get $r_52
                      f64x2.add
                      local.set $out_52
                      local.get $pc
                      local.get $off
                      i32.add
                      local.get $out_52
                      v128.store align=8
                      local.get $pe0
                      v128.load64_splat offset=16
                      local.set $in0_53
                      local.get $c2_1_3
                      local.set $r_53
                      local.get $in0_53
                      local.get $r_53
                      f64x2.add
                      local.set $out_53
                      local.get $pc
                      local.get $off
                      i32.add
                      local.get $out_53
                      v128.store offset=16 align=8
                      local.get $pe0
                      v128.load64_splat offset=24
                      local.set $in0_54
                      local.get $c3_0_9
                      local.set $r_54
                      local.get $in0_54
                      local.get $r_54
                      f64x2.add
                      local.set $out_54
                      local.get $pc
                      local.get $off_1
                      i32.add
                      local.get $out_54
                      v128.store align=8
                      local.get $pe0
                      v128.load64_splat offset=24
                      local.set $in0_55
                      local.get $c3_1_3
                      local.set $r_55
                      local.get $in0_55
                      local.get $r_55
                      f64x2.add
                      local.set $out_55
                      local.get $pc
                      local.get $off_1
                      i32.add
                      local.get $out_55
                      v128.store offset=16 align=8
                    else
                      local.get $pc
                      local.get $c0_0_9
                      v128.store align=8
                      local.get $pc
                      local.get $c0_1_3
                      v128.store offset=16 align=8
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      local.get $c1_0_9
                      v128.store align=8
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      local.get $c1_1_3
                      v128.store offset=16 align=8
                      local.get $pc
                      local.get $off
                      i32.add
                      local.get $c2_0_9
                      v128.store align=8
                      local.get $pc
                      local.get $off
                      i32.add
                      local.get $c2_1_3
                      v128.store offset=16 align=8
                      local.get $pc
                      local.get $off_1
                      i32.add
                      local.get $c3_0_9
                      v128.store align=8
                      local.get $pc
                      local.get $off_1
                      i32.add
                      local.get $c3_1_3
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
                    local.get $w
                    i32.gt_u
                    br_if 1
                    ;; 4 × 2 block of C (1 vectors)
                    local.get $jb
                    local.get $j
                    i32.add
                    local.set $col
                    local.get $p1
                    local.get $i
                    i32.const 6272
                    i32.mul
                    i32.add
                    local.get $kb
                    i32.const 8
                    i32.mul
                    i32.add
                    local.set $pa
                    local.get $j
                    i32.const 8
                    i32.mul
                    local.set $pb
                    local.get $p0
                    local.get $i
                    local.get $rowBytes
                    i32.mul
                    i32.add
                    local.get $col
                    i32.const 8
                    i32.mul
                    i32.add
                    local.set $pc
                    local.get $kb
                    i32.eqz
                    if
                      local.get $zero
                      local.set $c0_0_10
                      local.get $zero
                      local.set $c1_0_10
                      local.get $zero
                      local.set $c2_0_10
                      local.get $zero
                      local.set $c3_0_10
                    else
                      local.get $pc
                      v128.load align=8
                      local.set $c0_0_10
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      v128.load align=8
                      local.set $c1_0_10
                      local.get $pc
                      local.get $off
                      i32.add
                      v128.load align=8
                      local.set $c2_0_10
                      local.get $pc
                      local.get $off_1
                      i32.add
                      v128.load align=8
                      local.set $c3_0_10
                    end
                    i32.const 16
                    local.set $end
                    loop
                      local.get $pb
                      v128.load align=8
                      local.set $b0_10
                      local.get $pa
                      v128.load64_splat
                      local.set $a_10
                      local.get $c0_0_10
                      local.get $a_10
                      local.get $b0_10
                      f64x2.mul
                      f64x2.add
                      local.set $c0_0_10
                      local.get $pa
                      v128.load64_splat offset=6272
                      local.set $a_10
                      local.get $c1_0_10
                      local.get $a_10
                      local.get $b0_10
                      f64x2.mul
                      f64x2.add
                      local.set $c1_0_10
                      local.get $pa
                      v128.load64_splat offset=12544
                      local.set $a_10
                      local.get $c2_0_10
                      local.get $a_10
                      local.get $b0_10
                      f64x2.mul
                      f64x2.add
                      local.set $c2_0_10
                      local.get $pa
                      v128.load64_splat offset=18816
                      local.set $a_10
                      local.get $c3_0_10
                      local.get $a_10
                      local.get $b0_10
                      f64x2.mul
                      f64x2.add
                      local.set $c3_0_10
                      local.get $pa
                      i32.const 8
                      i32.add
                      local.set $pa
                      local.get $pb
                      i32.const 576
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
                    i32.const 784
                    i32.ge_u
                    if
                      local.get $p3
                      local.get $i
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pe0
                      local.get $pe0
                      v128.load64_splat
                      local.set $in0_56
                      local.get $c0_0_10
                      local.set $r_56
                      local.get $in0_56
                      local.get $r_56
                      f64x2.add
                      local.set $out_56
                      local.get $pc
                      local.get $out_56
                      v128.store align=8
                      local.get $pe0
                      v128.load64_splat offset=8
                      local.set $in0_57
                      local.get $c1_0_10
                      local.set $r_57
                      local.get $in0_57
                      local.get $r_57
                      f64x2.add
                      local.set $out_57
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      local.get $out_57
                      v128.store align=8
                      local.get $pe0
                      v128.load64_splat offset=16
                      local.set $in0_58
                      local.get $c2_0_10
                      local.set $r_58
                      local.get $in0_58
                      local.get $r_58
                      f64x2.add
                      local.set $out_58
                      local.get $pc
                      local.get $off
                      i32.add
                      local.get $out_58
                      v128.store align=8
                      local.get $pe0
                      v128.load64_splat offset=24
                      local.set $in0_59
                      local.get $c3_0_10
                      local.set $r_59
                      local.get $in0_59
                      local.get $r_59
                      f64x2.add
                      local.set $out_59
                      local.get $pc
                      local.get $off_1
                      i32.add
                      local.get $out_59
                      v128.store align=8
                    else
                      local.get $pc
                      local.get $c0_0_10
                      v128.store align=8
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      local.get $c1_0_10
                      v128.store align=8
                      local.get $pc
                      local.get $off
                      i32.add
                      local.get $c2_0_10
                      v128.store align=8
                      local.get $pc
                      local.get $off_1
                      i32.add
                      local.get $c3_0_10
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
                    local.get $w
                    i32.gt_u
                    br_if 1
                    ;; 4 × 1 block of C
                    local.get $jb
                    local.get $j
                    i32.add
                    local.set $col
                    local.get $p1
                    local.get $i
                    i32.const 6272
                    i32.mul
                    i32.add
                    local.get $kb
                    i32.const 8
                    i32.mul
                    i32.add
                    local.set $pa
                    local.get $j
                    i32.const 8
                    i32.mul
                    local.set $pb
                    local.get $p0
                    local.get $i
                    local.get $rowBytes
                    i32.mul
                    i32.add
                    local.get $col
                    i32.const 8
                    i32.mul
                    i32.add
                    local.set $pc
                    local.get $kb
                    i32.eqz
                    if
                      f64.const 0
                      local.set $c0_0_11
                      f64.const 0
                      local.set $c1_0_11
                      f64.const 0
                      local.set $c2_0_11
                      f64.const 0
                      local.set $c3_0_11
                    else
                      local.get $pc
                      f64.load
                      local.set $c0_0_11
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      f64.load
                      local.set $c1_0_11
                      local.get $pc
                      local.get $off
                      i32.add
                      f64.load
                      local.set $c2_0_11
                      local.get $pc
                      local.get $off_1
                      i32.add
                      f64.load
                      local.set $c3_0_11
                    end
                    i32.const 16
                    local.set $end
                    loop
                      local.get $pb
                      f64.load
                      local.set $b0_11
                      local.get $pa
                      f64.load
                      local.set $a_11
                      local.get $c0_0_11
                      local.get $a_11
                      local.get $b0_11
                      f64.mul
                      f64.add
                      local.set $c0_0_11
                      local.get $pa
                      f64.load offset=6272
                      local.set $a_11
                      local.get $c1_0_11
                      local.get $a_11
                      local.get $b0_11
                      f64.mul
                      f64.add
                      local.set $c1_0_11
                      local.get $pa
                      f64.load offset=12544
                      local.set $a_11
                      local.get $c2_0_11
                      local.get $a_11
                      local.get $b0_11
                      f64.mul
                      f64.add
                      local.set $c2_0_11
                      local.get $pa
                      f64.load offset=18816
                      local.set $a_11
                      local.get $c3_0_11
                      local.get $a_11
                      local.get $b0_11
                      f64.mul
                      f64.add
                      local.set $c3_0_11
                      local.get $pa
                      i32.const 8
                      i32.add
                      local.set $pa
                      local.get $pb
                      i32.const 576
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
                    i32.const 784
                    i32.ge_u
                    if
                      local.get $p3
                      local.get $i
                      i32.const 8
                      i32.mul
                      i32.add
                      local.set $pe0
                      local.get $pe0
                      f64.load
                      local.set $in0_60
                      local.get $c0_0_11
                      local.set $r_60
                      local.get $in0_60
                      local.get $r_60
                      f64.add
                      local.set $out_60
                      local.get $pc
                      local.get $out_60
                      f64.store
                      local.get $pe0
                      f64.load offset=8
                      local.set $in0_61
                      local.get $c1_0_11
                      local.set $r_61
                      local.get $in0_61
                      local.get $r_61
                      f64.add
                      local.set $out_61
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      local.get $out_61
                      f64.store
                      local.get $pe0
                      f64.load offset=16
                      local.set $in0_62
                      local.get $c2_0_11
                      local.set $r_62
                      local.get $in0_62
                      local.get $r_62
                      f64.add
                      local.set $out_62
                      local.get $pc
                      local.get $off
                      i32.add
                      local.get $out_62
                      f64.store
                      local.get $pe0
                      f64.load offset=24
                      local.set $in0_63
                      local.get $c3_0_11
                      local.set $r_63
                      local.get $in0_63
                      local.get $r_63
                      f64.add
                      local.set $out_63
                      local.get $pc
                      local.get $off_1
                      i32.add
                      local.get $out_63
                      f64.store
                    else
                      local.get $pc
                      local.get $c0_0_11
                      f64.store
                      local.get $pc
                      local.get $rowBytes
                      i32.add
                      local.get $c1_0_11
                      f64.store
                      local.get $pc
                      local.get $off
                      i32.add
                      local.get $c2_0_11
                      f64.store
                      local.get $pc
                      local.get $off_1
                      i32.add
                      local.get $c3_0_11
                      f64.store
                    end
                    local.get $j
                    i32.const 1
                    i32.add
                    local.set $j
                    br 0
                  end
                end
                local.get $i
                i32.const 4
                i32.add
                local.tee $i
                i32.const 128
                i32.lt_u
                br_if 0
              end
              local.get $jb
              i32.const 64
              i32.add
              local.set $jb
              br 0
            end
          end
        end
        br 1
      end
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
            local.set $lr_4
            local.get $m_1
            i32.const 1
            i32.sub
            local.set $lc_4
            local.get $p2
            local.get $kb
            local.get $rowBytes
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $lr_4
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $lc_4
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
            loop
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
                  ;; 4 × 4 block of C (2 vectors)
                  local.get $p1
                  local.get $i
                  i32.const 6272
                  i32.mul
                  i32.add
                  local.get $kb
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $p2
                  local.get $kb
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $j
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
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
                    local.set $c0_0_12
                    local.get $zero
                    local.set $c0_1_4
                    local.get $zero
                    local.set $c1_0_12
                    local.get $zero
                    local.set $c1_1_4
                    local.get $zero
                    local.set $c2_0_12
                    local.get $zero
                    local.set $c2_1_4
                    local.get $zero
                    local.set $c3_0_12
                    local.get $zero
                    local.set $c3_1_4
                  else
                    local.get $pc
                    v128.load align=8
                    local.set $c0_0_12
                    local.get $pc
                    v128.load offset=16 align=8
                    local.set $c0_1_4
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    v128.load align=8
                    local.set $c1_0_12
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    v128.load offset=16 align=8
                    local.set $c1_1_4
                    local.get $pc
                    local.get $off
                    i32.add
                    v128.load align=8
                    local.set $c2_0_12
                    local.get $pc
                    local.get $off
                    i32.add
                    v128.load offset=16 align=8
                    local.set $c2_1_4
                    local.get $pc
                    local.get $off_1
                    i32.add
                    v128.load align=8
                    local.set $c3_0_12
                    local.get $pc
                    local.get $off_1
                    i32.add
                    v128.load offset=16 align=8
                    local.set $c3_1_4
                  end
                  i32.const 256
                  local.set $end
                  loop
                    local.get $pb
                    v128.load align=8
                    local.set $b0_12
                    local.get $pb
                    v128.load offset=16 align=8
                    local.set $b1_4
                    local.get $pa
                    v128.load64_splat
                    local.set $a_12
                    local.get $c0_0_12
                    local.get $a_12
                    local.get $b0_12
                    f64x2.mul
                    f64x2.add
                    local.set $c0_0_12
                    local.get $c0_1_4
                    local.get $a_12
                    local.get $b1_4
                    f64x2.mul
                    f64x2.add
                    local.set $c0_1_4
                    local.get $pa
                    v128.load64_splat offset=6272
                    local.set $a_12
                    local.get $c1_0_12
                    local.get $a_12
                    local.get $b0_12
                    f64x2.mul
                    f64x2.add
                    local.set $c1_0_12
                    local.get $c1_1_4
                    local.get $a_12
                    local.get $b1_4
                    f64x2.mul
                    f64x2.add
                    local.set $c1_1_4
                    local.get $pa
                    v128.load64_splat offset=12544
                    local.set $a_12
                    local.get $c2_0_12
                    local.get $a_12
                    local.get $b0_12
                    f64x2.mul
                    f64x2.add
                    local.set $c2_0_12
                    local.get $c2_1_4
                    local.get $a_12
                    local.get $b1_4
                    f64x2.mul
                    f64x2.add
                    local.set $c2_1_4
                    local.get $pa
                    v128.load64_splat offset=18816
                    local.set $a_12
                    local.get $c3_0_12
                    local.get $a_12
                    local.get $b0_12
                    f64x2.mul
                    f64x2.add
                    local.set $c3_0_12
                    local.get $c3_1_4
                    local.get $a_12
                    local.get $b1_4
                    f64x2.mul
                    f64x2.add
                    local.set $c3_1_4
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    local.get $rowBytes
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
                  i32.const 784
                  i32.ge_u
                  if
                    local.get $p3
                    local.get $i
                    i32.const 8
                    i32.mul
                    i32.add
                    local.set $pe0
                    local.get $pe0
                    v128.load64_splat
                    local.set $in0_64
                    local.get $c0_0_12
                    local.set $r_64
                    local.get $in0_64
                    local.get $r_64
                    f64x2.add
                    local.set $out_64
                    local.get $pc
                    local.get $out_64
                    v128.store align=8
                    local.get $pe0
                    v128.load64_splat
                    local.set $in0_65
                    local.get $c0_1_4
                    local.set $r_65
                    local.get $in0_65
                    local.get $r_65
                    f64x2.add
                    local.set $out_65
                    local.get $pc
                    local.get $out_65
                    v128.store offset=16 align=8
                    local.get $pe0
                    v128.load64_splat offset=8
                    local.set $in0_66
                    local.get $c1_0_12
                    local.set $r_66
                    local.get $in0_66
                    local.get $r_66
                    f64x2.add
                    local.set $out_66
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    local.get $out_66
                    v128.store align=8
                    local.get $pe0
                    v128.load64_splat offset=8
                    local.set $in0_67
                    local.get $c1_1_4
                    local.set $r_67
                    local.get $in0_67
                    local.get $r_67
                    f64x2.add
                    local.set $out_67
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    local.get $out_67
                    v128.store offset=16 align=8
                    local.get $pe0
                    v128.load64_splat offset=16
                    local.set $in0_68
                    local.get $c2_0_12
                    local.set $r_68
                    local.get $in0_68
                    local.get $r_68
                    f64x2.add
                    local.set $out_68
                    local.get $pc
                    local.get $off
                    i32.add
                    local.get $out_68
                    v128.store align=8
                    local.get $pe0
                    v128.load64_splat offset=16
                    local.set $in0_69
                    local.get $c2_1_4
                    local.set $r_69
                    local.get $in0_69
                    local.get $r_69
                    f64x2.add
                    local.set $out_69
                    local.get $pc
                    local.get $off
                    i32.add
                    local.get $out_69
                    v128.store offset=16 align=8
                    local.get $pe0
                    v128.load64_splat offset=24
                    local.set $in0_70
                    local.get $c3_0_12
                    local.set $r_70
                    local.get $in0_70
                    local.get $r_70
                    f64x2.add
                    local.set $out_70
                    local.get $pc
                    local.get $off_1
                    i32.add
                    local.get $out_70
                    v128.store align=8
                    local.get $pe0
                    v128.load64_splat offset=24
                    local.set $in0_71
                    local.get $c3_1_4
                    local.set $r_71
                    local.get $in0_71
                    local.get $r_71
                    f64x2.add
                    local.set $out_71
                    local.get $pc
                    local.get $off_1
                    i32.add
                    local.get $out_71
                    v128.store offset=16 align=8
                  else
                    local.get $pc
                    local.get $c0_0_12
                    v128.store align=8
                    local.get $pc
                    local.get $c0_1_4
                    v128.store offset=16 align=8
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    local.get $c1_0_12
                    v128.store align=8
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    local.get $c1_1_4
                    v128.store offset=16 align=8
                    local.get $pc
                    local.get $off
                    i32.add
                    local.get $c2_0_12
                    v128.store align=8
                    local.get $pc
                    local.get $off
                    i32.add
                    local.get $c2_1_4
                    v128.store offset=16 align=8
                    local.get $pc
                    local.get $off_1
                    i32.add
                    local.get $c3_0_12
                    v128.store align=8
                    local.get $pc
                    local.get $off_1
                    i32.add
                    local.get $c3_1_4
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
                  ;; 4 × 2 block of C (1 vectors)
                  local.get $p1
                  local.get $i
                  i32.const 6272
                  i32.mul
                  i32.add
                  local.get $kb
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $p2
                  local.get $kb
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $j
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
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
                    local.set $c0_0_13
                    local.get $zero
                    local.set $c1_0_13
                    local.get $zero
                    local.set $c2_0_13
                    local.get $zero
                    local.set $c3_0_13
                  else
                    local.get $pc
                    v128.load align=8
                    local.set $c0_0_13
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    v128.load align=8
                    local.set $c1_0_13
                    local.get $pc
                    local.get $off
                    i32.add
                    v128.load align=8
                    local.set $c2_0_13
                    local.get $pc
                    local.get $off_1
                    i32.add
                    v128.load align=8
                    local.set $c3_0_13
                  end
                  i32.const 256
                  local.set $end
                  loop
                    local.get $pb
                    v128.load align=8
                    local.set $b0_13
                    local.get $pa
                    v128.load64_splat
                    local.set $a_13
                    local.get $c0_0_13
                    local.get $a_13
                    local.get $b0_13
                    f64x2.mul
                    f64x2.add
                    local.set $c0_0_13
                    local.get $pa
                    v128.load64_splat offset=6272
                    local.set $a_13
                    local.get $c1_0_13
                    local.get $a_13
                    local.get $b0_13
                    f64x2.mul
                    f64x2.add
                    local.set $c1_0_13
                    local.get $pa
                    v128.load64_splat offset=12544
                    local.set $a_13
                    local.get $c2_0_13
                    local.get $a_13
                    local.get $b0_13
                    f64x2.mul
                    f64x2.add
                    local.set $c2_0_13
                    local.get $pa
                    v128.load64_splat offset=18816
                    local.set $a_13
                    local.get $c3_0_13
                    local.get $a_13
                    local.get $b0_13
                    f64x2.mul
                    f64x2.add
                    local.set $c3_0_13
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    local.get $rowBytes
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
                  i32.const 784
                  i32.ge_u
                  if
                    local.get $p3
                    local.get $i
                    i32.const 8
                    i32.mul
                    i32.add
                    local.set $pe0
                    local.get $pe0
                    v128.load64_splat
                    local.set $in0_72
                    local.get $c0_0_13
                    local.set $r_72
                    local.get $in0_72
                    local.get $r_72
                    f64x2.add
                    local.set $out_72
                    local.get $pc
                    local.get $out_72
                    v128.store align=8
                    local.get $pe0
                    v128.load64_splat offset=8
                    local.set $in0_73
                    local.get $c1_0_13
                    local.set $r_73
                    local.get $in0_73
                    local.get $r_73
                    f64x2.add
                    local.set $out_73
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    local.get $out_73
                    v128.store align=8
                    local.get $pe0
                    v128.load64_splat offset=16
                    local.set $in0_74
                    local.get $c2_0_13
                    local.set $r_74
                    local.get $in0_74
                    local.get $r_74
                    f64x2.add
                    local.set $out_74
                    local.get $pc
                    local.get $off
                    i32.add
                    local.get $out_74
                    v128.store align=8
                    local.get $pe0
                    v128.load64_splat offset=24
                    local.set $in0_75
                    local.get $c3_0_13
                    local.set $r_75
                    local.get $in0_75
                    local.get $r_75
                    f64x2.add
                    local.set $out_75
                    local.get $pc
                    local.get $off_1
                    i32.add
                    local.get $out_75
                    v128.store align=8
                  else
                    local.get $pc
                    local.get $c0_0_13
                    v128.store align=8
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    local.get $c1_0_13
                    v128.store align=8
                    local.get $pc
                    local.get $off
                    i32.add
                    local.get $c2_0_13
                    v128.store align=8
                    local.get $pc
                    local.get $off_1
                    i32.add
                    local.get $c3_0_13
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
                  ;; 4 × 1 block of C
                  local.get $p1
                  local.get $i
                  i32.const 6272
                  i32.mul
                  i32.add
                  local.get $kb
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $p2
                  local.get $kb
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $j
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
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
                    local.set $c0_0_14
                    f64.const 0
                    local.set $c1_0_14
                    f64.const 0
                    local.set $c2_0_14
                    f64.const 0
                    local.set $c3_0_14
                  else
                    local.get $pc
                    f64.load
                    local.set $c0_0_14
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    f64.load
                    local.set $c1_0_14
                    local.get $pc
                    local.get $off
                    i32.add
                    f64.load
                    local.set $c2_0_14
                    local.get $pc
                    local.get $off_1
                    i32.add
                    f64.load
                    local.set $c3_0_14
                  end
                  i32.const 256
                  local.set $end
                  loop
                    local.get $pb
                    f64.load
                    local.set $b0_14
                    local.get $pa
                    f64.load
                    local.set $a_14
                    local.get $c0_0_14
                    local.get $a_14
                    local.get $b0_14
                    f64.mul
                    f64.add
                    local.set $c0_0_14
                    local.get $pa
                    f64.load offset=6272
                    local.set $a_14
                    local.get $c1_0_14
                    local.get $a_14
                    local.get $b0_14
                    f64.mul
                    f64.add
                    local.set $c1_0_14
                    local.get $pa
                    f64.load offset=12544
                    local.set $a_14
                    local.get $c2_0_14
                    local.get $a_14
                    local.get $b0_14
                    f64.mul
                    f64.add
                    local.set $c2_0_14
                    local.get $pa
                    f64.load offset=18816
                    local.set $a_14
                    local.get $c3_0_14
                    local.get $a_14
                    local.get $b0_14
                    f64.mul
                    f64.add
                    local.set $c3_0_14
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    local.get $rowBytes
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
                  i32.const 784
                  i32.ge_u
                  if
                    local.get $p3
                    local.get $i
                    i32.const 8
                    i32.mul
                    i32.add
                    local.set $pe0
                    local.get $pe0
                    f64.load
                    local.set $in0_76
                    local.get $c0_0_14
                    local.set $r_76
                    local.get $in0_76
                    local.get $r_76
                    f64.add
                    local.set $out_76
                    local.get $pc
                    local.get $out_76
                    f64.store
                    local.get $pe0
                    f64.load offset=8
                    local.set $in0_77
                    local.get $c1_0_14
                    local.set $r_77
                    local.get $in0_77
                    local.get $r_77
                    f64.add
                    local.set $out_77
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    local.get $out_77
                    f64.store
                    local.get $pe0
                    f64.load offset=16
                    local.set $in0_78
                    local.get $c2_0_14
                    local.set $r_78
                    local.get $in0_78
                    local.get $r_78
                    f64.add
                    local.set $out_78
                    local.get $pc
                    local.get $off
                    i32.add
                    local.get $out_78
                    f64.store
                    local.get $pe0
                    f64.load offset=24
                    local.set $in0_79
                    local.get $c3_0_14
                    local.set $r_79
                    local.get $in0_79
                    local.get $r_79
                    f64.add
                    local.set $out_79
                    local.get $pc
                    local.get $off_1
                    i32.add
                    local.get $out_79
                    f64.store
                  else
                    local.get $pc
                    local.get $c0_0_14
                    f64.store
                    local.get $pc
                    local.get $rowBytes
                    i32.add
                    local.get $c1_0_14
                    f64.store
                    local.get $pc
                    local.get $off
                    i32.add
                    local.get $c2_0_14
                    f64.store
                    local.get $pc
                    local.get $off_1
                    i32.add
                    local.get $c3_0_14
                    f64.store
                  end
                  local.get $j
                  i32.const 1
                  i32.add
                  local.set $j
                  br 0
                end
              end
              local.get $i
              i32.const 4
              i32.add
              local.tee $i
              i32.const 128
              i32.lt_u
              br_if 0
            end
            local.get $kb
            i32.const 256
            i32.add
            local.tee $kb
            i32.const 768
            i32.lt_u
            br_if 0
          end
          local.get $kb
          i32.const 16
          i32.add
          i32.const 1
          i32.sub
          local.set $lr_5
          local.get $m_1
          i32.const 1
          i32.sub
          local.set $lc_5
          local.get $p2
          local.get $kb
          local.get $rowBytes
          i32.mul
          i32.add
          local.set $pa
          local.get $p2
          local.get $lr_5
          local.get $rowBytes
          i32.mul
          i32.add
          local.get $lc_5
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
          loop
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
                ;; 4 × 4 block of C (2 vectors)
                local.get $p1
                local.get $i
                i32.const 6272
                i32.mul
                i32.add
                local.get $kb
                i32.const 8
                i32.mul
                i32.add
                local.set $pa
                local.get $p2
                local.get $kb
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $j
                i32.const 8
                i32.mul
                i32.add
                local.set $pb
                local.get $p0
                local.get $i
                local.get $rowBytes
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
                  local.set $c0_0_15
                  local.get $zero
                  local.set $c0_1_5
                  local.get $zero
                  local.set $c1_0_15
                  local.get $zero
                  local.set $c1_1_5
                  local.get $zero
                  local.set $c2_0_15
                  local.get $zero
                  local.set $c2_1_5
                  local.get $zero
                  local.set $c3_0_15
                  local.get $zero
                  local.set $c3_1_5
                else
                  local.get $pc
                  v128.load align=8
                  local.set $c0_0_15
                  local.get $pc
                  v128.load offset=16 align=8
                  local.set $c0_1_5
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  v128.load align=8
                  local.set $c1_0_15
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  v128.load offset=16 align=8
                  local.set $c1_1_5
                  local.get $pc
                  local.get $off
                  i32.add
                  v128.load align=8
                  local.set $c2_0_15
                  local.get $pc
                  local.get $off
                  i32.add
                  v128.load offset=16 align=8
                  local.set $c2_1_5
                  local.get $pc
                  local.get $off_1
                  i32.add
                  v128.load align=8
                  local.set $c3_0_15
                  local.get $pc
                  local.get $off_1
                  i32.add
                  v128.load offset=16 align=8
                  local.set $c3_1_5
                end
                i32.const 16
                local.set $end
                loop
                  local.get $pb
                  v128.load align=8
                  local.set $b0_15
                  local.get $pb
                  v128.load offset=16 align=8
                  local.set $b1_5
                  local.get $pa
                  v128.load64_splat
                  local.set $a_15
                  local.get $c0_0_15
                  local.get $a_15
                  local.get $b0_15
                  f64x2.mul
                  f64x2.add
                  local.set $c0_0_15
                  local.get $c0_1_5
                  local.get $a_15
                  local.get $b1_5
                  f64x2.mul
                  f64x2.add
                  local.set $c0_1_5
                  local.get $pa
                  v128.load64_splat offset=6272
                  local.set $a_15
                  local.get $c1_0_15
                  local.get $a_15
                  local.get $b0_15
                  f64x2.mul
                  f64x2.add
                  local.set $c1_0_15
                  local.get $c1_1_5
                  local.get $a_15
                  local.get $b1_5
                  f64x2.mul
                  f64x2.add
                  local.set $c1_1_5
                  local.get $pa
                  v128.load64_splat offset=12544
                  local.set $a_15
                  local.get $c2_0_15
                  local.get $a_15
                  local.get $b0_15
                  f64x2.mul
                  f64x2.add
                  local.set $c2_0_15
                  local.get $c2_1_5
                  local.get $a_15
                  local.get $b1_5
                  f64x2.mul
                  f64x2.add
                  local.set $c2_1_5
                  local.get $pa
                  v128.load64_splat offset=18816
                  local.set $a_15
                  local.get $c3_0_15
                  local.get $a_15
                  local.get $b0_15
                  f64x2.mul
                  f64x2.add
                  local.set $c3_0_15
                  local.get $c3_1_5
                  local.get $a_15
                  local.get $b1_5
                  f64x2.mul
                  f64x2.add
                  local.set $c3_1_5
                  local.get $pa
                  i32.const 8
                  i32.add
                  local.set $pa
                  local.get $pb
                  local.get $rowBytes
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
                i32.const 784
                i32.ge_u
                if
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  v128.load64_splat
                  local.set $in0_80
                  local.get $c0_0_15
                  local.set $r_80
                  local.get $in0_80
                  local.get $r_80
                  f64x2.add
                  local.set $out_80
                  local.get $pc
                  local.get $out_80
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat
                  local.set $in0_81
                  local.get $c0_1_5
                  local.set $r_81
                  local.get $in0_81
                  local.get $r_81
                  f64x2.add
                  local.set $out_81
                  local.get $pc
                  local.get $out_81
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_82
                  local.get $c1_0_15
                  local.set $r_82
                  local.get $in0_82
                  local.get $r_82
                  f64x2.add
                  local.set $out_82
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_82
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_83
                  local.get $c1_1_5
                  local.set $r_83
                  local.get $in0_83
                  local.get $r_83
                  f64x2.add
                  local.set $out_83
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_83
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_84
                  local.get $c2_0_15
                  local.set $r_84
                  local.get $in0_84
                  local.get $r_84
                  f64x2.add
                  local.set $out_84
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_84
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_85
                  local.get $c2_1_5
                  local.set $r_85
                  local.get $in0_85
                  local.get $r_85
                  f64x2.add
                  local.set $out_85
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_85
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_86
                  local.get $c3_0_15
                  local.set $r_86
                  local.get $in0_86
                  local.get $r_86
                  f64x2.add
                  local.set $out_86
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_86
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_87
                  local.get $c3_1_5
                  local.set $r_87
                  local.get $in0_87
                  local.get $r_87
                  f64x2.add
                  local.set $out_87
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_87
                  v128.store offset=16 align=8
                else
                  local.get $pc
                  local.get $c0_0_15
                  v128.store align=8
                  local.get $pc
                  local.get $c0_1_5
                  v128.store offset=16 align=8
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $c1_0_15
                  v128.store align=8
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $c1_1_5
                  v128.store offset=16 align=8
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $c2_0_15
                  v128.store align=8
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $c2_1_5
                  v128.store offset=16 align=8
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $c3_0_15
                  v128.store align=8
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $c3_1_5
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
                ;; 4 × 2 block of C (1 vectors)
                local.get $p1
                local.get $i
                i32.const 6272
                i32.mul
                i32.add
                local.get $kb
                i32.const 8
                i32.mul
                i32.add
                local.set $pa
                local.get $p2
                local.get $kb
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $j
                i32.const 8
                i32.mul
                i32.add
                local.set $pb
                local.get $p0
                local.get $i
                local.get $rowBytes
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
                  local.set $c0_0_16
                  local.get $zero
                  local.set $c1_0_16
                  local.get $zero
                  local.set $c2_0_16
                  local.get $zero
                  local.set $c3_0_16
                else
                  local.get $pc
                  v128.load align=8
                  local.set $c0_0_16
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  v128.load align=8
                  local.set $c1_0_16
                  local.get $pc
                  local.get $off
                  i32.add
                  v128.load align=8
                  local.set $c2_0_16
                  local.get $pc
                  local.get $off_1
                  i32.add
                  v128.load align=8
                  local.set $c3_0_16
                end
                i32.const 16
                local.set $end
                loop
                  local.get $pb
                  v128.load align=8
                  local.set $b0_16
                  local.get $pa
                  v128.load64_splat
                  local.set $a_16
                  local.get $c0_0_16
                  local.get $a_16
                  local.get $b0_16
                  f64x2.mul
                  f64x2.add
                  local.set $c0_0_16
                  local.get $pa
                  v128.load64_splat offset=6272
                  local.set $a_16
                  local.get $c1_0_16
                  local.get $a_16
                  local.get $b0_16
                  f64x2.mul
                  f64x2.add
                  local.set $c1_0_16
                  local.get $pa
                  v128.load64_splat offset=12544
                  local.set $a_16
                  local.get $c2_0_16
                  local.get $a_16
                  local.get $b0_16
                  f64x2.mul
                  f64x2.add
                  local.set $c2_0_16
                  local.get $pa
                  v128.load64_splat offset=18816
                  local.set $a_16
                  local.get $c3_0_16
                  local.get $a_16
                  local.get $b0_16
                  f64x2.mul
                  f64x2.add
                  local.set $c3_0_16
                  local.get $pa
                  i32.const 8
                  i32.add
                  local.set $pa
                  local.get $pb
                  local.get $rowBytes
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
                i32.const 784
                i32.ge_u
                if
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  v128.load64_splat
                  local.set $in0_88
                  local.get $c0_0_16
                  local.set $r_88
                  local.get $in0_88
                  local.get $r_88
                  f64x2.add
                  local.set $out_88
                  local.get $pc
                  local.get $out_88
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_89
                  local.get $c1_0_16
                  local.set $r_89
                  local.get $in0_89
                  local.get $r_89
                  f64x2.add
                  local.set $out_89
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_89
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_90
                  local.get $c2_0_16
                  local.set $r_90
                  local.get $in0_90
                  local.get $r_90
                  f64x2.add
                  local.set $out_90
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_90
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_91
                  local.get $c3_0_16
                  local.set $r_91
                  local.get $in0_91
                  local.get $r_91
                  f64x2.add
                  local.set $out_91
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_91
                  v128.store align=8
                else
                  local.get $pc
                  local.get $c0_0_16
                  v128.store align=8
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $c1_0_16
                  v128.store align=8
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $c2_0_16
                  v128.store align=8
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $c3_0_16
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
                ;; 4 × 1 block of C
                local.get $p1
                local.get $i
                i32.const 6272
                i32.mul
                i32.add
                local.get $kb
                i32.const 8
                i32.mul
                i32.add
                local.set $pa
                local.get $p2
                local.get $kb
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $j
                i32.const 8
                i32.mul
                i32.add
                local.set $pb
                local.get $p0
                local.get $i
                local.get $rowBytes
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
                  local.set $c0_0_17
                  f64.const 0
                  local.set $c1_0_17
                  f64.const 0
                  local.set $c2_0_17
                  f64.const 0
                  local.set $c3_0_17
                else
                  local.get $pc
                  f64.load
                  local.set $c0_0_17
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  f64.load
                  local.set $c1_0_17
                  local.get $pc
                  local.get $off
                  i32.add
                  f64.load
                  local.set $c2_0_17
                  local.get $pc
                  local.get $off_1
                  i32.add
                  f64.load
                  local.set $c3_0_17
                end
                i32.const 16
                local.set $end
                loop
                  local.get $pb
                  f64.load
                  local.set $b0_17
                  local.get $pa
                  f64.load
                  local.set $a_17
                  local.get $c0_0_17
                  local.get $a_17
                  local.get $b0_17
                  f64.mul
                  f64.add
                  local.set $c0_0_17
                  local.get $pa
                  f64.load offset=6272
                  local.set $a_17
                  local.get $c1_0_17
                  local.get $a_17
                  local.get $b0_17
                  f64.mul
                  f64.add
                  local.set $c1_0_17
                  local.get $pa
                  f64.load offset=12544
                  local.set $a_17
                  local.get $c2_0_17
                  local.get $a_17
                  local.get $b0_17
                  f64.mul
                  f64.add
                  local.set $c2_0_17
                  local.get $pa
                  f64.load offset=18816
                  local.set $a_17
                  local.get $c3_0_17
                  local.get $a_17
                  local.get $b0_17
                  f64.mul
                  f64.add
                  local.set $c3_0_17
                  local.get $pa
                  i32.const 8
                  i32.add
                  local.set $pa
                  local.get $pb
                  local.get $rowBytes
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
                i32.const 784
                i32.ge_u
                if
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  f64.load
                  local.set $in0_92
                  local.get $c0_0_17
                  local.set $r_92
                  local.get $in0_92
                  local.get $r_92
                  f64.add
                  local.set $out_92
                  local.get $pc
                  local.get $out_92
                  f64.store
                  local.get $pe0
                  f64.load offset=8
                  local.set $in0_93
                  local.get $c1_0_17
                  local.set $r_93
                  local.get $in0_93
                  local.get $r_93
                  f64.add
                  local.set $out_93
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_93
                  f64.store
                  local.get $pe0
                  f64.load offset=16
                  local.set $in0_94
                  local.get $c2_0_17
                  local.set $r_94
                  local.get $in0_94
                  local.get $r_94
                  f64.add
                  local.set $out_94
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_94
                  f64.store
                  local.get $pe0
                  f64.load offset=24
                  local.set $in0_95
                  local.get $c3_0_17
                  local.set $r_95
                  local.get $in0_95
                  local.get $r_95
                  f64.add
                  local.set $out_95
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_95
                  f64.store
                else
                  local.get $pc
                  local.get $c0_0_17
                  f64.store
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $c1_0_17
                  f64.store
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $c2_0_17
                  f64.store
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $c3_0_17
                  f64.store
                end
                local.get $j
                i32.const 1
                i32.add
                local.set $j
                br 0
              end
            end
            local.get $i
            i32.const 4
            i32.add
            local.tee $i
            i32.const 128
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
          local.set $lr_6
          local.get $m_1
          i32.const 1
          i32.sub
          local.set $lc_6
          local.get $p2
          local.get $kb
          local.get $rowBytes
          i32.mul
          i32.add
          local.set $pa
          local.get $p2
          local.get $lr_6
          local.get $rowBytes
          i32.mul
          i32.add
          local.get $lc_6
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
          loop
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
                ;; 4 × 4 block of C (2 vectors)
                local.get $p1
                local.get $i
                i32.const 6272
                i32.mul
                i32.add
                local.get $kb
                i32.const 8
                i32.mul
                i32.add
                local.set $pa
                local.get $p2
                local.get $kb
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $j
                i32.const 8
                i32.mul
                i32.add
                local.set $pb
                local.get $p0
                local.get $i
                local.get $rowBytes
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
                  local.set $c0_0_18
                  local.get $zero
                  local.set $c0_1_6
                  local.get $zero
                  local.set $c1_0_18
                  local.get $zero
                  local.set $c1_1_6
                  local.get $zero
                  local.set $c2_0_18
                  local.get $zero
                  local.set $c2_1_6
                  local.get $zero
                  local.set $c3_0_18
                  local.get $zero
                  local.set $c3_1_6
                else
                  local.get $pc
                  v128.load align=8
                  local.set $c0_0_18
                  local.get $pc
                  v128.load offset=16 align=8
                  local.set $c0_1_6
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  v128.load align=8
                  local.set $c1_0_18
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  v128.load offset=16 align=8
                  local.set $c1_1_6
                  local.get $pc
                  local.get $off
                  i32.add
                  v128.load align=8
                  local.set $c2_0_18
                  local.get $pc
                  local.get $off
                  i32.add
                  v128.load offset=16 align=8
                  local.set $c2_1_6
                  local.get $pc
                  local.get $off_1
                  i32.add
                  v128.load align=8
                  local.set $c3_0_18
                  local.get $pc
                  local.get $off_1
                  i32.add
                  v128.load offset=16 align=8
                  local.set $c3_1_6
                end
                i32.const 64
                local.set $end
                loop
                  local.get $pb
                  v128.load align=8
                  local.set $b0_18
                  local.get $pb
                  v128.load offset=16 align=8
                  local.set $b1_6
                  local.get $pa
                  v128.load64_splat
                  local.set $a_18
                  local.get $c0_0_18
                  local.get $a_18
                  local.get $b0_18
                  f64x2.mul
                  f64x2.add
                  local.set $c0_0_18
                  local.get $c0_1_6
                  local.get $a_18
                  local.get $b1_6
                  f64x2.mul
                  f64x2.add
                  local.set $c0_1_6
                  local.get $pa
                  v128.load64_splat offset=6272
                  local.set $a_18
                  local.get $c1_0_18
                  local.get $a_18
                  local.get $b0_18
                  f64x2.mul
                  f64x2.add
                  local.set $c1_0_18
                  local.get $c1_1_6
                  local.get $a_18
                  local.get $b1_6
                  f64x2.mul
                  f64x2.add
                  local.set $c1_1_6
                  local.get $pa
                  v128.load64_splat offset=12544
                  local.set $a_18
                  local.get $c2_0_18
                  local.get $a_18
                  local.get $b0_18
                  f64x2.mul
                  f64x2.add
                  local.set $c2_0_18
                  local.get $c2_1_6
                  local.get $a_18
                  local.get $b1_6
                  f64x2.mul
                  f64x2.add
                  local.set $c2_1_6
                  local.get $pa
                  v128.load64_splat offset=18816
                  local.set $a_18
                  local.get $c3_0_18
                  local.get $a_18
                  local.get $b0_18
                  f64x2.mul
                  f64x2.add
                  local.set $c3_0_18
                  local.get $c3_1_6
                  local.get $a_18
                  local.get $b1_6
                  f64x2.mul
                  f64x2.add
                  local.set $c3_1_6
                  local.get $pa
                  i32.const 8
                  i32.add
                  local.set $pa
                  local.get $pb
                  local.get $rowBytes
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
                i32.const 784
                i32.ge_u
                if
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  v128.load64_splat
                  local.set $in0_96
                  local.get $c0_0_18
                  local.set $r_96
                  local.get $in0_96
                  local.get $r_96
                  f64x2.add
                  local.set $out_96
                  local.get $pc
                  local.get $out_96
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat
                  local.set $in0_97
                  local.get $c0_1_6
                  local.set $r_97
                  local.get $in0_97
                  local.get $r_97
                  f64x2.add
                  local.set $out_97
                  local.get $pc
                  local.get $out_97
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_98
                  local.get $c1_0_18
                  local.set $r_98
                  local.get $in0_98
                  local.get $r_98
                  f64x2.add
                  local.set $out_98
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_98
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_99
                  local.get $c1_1_6
                  local.set $r_99
                  local.get $in0_99
                  local.get $r_99
                  f64x2.add
                  local.set $out_99
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_99
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_100
                  local.get $c2_0_18
                  local.set $r_100
                  local.get $in0_100
                  local.get $r_100
                  f64x2.add
                  local.set $out_100
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_100
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_101
                  local.get $c2_1_6
                  local.set $r_101
                  local.get $in0_101
                  local.get $r_101
                  f64x2.add
                  local.set $out_101
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_101
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_102
                  local.get $c3_0_18
                  local.set $r_102
                  local.get $in0_102
                  local.get $r_102
                  f64x2.add
                  local.set $out_102
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_102
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_103
                  local.get $c3_1_6
                  local.set $r_103
                  local.get $in0_103
                  local.get $r_103
                  f64x2.add
                  local.set $out_103
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_103
                  v128.store offset=16 align=8
                else
                  local.get $pc
                  local.get $c0_0_18
                  v128.store align=8
                  local.get $pc
                  local.get $c0_1_6
                  v128.store offset=16 align=8
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $c1_0_18
                  v128.store align=8
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $c1_1_6
                  v128.store offset=16 align=8
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $c2_0_18
                  v128.store align=8
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $c2_1_6
                  v128.store offset=16 align=8
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $c3_0_18
                  v128.store align=8
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $c3_1_6
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
                ;; 4 × 2 block of C (1 vectors)
                local.get $p1
                local.get $i
                i32.const 6272
                i32.mul
                i32.add
                local.get $kb
                i32.const 8
                i32.mul
                i32.add
                local.set $pa
                local.get $p2
                local.get $kb
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $j
                i32.const 8
                i32.mul
                i32.add
                local.set $pb
                local.get $p0
                local.get $i
                local.get $rowBytes
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
                  local.set $c0_0_19
                  local.get $zero
                  local.set $c1_0_19
                  local.get $zero
                  local.set $c2_0_19
                  local.get $zero
                  local.set $c3_0_19
                else
                  local.get $pc
                  v128.load align=8
                  local.set $c0_0_19
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  v128.load align=8
                  local.set $c1_0_19
                  local.get $pc
                  local.get $off
                  i32.add
                  v128.load align=8
                  local.set $c2_0_19
                  local.get $pc
                  local.get $off_1
                  i32.add
                  v128.load align=8
                  local.set $c3_0_19
                end
                i32.const 64
                local.set $end
                loop
                  local.get $pb
                  v128.load align=8
                  local.set $b0_19
                  local.get $pa
                  v128.load64_splat
                  local.set $a_19
                  local.get $c0_0_19
                  local.get $a_19
                  local.get $b0_19
                  f64x2.mul
                  f64x2.add
                  local.set $c0_0_19
                  local.get $pa
                  v128.load64_splat offset=6272
                  local.set $a_19
                  local.get $c1_0_19
                  local.get $a_19
                  local.get $b0_19
                  f64x2.mul
                  f64x2.add
                  local.set $c1_0_19
                  local.get $pa
                  v128.load64_splat offset=12544
                  local.set $a_19
                  local.get $c2_0_19
                  local.get $a_19
                  local.get $b0_19
                  f64x2.mul
                  f64x2.add
                  local.set $c2_0_19
                  local.get $pa
                  v128.load64_splat offset=18816
                  local.set $a_19
                  local.get $c3_0_19
                  local.get $a_19
                  local.get $b0_19
                  f64x2.mul
                  f64x2.add
                  local.set $c3_0_19
                  local.get $pa
                  i32.const 8
                  i32.add
                  local.set $pa
                  local.get $pb
                  local.get $rowBytes
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
                i32.const 784
                i32.ge_u
                if
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  v128.load64_splat
                  local.set $in0_104
                  local.get $c0_0_19
                  local.set $r_104
                  local.get $in0_104
                  local.get $r_104
                  f64x2.add
                  local.set $out_104
                  local.get $pc
                  local.get $out_104
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_105
                  local.get $c1_0_19
                  local.set $r_105
                  local.get $in0_105
                  local.get $r_105
                  f64x2.add
                  local.set $out_105
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_105
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_106
                  local.get $c2_0_19
                  local.set $r_106
                  local.get $in0_106
                  local.get $r_106
                  f64x2.add
                  local.set $out_106
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_106
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_107
                  local.get $c3_0_19
                  local.set $r_107
                  local.get $in0_107
                  local.get $r_107
                  f64x2.add
                  local.set $out_107
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_107
                  v128.store align=8
                else
                  local.get $pc
                  local.get $c0_0_19
                  v128.store align=8
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $c1_0_19
                  v128.store align=8
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $c2_0_19
                  v128.store align=8
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $c3_0_19
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
                ;; 4 × 1 block of C
                local.get $p1
                local.get $i
                i32.const 6272
                i32.mul
                i32.add
                local.get $kb
                i32.const 8
                i32.mul
                i32.add
                local.set $pa
                local.get $p2
                local.get $kb
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $j
                i32.const 8
                i32.mul
                i32.add
                local.set $pb
                local.get $p0
                local.get $i
                local.get $rowBytes
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
                  local.set $c0_0_20
                  f64.const 0
                  local.set $c1_0_20
                  f64.const 0
                  local.set $c2_0_20
                  f64.const 0
                  local.set $c3_0_20
                else
                  local.get $pc
                  f64.load
                  local.set $c0_0_20
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  f64.load
                  local.set $c1_0_20
                  local.get $pc
                  local.get $off
                  i32.add
                  f64.load
                  local.set $c2_0_20
                  local.get $pc
                  local.get $off_1
                  i32.add
                  f64.load
                  local.set $c3_0_20
                end
                i32.const 64
                local.set $end
                loop
                  local.get $pb
                  f64.load
                  local.set $b0_20
                  local.get $pa
                  f64.load
                  local.set $a_20
                  local.get $c0_0_20
                  local.get $a_20
                  local.get $b0_20
                  f64.mul
                  f64.add
                  local.set $c0_0_20
                  local.get $pa
                  f64.load offset=6272
                  local.set $a_20
                  local.get $c1_0_20
                  local.get $a_20
                  local.get $b0_20
                  f64.mul
                  f64.add
                  local.set $c1_0_20
                  local.get $pa
                  f64.load offset=12544
                  local.set $a_20
                  local.get $c2_0_20
                  local.get $a_20
                  local.get $b0_20
                  f64.mul
                  f64.add
                  local.set $c2_0_20
                  local.get $pa
                  f64.load offset=18816
                  local.set $a_20
                  local.get $c3_0_20
                  local.get $a_20
                  local.get $b0_20
                  f64.mul
                  f64.add
                  local.set $c3_0_20
                  local.get $pa
                  i32.const 8
                  i32.add
                  local.set $pa
                  local.get $pb
                  local.get $rowBytes
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
                i32.const 784
                i32.ge_u
                if
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  f64.load
                  local.set $in0_108
                  local.get $c0_0_20
                  local.set $r_108
                  local.get $in0_108
                  local.get $r_108
                  f64.add
                  local.set $out_108
                  local.get $pc
                  local.get $out_108
                  f64.store
                  local.get $pe0
                  f64.load offset=8
                  local.set $in0_109
                  local.get $c1_0_20
                  local.set $r_109
                  local.get $in0_109
                  local.get $r_109
                  f64.add
                  local.set $out_109
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_109
                  f64.store
                  local.get $pe0
                  f64.load offset=16
                  local.set $in0_110
                  local.get $c2_0_20
                  local.set $r_110
                  local.get $in0_110
                  local.get $r_110
                  f64.add
                  local.set $out_110
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_110
                  f64.store
                  local.get $pe0
                  f64.load offset=24
                  local.set $in0_111
                  local.get $c3_0_20
                  local.set $r_111
                  local.get $in0_111
                  local.get $r_111
                  f64.add
                  local.set $out_111
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_111
                  f64.store
                else
                  local.get $pc
                  local.get $c0_0_20
                  f64.store
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $c1_0_20
                  f64.store
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $c2_0_20
                  f64.store
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $c3_0_20
                  f64.store
                end
                local.get $j
                i32.const 1
                i32.add
                local.set $j
                br 0
              end
            end
            local.get $i
            i32.const 4
            i32.add
            local.tee $i
            i32.const 128
            i32.lt_u
            br_if 0
          end
          local.get $kb
          i32.const 64
          i32.add
          local.tee $kb
          i32.const 768
          i32.lt_u
          br_if 0
        end
        local.get $kb
        i32.const 16
        i32.add
        i32.const 1
        i32.sub
        local.set $lr_7
        local.get $m_1
        i32.const 1
        i32.sub
        local.set $lc_7
        local.get $p2
        local.get $kb
        local.get $rowBytes
        i32.mul
        i32.add
        local.set $pa
        local.get $p2
        local.get $lr_7
        local.get $rowBytes
        i32.mul
        i32.add
        local.get $lc_7
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
        loop
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
              ;; 4 × 4 block of C (2 vectors)
              local.get $p1
              local.get $i
              i32.const 6272
              i32.mul
              i32.add
              local.get $kb
              i32.const 8
              i32.mul
              i32.add
              local.set $pa
              local.get $p2
              local.get $kb
              local.get $rowBytes
              i32.mul
              i32.add
              local.get $j
              i32.const 8
              i32.mul
              i32.add
              local.set $pb
              local.get $p0
              local.get $i
              local.get $rowBytes
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
                local.set $c0_0_21
                local.get $zero
                local.set $c0_1_7
                local.get $zero
                local.set $c1_0_21
                local.get $zero
                local.set $c1_1_7
                local.get $zero
                local.set $c2_0_21
                local.get $zero
                local.set $c2_1_7
                local.get $zero
                local.set $c3_0_21
                local.get $zero
                local.set $c3_1_7
              else
                local.get $pc
                v128.load align=8
                local.set $c0_0_21
                local.get $pc
                v128.load offset=16 align=8
                local.set $c0_1_7
                local.get $pc
                local.get $rowBytes
                i32.add
                v128.load align=8
                local.set $c1_0_21
                local.get $pc
                local.get $rowBytes
                i32.add
                v128.load offset=16 align=8
                local.set $c1_1_7
                local.get $pc
                local.get $off
                i32.add
                v128.load align=8
                local.set $c2_0_21
                local.get $pc
                local.get $off
                i32.add
                v128.load offset=16 align=8
                local.set $c2_1_7
                local.get $pc
                local.get $off_1
                i32.add
                v128.load align=8
                local.set $c3_0_21
                local.get $pc
                local.get $off_1
                i32.add
                v128.load offset=16 align=8
                local.set $c3_1_7
              end
              i32.const 16
              local.set $end
              loop
                local.get $pb
                v128.load align=8
                local.set $b0_21
                local.get $pb
                v128.load offset=16 align=8
                local.set $b1_7
                local.get $pa
                v128.load64_splat
                local.set $a_21
                local.get $c0_0_21
                local.get $a_21
                local.get $b0_21
                f64x2.mul
                f64x2.add
                local.set $c0_0_21
                local.get $c0_1_7
                local.get $a_21
                local.get $b1_7
                f64x2.mul
                f64x2.add
                local.set $c0_1_7
                local.get $pa
                v128.load64_splat offset=6272
                local.set $a_21
                local.get $c1_0_21
                local.get $a_21
                local.get $b0_21
                f64x2.mul
                f64x2.add
                local.set $c1_0_21
                local.get $c1_1_7
                local.get $a_21
                local.get $b1_7
                f64x2.mul
                f64x2.add
                local.set $c1_1_7
                local.get $pa
                v128.load64_splat offset=12544
                local.set $a_21
                local.get $c2_0_21
                local.get $a_21
                local.get $b0_21
                f64x2.mul
                f64x2.add
                local.set $c2_0_21
                local.get $c2_1_7
                local.get $a_21
                local.get $b1_7
                f64x2.mul
                f64x2.add
                local.set $c2_1_7
                local.get $pa
                v128.load64_splat offset=18816
                local.set $a_21
                local.get $c3_0_21
                local.get $a_21
                local.get $b0_21
                f64x2.mul
                f64x2.add
                local.set $c3_0_21
                local.get $c3_1_7
                local.get $a_21
                local.get $b1_7
                f64x2.mul
                f64x2.add
                local.set $c3_1_7
                local.get $pa
                i32.const 8
                i32.add
                local.set $pa
                local.get $pb
                local.get $rowBytes
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
              i32.const 784
              i32.ge_u
              if
                local.get $p3
                local.get $i
                i32.const 8
                i32.mul
                i32.add
                local.set $pe0
                local.get $pe0
                v128.load64_splat
                local.set $in0_112
                local.get $c0_0_21
                local.set $r_112
                local.get $in0_112
                local.get $r_112
                f64x2.add
                local.set $out_112
                local.get $pc
                local.get $out_112
                v128.store align=8
                local.get $pe0
                v128.load64_splat
                local.set $in0_113
                local.get $c0_1_7
                local.set $r_113
                local.get $in0_113
                local.get $r_113
                f64x2.add
                local.set $out_113
                local.get $pc
                local.get $out_113
                v128.store offset=16 align=8
                local.get $pe0
                v128.load64_splat offset=8
                local.set $in0_114
                local.get $c1_0_21
                local.set $r_114
                local.get $in0_114
                local.get $r_114
                f64x2.add
                local.set $out_114
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $out_114
                v128.store align=8
                local.get $pe0
                v128.load64_splat offset=8
                local.set $in0_115
                local.get $c1_1_7
                local.set $r_115
                local.get $in0_115
                local.get $r_115
                f64x2.add
                local.set $out_115
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $out_115
                v128.store offset=16 align=8
                local.get $pe0
                v128.load64_splat offset=16
                local.set $in0_116
                local.get $c2_0_21
                local.set $r_116
                local.get $in0_116
                local.get $r_116
                f64x2.add
                local.set $out_116
                local.get $pc
                local.get $off
                i32.add
                local.get $out_116
                v128.store align=8
                local.get $pe0
                v128.load64_splat offset=16
                local.set $in0_117
                local.get $c2_1_7
                local.set $r_117
                local.get $in0_117
                local.get $r_117
                f64x2.add
                local.set $out_117
                local.get $pc
                local.get $off
                i32.add
                local.get $out_117
                v128.store offset=16 align=8
                local.get $pe0
                v128.load64_splat offset=24
                local.set $in0_118
                local.get $c3_0_21
                local.set $r_118
                local.get $in0_118
                local.get $r_118
                f64x2.add
                local.set $out_118
                local.get $pc
                local.get $off_1
                i32.add
                local.get $out_118
                v128.store align=8
                local.get $pe0
                v128.load64_splat offset=24
                local.set $in0_119
                local.get $c3_1_7
                local.set $r_119
                local.get $in0_119
                local.get $r_119
                f64x2.add
                local.set $out_119
                local.get $pc
                local.get $off_1
                i32.add
                local.get $out_119
                v128.store offset=16 align=8
              else
                local.get $pc
                local.get $c0_0_21
                v128.store align=8
                local.get $pc
                local.get $c0_1_7
                v128.store offset=16 align=8
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $c1_0_21
                v128.store align=8
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $c1_1_7
                v128.store offset=16 align=8
                local.get $pc
                local.get $off
                i32.add
                local.get $c2_0_21
                v128.store align=8
                local.get $pc
                local.get $off
                i32.add
                local.get $c2_1_7
                v128.store offset=16 align=8
                local.get $pc
                local.get $off_1
                i32.add
                local.get $c3_0_21
                v128.store align=8
                local.get $pc
                local.get $off_1
                i32.add
                local.get $c3_1_7
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
              ;; 4 × 2 block of C (1 vectors)
              local.get $p1
              local.get $i
              i32.const 6272
              i32.mul
              i32.add
              local.get $kb
              i32.const 8
              i32.mul
              i32.add
              local.set $pa
              local.get $p2
              local.get $kb
              local.get $rowBytes
              i32.mul
              i32.add
              local.get $j
              i32.const 8
              i32.mul
              i32.add
              local.set $pb
              local.get $p0
              local.get $i
              local.get $rowBytes
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
                local.set $c0_0_22
                local.get $zero
                local.set $c1_0_22
                local.get $zero
                local.set $c2_0_22
                local.get $zero
                local.set $c3_0_22
              else
                local.get $pc
                v128.load align=8
                local.set $c0_0_22
                local.get $pc
                local.get $rowBytes
                i32.add
                v128.load align=8
                local.set $c1_0_22
                local.get $pc
                local.get $off
                i32.add
                v128.load align=8
                local.set $c2_0_22
                local.get $pc
                local.get $off_1
                i32.add
                v128.load align=8
                local.set $c3_0_22
              end
              i32.const 16
              local.set $end
              loop
                local.get $pb
                v128.load align=8
                local.set $b0_22
                local.get $pa
                v128.load64_splat
                local.set $a_22
                local.get $c0_0_22
                local.get $a_22
                local.get $b0_22
                f64x2.mul
                f64x2.add
                local.set $c0_0_22
                local.get $pa
                v128.load64_splat offset=6272
                local.set $a_22
                local.get $c1_0_22
                local.get $a_22
                local.get $b0_22
                f64x2.mul
                f64x2.add
                local.set $c1_0_22
                local.get $pa
                v128.load64_splat offset=12544
                local.set $a_22
                local.get $c2_0_22
                local.get $a_22
                local.get $b0_22
                f64x2.mul
                f64x2.add
                local.set $c2_0_22
                local.get $pa
                v128.load64_splat offset=18816
                local.set $a_22
                local.get $c3_0_22
                local.get $a_22
                local.get $b0_22
                f64x2.mul
                f64x2.add
                local.set $c3_0_22
                local.get $pa
                i32.const 8
                i32.add
                local.set $pa
                local.get $pb
                local.get $rowBytes
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
              i32.const 784
              i32.ge_u
              if
                local.get $p3
                local.get $i
                i32.const 8
                i32.mul
                i32.add
                local.set $pe0
                local.get $pe0
                v128.load64_splat
                local.set $in0_120
                local.get $c0_0_22
                local.set $r_120
                local.get $in0_120
                local.get $r_120
                f64x2.add
                local.set $out_120
                local.get $pc
                local.get $out_120
                v128.store align=8
                local.get $pe0
                v128.load64_splat offset=8
                local.set $in0_121
                local.get $c1_0_22
                local.set $r_121
                local.get $in0_121
                local.get $r_121
                f64x2.add
                local.set $out_121
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $out_121
                v128.store align=8
                local.get $pe0
                v128.load64_splat offset=16
                local.set $in0_122
                local.get $c2_0_22
                local.set $r_122
                local.get $in0_122
                local.get $r_122
                f64x2.add
                local.set $out_122
                local.get $pc
                local.get $off
                i32.add
                local.get $out_122
                v128.store align=8
                local.get $pe0
                v128.load64_splat offset=24
                local.set $in0_123
                local.get $c3_0_22
                local.set $r_123
                local.get $in0_123
                local.get $r_123
                f64x2.add
                local.set $out_123
                local.get $pc
                local.get $off_1
                i32.add
                local.get $out_123
                v128.store align=8
              else
                local.get $pc
                local.get $c0_0_22
                v128.store align=8
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $c1_0_22
                v128.store align=8
                local.get $pc
                local.get $off
                i32.add
                local.get $c2_0_22
                v128.store align=8
                local.get $pc
                local.get $off_1
                i32.add
                local.get $c3_0_22
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
              ;; 4 × 1 block of C
              local.get $p1
              local.get $i
              i32.const 6272
              i32.mul
              i32.add
              local.get $kb
              i32.const 8
              i32.mul
              i32.add
              local.set $pa
              local.get $p2
              local.get $kb
              local.get $rowBytes
              i32.mul
              i32.add
              local.get $j
              i32.const 8
              i32.mul
              i32.add
              local.set $pb
              local.get $p0
              local.get $i
              local.get $rowBytes
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
                local.set $c0_0_23
                f64.const 0
                local.set $c1_0_23
                f64.const 0
                local.set $c2_0_23
                f64.const 0
                local.set $c3_0_23
              else
                local.get $pc
                f64.load
                local.set $c0_0_23
                local.get $pc
                local.get $rowBytes
                i32.add
                f64.load
                local.set $c1_0_23
                local.get $pc
                local.get $off
                i32.add
                f64.load
                local.set $c2_0_23
                local.get $pc
                local.get $off_1
                i32.add
                f64.load
                local.set $c3_0_23
              end
              i32.const 16
              local.set $end
              loop
                local.get $pb
                f64.load
                local.set $b0_23
                local.get $pa
                f64.load
                local.set $a_23
                local.get $c0_0_23
                local.get $a_23
                local.get $b0_23
                f64.mul
                f64.add
                local.set $c0_0_23
                local.get $pa
                f64.load offset=6272
                local.set $a_23
                local.get $c1_0_23
                local.get $a_23
                local.get $b0_23
                f64.mul
                f64.add
                local.set $c1_0_23
                local.get $pa
                f64.load offset=12544
                local.set $a_23
                local.get $c2_0_23
                local.get $a_23
                local.get $b0_23
                f64.mul
                f64.add
                local.set $c2_0_23
                local.get $pa
                f64.load offset=18816
                local.set $a_23
                local.get $c3_0_23
                local.get $a_23
                local.get $b0_23
                f64.mul
                f64.add
                local.set $c3_0_23
                local.get $pa
                i32.const 8
                i32.add
                local.set $pa
                local.get $pb
                local.get $rowBytes
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
              i32.const 784
              i32.ge_u
              if
                local.get $p3
                local.get $i
                i32.const 8
                i32.mul
                i32.add
                local.set $pe0
                local.get $pe0
                f64.load
                local.set $in0_124
                local.get $c0_0_23
                local.set $r_124
                local.get $in0_124
                local.get $r_124
                f64.add
                local.set $out_124
                local.get $pc
                local.get $out_124
                f64.store
                local.get $pe0
                f64.load offset=8
                local.set $in0_125
                local.get $c1_0_23
                local.set $r_125
                local.get $in0_125
                local.get $r_125
                f64.add
                local.set $out_125
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $out_125
                f64.store
                local.get $pe0
                f64.load offset=16
                local.set $in0_126
                local.get $c2_0_23
                local.set $r_126
                local.get $in0_126
                local.get $r_126
                f64.add
                local.set $out_126
                local.get $pc
                local.get $off
                i32.add
                local.get $out_126
                f64.store
                local.get $pe0
                f64.load offset=24
                local.set $in0_127
                local.get $c3_0_23
                local.set $r_127
                local.get $in0_127
                local.get $r_127
                f64.add
                local.set $out_127
                local.get $pc
                local.get $off_1
                i32.add
                local.get $out_127
                f64.store
              else
                local.get $pc
                local.get $c0_0_23
                f64.store
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $c1_0_23
                f64.store
                local.get $pc
                local.get $off
                i32.add
                local.get $c2_0_23
                f64.store
                local.get $pc
                local.get $off_1
                i32.add
                local.get $c3_0_23
                f64.store
              end
              local.get $j
              i32.const 1
              i32.add
              local.set $j
              br 0
            end
          end
          local.get $i
          i32.const 4
          i32.add
          local.tee $i
          i32.const 128
          i32.lt_u
          br_if 0
        end
      end
    end
  )
  (func $t8 (type 1) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $n i32)
    (local $stride i32)
    (local $v v128)
    (local $in1 v128)
    (local $in0 v128)
    (local $zero v128)
    (local $k v128)
    (local $v_1 v128)
    (local $in1_1 v128)
    (local $in0_1 v128)
    (local $v_2 v128)
    (local $in1_2 v128)
    (local $in0_2 v128)
    (local $v_3 v128)
    (local $in1_3 v128)
    (local $in0_3 v128)
    (local $v_4 v128)
    (local $in1_4 v128)
    (local $in0_4 v128)
    (local $v_5 f64)
    (local $in1_5 f64)
    (local $in0_5 f64)
    local.get $m
    local.set $n
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    f64.const 0
    f64x2.splat
    local.set $zero
    f64.const 0.9
    f64x2.splat
    local.set $k
    ;; elementwise over [128, 1·m]
    i32.const 0
    local.set $i0
    loop
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p2
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p1_1
          local.get $p1_1
          v128.load align=8
          local.set $in1
          local.get $p0_1
          v128.load align=8
          local.set $in0
          local.get $in1
          local.get $in0
          local.get $zero
          f64x2.max
          f64x2.mul
          local.get $k
          f64x2.div
          local.set $v
          local.get $po
          local.get $v
          v128.store align=8
          local.get $p1_1
          v128.load offset=16 align=8
          local.set $in1_1
          local.get $p0_1
          v128.load offset=16 align=8
          local.set $in0_1
          local.get $in1_1
          local.get $in0_1
          local.get $zero
          f64x2.max
          f64x2.mul
          local.get $k
          f64x2.div
          local.set $v_1
          local.get $po
          local.get $v_1
          v128.store offset=16 align=8
          local.get $p1_1
          v128.load offset=32 align=8
          local.set $in1_2
          local.get $p0_1
          v128.load offset=32 align=8
          local.set $in0_2
          local.get $in1_2
          local.get $in0_2
          local.get $zero
          f64x2.max
          f64x2.mul
          local.get $k
          f64x2.div
          local.set $v_2
          local.get $po
          local.get $v_2
          v128.store offset=32 align=8
          local.get $p1_1
          v128.load offset=48 align=8
          local.set $in1_3
          local.get $p0_1
          v128.load offset=48 align=8
          local.set $in0_3
          local.get $in1_3
          local.get $in0_3
          local.get $zero
          f64x2.max
          f64x2.mul
          local.get $k
          f64x2.div
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p2
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p1_1
          local.get $p1_1
          v128.load align=8
          local.set $in1_4
          local.get $p0_1
          v128.load align=8
          local.set $in0_4
          local.get $in1_4
          local.get $in0_4
          local.get $zero
          f64x2.max
          f64x2.mul
          local.get $k
          f64x2.div
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p2
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p1_1
          local.get $p1_1
          f64.load
          local.set $in1_5
          local.get $p0_1
          f64.load
          local.set $in0_5
          local.get $in1_5
          local.get $in0_5
          f64.const 0
          f64.max
          f64.mul
          f64.const 0.9
          f64.div
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
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 128
      i32.lt_u
      br_if 0
    end
  )
  (func $Z2 (type 0) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $pe0 i32)
    (local $jb i32)
    (local $w i32)
    (local $col i32)
    (local $rowBytes i32)
    (local $lr i32)
    (local $lc i32)
    (local $m_1 i32)
    (local $pksrc i32)
    (local $pkto i32)
    (local $pkrows i32)
    (local $pkcol i32)
    (local $pkvecEnd i32)
    (local $pkend i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c2_0 v128)
    (local $c2_1 v128)
    (local $c3_0 v128)
    (local $c3_1 v128)
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
    (local $out_2 v128)
    (local $in0_2 v128)
    (local $r_2 v128)
    (local $out_3 v128)
    (local $in0_3 v128)
    (local $r_3 v128)
    (local $out_4 v128)
    (local $in0_4 v128)
    (local $r_4 v128)
    (local $off i32)
    (local $out_5 v128)
    (local $in0_5 v128)
    (local $r_5 v128)
    (local $out_6 v128)
    (local $in0_6 v128)
    (local $r_6 v128)
    (local $off_1 i32)
    (local $out_7 v128)
    (local $in0_7 v128)
    (local $r_7 v128)
    (local $c0_0_1 v128)
    (local $c1_0_1 v128)
    (local $c2_0_1 v128)
    (local $c3_0_1 v128)
    (local $b0_1 v128)
    (local $a_1 v128)
    (local $out_8 v128)
    (local $in0_8 v128)
    (local $r_8 v128)
    (local $out_9 v128)
    (local $in0_9 v128)
    (local $r_9 v128)
    (local $out_10 v128)
    (local $in0_10 v128)
    (local $r_10 v128)
    (local $out_11 v128)
    (local $in0_11 v128)
    (local $r_11 v128)
    (local $c0_0_2 f64)
    (local $c1_0_2 f64)
    (local $c2_0_2 f64)
    (local $c3_0_2 f64)
    (local $b0_2 f64)
    (local $a_2 f64)
    (local $out_12 f64)
    (local $in0_12 f64)
    (local $r_12 f64)
    (local $out_13 f64)
    (local $in0_13 f64)
    (local $r_13 f64)
    (local $out_14 f64)
    (local $in0_14 f64)
    (local $r_14 f64)
    (local $out_15 f64)
    (local $in0_15 f64)
    (local $r_15 f64)
    (local $lr_1 i32)
    (local $lc_1 i32)
    (local $c0_0_3 v128)
    (local $c0_1_1 v128)
    (local $c1_0_3 v128)
    (local $c1_1_1 v128)
    (local $c2_0_3 v128)
    (local $c2_1_1 v128)
    (local $c3_0_3 v128)
    (local $c3_1_1 v128)
    (local $b0_3 v128)
    (local $b1_1 v128)
    (local $a_3 v128)
    (local $out_16 v128)
    (local $in0_16 v128)
    (local $r_16 v128)
    (local $out_17 v128)
    (local $in0_17 v128)
    (local $r_17 v128)
    (local $out_18 v128)
    (local $in0_18 v128)
    (local $r_18 v128)
    (local $out_19 v128)
    (local $in0_19 v128)
    (local $r_19 v128)
    (local $out_20 v128)
    (local $in0_20 v128)
    (local $r_20 v128)
    (local $out_21 v128)
    (local $in0_21 v128)
    (local $r_21 v128)
    (local $out_22 v128)
    (local $in0_22 v128)
    (local $r_22 v128)
    (local $out_23 v128)
    (local $in0_23 v128)
    (local $r_23 v128)
    (local $c0_0_4 v128)
    (local $c1_0_4 v128)
    (local $c2_0_4 v128)
    (local $c3_0_4 v128)
    (local $b0_4 v128)
    (local $a_4 v128)
    (local $out_24 v128)
    (local $in0_24 v128)
    (local $r_24 v128)
    (local $out_25 v128)
    (local $in0_25 v128)
    (local $r_25 v128)
    (local $out_26 v128)
    (local $in0_26 v128)
    (local $r_26 v128)
    (local $out_27 v128)
    (local $in0_27 v128)
    (local $r_27 v128)
    (local $c0_0_5 f64)
    (local $c1_0_5 f64)
    (local $c2_0_5 f64)
    (local $c3_0_5 f64)
    (local $b0_5 f64)
    (local $a_5 f64)
    (local $out_28 f64)
    (local $in0_28 f64)
    (local $r_28 f64)
    (local $out_29 f64)
    (local $in0_29 f64)
    (local $r_29 f64)
    (local $out_30 f64)
    (local $in0_30 f64)
    (local $r_30 f64)
    (local $out_31 f64)
    (local $in0_31 f64)
    (local $r_31 f64)
    local.get $m
    i32.const 8
    i32.mul
    local.set $rowBytes
    local.get $m
    local.set $m_1
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
    ;; C (64 × 1·m) = A·B, k = 128, rows form
    block
      block
        local.get $rowBytes
        i32.const 4095
        i32.and
        br_if 0
        ;; B packed: its row stride is a multiple of 4096 bytes
        i32.const 0
        i32.const 128
        i32.add
        i32.const 1
        i32.sub
        local.set $lr
        local.get $m_1
        i32.const 1
        i32.sub
        local.set $lc
        local.get $p2
        local.set $pa
        local.get $p2
        local.get $lr
        local.get $rowBytes
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
        local.set $jb
        block
          loop
            local.get $jb
            local.get $m_1
            i32.ge_u
            br_if 1
            local.get $m_1
            local.get $jb
            i32.sub
            local.set $w
            local.get $w
            i32.const 64
            local.get $w
            i32.const 64
            i32.lt_u
            select
            local.set $w
            local.get $p2
            local.get $jb
            i32.const 8
            i32.mul
            i32.add
            local.set $pksrc
            ;; B's k block × the panel's columns, packed
            i32.const 0
            local.set $pkto
            local.get $w
            i32.const 8
            i32.mul
            local.tee $pkend
            i32.const -16
            i32.and
            local.set $pkvecEnd
            i32.const 128
            local.set $pkrows
            block
              local.get $pkrows
              i32.eqz
              br_if 0
              loop
                i32.const 0
                local.set $pkcol
                block
                  local.get $pkcol
                  local.get $pkvecEnd
                  i32.ge_u
                  br_if 0
                  loop
                    local.get $pkto
                    local.get $pkcol
                    i32.add
                    local.get $pksrc
                    local.get $pkcol
                    i32.add
                    v128.load align=8
                    v128.store align=8
                    local.get $pkcol
                    i32.const 16
                    i32.add
                    local.tee $pkcol
                    local.get $pkvecEnd
                    i32.lt_u
                    br_if 0
                  end
                end
                block
                  local.get $pkcol
                  local.get $pkend
                  i32.ge_u
                  br_if 0
                  loop
                    local.get $pkto
                    local.get $pkcol
                    i32.add
                    local.get $pksrc
                    local.get $pkcol
                    i32.add
                    f64.load
                    f64.store
                    local.get $pkcol
                    i32.const 8
                    i32.add
                    local.tee $pkcol
                    local.get $pkend
                    i32.lt_u
                    br_if 0
                  end
                end
                local.get $pksrc
                local.get $rowBytes
                i32.add
                local.set $pksrc
                local.get $pkto
                i32.const 576
                i32.add
                local.set $pkto
                local.get $pkrows
                i32.const 1
                i32.sub
                local.tee $pkrows
                br_if 0
              end
            end
            i32.const 0
            local.set $i
            loop
              i32.const 0
              local.set $j
              block
                loop
                  local.get $j
                  i32.const 4
                  i32.add
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 4 block of C (2 vectors)
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 1024
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  local.get $zero
                  local.set $c0_0
                  local.get $zero
                  local.set $c0_1
                  local.get $zero
                  local.set $c1_0
                  local.get $zero
                  local.set $c1_1
                  local.get $zero
                  local.set $c2_0
                  local.get $zero
                  local.set $c2_1
                  local.get $zero
                  local.set $c3_0
                  local.get $zero
                  local.set $c3_1
                  i32.const 128
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
                    v128.load64_splat offset=1024
                    local.set $a
                    local.get $c1_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c1_0
                    local.get $c1_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c1_1
                    local.get $pa
                    v128.load64_splat offset=2048
                    local.set $a
                    local.get $c2_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c2_0
                    local.get $c2_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c2_1
                    local.get $pa
                    v128.load64_splat offset=3072
                    local.set $a
                    local.get $c3_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c3_0
                    local.get $c3_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c3_1
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
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
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_2
                  local.get $c1_0
                  local.set $r_2
                  local.get $in0_2
                  local.get $r_2
                  f64x2.add
                  local.set $out_2
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_2
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_3
                  local.get $c1_1
                  local.set $r_3
                  local.get $in0_3
                  local.get $r_3
                  f64x2.add
                  local.set $out_3
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_3
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_4
                  local.get $c2_0
                  local.set $r_4
                  local.get $in0_4
                  local.get $r_4
                  f64x2.add
                  local.set $out_4
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_4
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_5
                  local.get $c2_1
                  local.set $r_5
                  local.get $in0_5
                  local.get $r_5
                  f64x2.add
                  local.set $out_5
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_5
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_6
                  local.get $c3_0
                  local.set $r_6
                  local.get $in0_6
                  local.get $r_6
                  f64x2.add
                  local.set $out_6
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_6
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_7
                  local.get $c3_1
                  local.set $r_7
                  local.get $in0_7
                  local.get $r_7
                  f64x2.add
                  local.set $out_7
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_7
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
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 2 block of C (1 vectors)
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 1024
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  local.get $zero
                  local.set $c0_0_1
                  local.get $zero
                  local.set $c1_0_1
                  local.get $zero
                  local.set $c2_0_1
                  local.get $zero
                  local.set $c3_0_1
                  i32.const 128
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
                    v128.load64_splat offset=1024
                    local.set $a_1
                    local.get $c1_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c1_0_1
                    local.get $pa
                    v128.load64_splat offset=2048
                    local.set $a_1
                    local.get $c2_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c2_0_1
                    local.get $pa
                    v128.load64_splat offset=3072
                    local.set $a_1
                    local.get $c3_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c3_0_1
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  v128.load64_splat
                  local.set $in0_8
                  local.get $c0_0_1
                  local.set $r_8
                  local.get $in0_8
                  local.get $r_8
                  f64x2.add
                  local.set $out_8
                  local.get $pc
                  local.get $out_8
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_9
                  local.get $c1_0_1
                  local.set $r_9
                  local.get $in0_9
                  local.get $r_9
                  f64x2.add
                  local.set $out_9
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_9
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_10
                  local.get $c2_0_1
                  local.set $r_10
                  local.get $in0_10
                  local.get $r_10
                  f64x2.add
                  local.set $out_10
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_10
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_11
                  local.get $c3_0_1
                  local.set $r_11
                  local.get $in0_11
                  local.get $r_11
                  f64x2.add
                  local.set $out_11
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_11
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
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 1 block of C
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 1024
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  f64.const 0
                  local.set $c0_0_2
                  f64.const 0
                  local.set $c1_0_2
                  f64.const 0
                  local.set $c2_0_2
                  f64.const 0
                  local.set $c3_0_2
                  i32.const 128
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
                    f64.load offset=1024
                    local.set $a_2
                    local.get $c1_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c1_0_2
                    local.get $pa
                    f64.load offset=2048
                    local.set $a_2
                    local.get $c2_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c2_0_2
                    local.get $pa
                    f64.load offset=3072
                    local.set $a_2
                    local.get $c3_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c3_0_2
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  f64.load
                  local.set $in0_12
                  local.get $c0_0_2
                  local.set $r_12
                  local.get $in0_12
                  local.get $r_12
                  f64.add
                  local.set $out_12
                  local.get $pc
                  local.get $out_12
                  f64.store
                  local.get $pe0
                  f64.load offset=8
                  local.set $in0_13
                  local.get $c1_0_2
                  local.set $r_13
                  local.get $in0_13
                  local.get $r_13
                  f64.add
                  local.set $out_13
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_13
                  f64.store
                  local.get $pe0
                  f64.load offset=16
                  local.set $in0_14
                  local.get $c2_0_2
                  local.set $r_14
                  local.get $in0_14
                  local.get $r_14
                  f64.add
                  local.set $out_14
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_14
                  f64.store
                  local.get $pe0
                  f64.load offset=24
                  local.set $in0_15
                  local.get $c3_0_2
                  local.set $r_15
                  local.get $in0_15
                  local.get $r_15
                  f64.add
                  local.set $out_15
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_15
                  f64.store
                  local.get $j
                  i32.const 1
                  i32.add
                  local.set $j
                  br 0
                end
              end
              local.get $i
              i32.const 4
              i32.add
              local.tee $i
              i32.const 64
              i32.lt_u
              br_if 0
            end
            local.get $jb
            i32.const 64
            i32.add
            local.set $jb
            br 0
          end
        end
        br 1
      end
      i32.const 0
      i32.const 128
      i32.add
      i32.const 1
      i32.sub
      local.set $lr_1
      local.get $m_1
      i32.const 1
      i32.sub
      local.set $lc_1
      local.get $p2
      local.set $pa
      local.get $p2
      local.get $lr_1
      local.get $rowBytes
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
      loop
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
            ;; 4 × 4 block of C (2 vectors)
            local.get $p1
            local.get $i
            i32.const 1024
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $zero
            local.set $c0_0_3
            local.get $zero
            local.set $c0_1_1
            local.get $zero
            local.set $c1_0_3
            local.get $zero
            local.set $c1_1_1
            local.get $zero
            local.set $c2_0_3
            local.get $zero
            local.set $c2_1_1
            local.get $zero
            local.set $c3_0_3
            local.get $zero
            local.set $c3_1_1
            i32.const 128
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
              v128.load64_splat offset=1024
              local.set $a_3
              local.get $c1_0_3
              local.get $a_3
              local.get $b0_3
              f64x2.mul
              f64x2.add
              local.set $c1_0_3
              local.get $c1_1_1
              local.get $a_3
              local.get $b1_1
              f64x2.mul
              f64x2.add
              local.set $c1_1_1
              local.get $pa
              v128.load64_splat offset=2048
              local.set $a_3
              local.get $c2_0_3
              local.get $a_3
              local.get $b0_3
              f64x2.mul
              f64x2.add
              local.set $c2_0_3
              local.get $c2_1_1
              local.get $a_3
              local.get $b1_1
              f64x2.mul
              f64x2.add
              local.set $c2_1_1
              local.get $pa
              v128.load64_splat offset=3072
              local.set $a_3
              local.get $c3_0_3
              local.get $a_3
              local.get $b0_3
              f64x2.mul
              f64x2.add
              local.set $c3_0_3
              local.get $c3_1_1
              local.get $a_3
              local.get $b1_1
              f64x2.mul
              f64x2.add
              local.set $c3_1_1
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $pe0
            v128.load64_splat
            local.set $in0_16
            local.get $c0_0_3
            local.set $r_16
            local.get $in0_16
            local.get $r_16
            f64x2.add
            local.set $out_16
            local.get $pc
            local.get $out_16
            v128.store align=8
            local.get $pe0
            v128.load64_splat
            local.set $in0_17
            local.get $c0_1_1
            local.set $r_17
            local.get $in0_17
            local.get $r_17
            f64x2.add
            local.set $out_17
            local.get $pc
            local.get $out_17
            v128.store offset=16 align=8
            local.get $pe0
            v128.load64_splat offset=8
            local.set $in0_18
            local.get $c1_0_3
            local.set $r_18
            local.get $in0_18
            local.get $r_18
            f64x2.add
            local.set $out_18
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_18
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=8
            local.set $in0_19
            local.get $c1_1_1
            local.set $r_19
            local.get $in0_19
            local.get $r_19
            f64x2.add
            local.set $out_19
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_19
            v128.store offset=16 align=8
            local.get $pe0
            v128.load64_splat offset=16
            local.set $in0_20
            local.get $c2_0_3
            local.set $r_20
            local.get $in0_20
            local.get $r_20
            f64x2.add
            local.set $out_20
            local.get $pc
            local.get $off
            i32.add
            local.get $out_20
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=16
            local.set $in0_21
            local.get $c2_1_1
            local.set $r_21
            local.get $in0_21
            local.get $r_21
            f64x2.add
            local.set $out_21
            local.get $pc
            local.get $off
            i32.add
            local.get $out_21
            v128.store offset=16 align=8
            local.get $pe0
            v128.load64_splat offset=24
            local.set $in0_22
            local.get $c3_0_3
            local.set $r_22
            local.get $in0_22
            local.get $r_22
            f64x2.add
            local.set $out_22
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_22
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=24
            local.set $in0_23
            local.get $c3_1_1
            local.set $r_23
            local.get $in0_23
            local.get $r_23
            f64x2.add
            local.set $out_23
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_23
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
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 4 × 2 block of C (1 vectors)
            local.get $p1
            local.get $i
            i32.const 1024
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $zero
            local.set $c0_0_4
            local.get $zero
            local.set $c1_0_4
            local.get $zero
            local.set $c2_0_4
            local.get $zero
            local.set $c3_0_4
            i32.const 128
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
              v128.load64_splat offset=1024
              local.set $a_4
              local.get $c1_0_4
              local.get $a_4
              local.get $b0_4
              f64x2.mul
              f64x2.add
              local.set $c1_0_4
              local.get $pa
              v128.load64_splat offset=2048
              local.set $a_4
              local.get $c2_0_4
              local.get $a_4
              local.get $b0_4
              f64x2.mul
              f64x2.add
              local.set $c2_0_4
              local.get $pa
              v128.load64_splat offset=3072
              local.set $a_4
              local.get $c3_0_4
              local.get $a_4
              local.get $b0_4
              f64x2.mul
              f64x2.add
              local.set $c3_0_4
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $pe0
            v128.load64_splat
            local.set $in0_24
            local.get $c0_0_4
            local.set $r_24
            local.get $in0_24
            local.get $r_24
            f64x2.add
            local.set $out_24
            local.get $pc
            local.get $out_24
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=8
            local.set $in0_25
            local.get $c1_0_4
            local.set $r_25
            local.get $in0_25
            local.get $r_25
            f64x2.add
            local.set $out_25
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_25
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=16
            local.set $in0_26
            local.get $c2_0_4
            local.set $r_26
            local.get $in0_26
            local.get $r_26
            f64x2.add
            local.set $out_26
            local.get $pc
            local.get $off
            i32.add
            local.get $out_26
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=24
            local.set $in0_27
            local.get $c3_0_4
            local.set $r_27
            local.get $in0_27
            local.get $r_27
            f64x2.add
            local.set $out_27
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_27
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
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 4 × 1 block of C
            local.get $p1
            local.get $i
            i32.const 1024
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            f64.const 0
            local.set $c0_0_5
            f64.const 0
            local.set $c1_0_5
            f64.const 0
            local.set $c2_0_5
            f64.const 0
            local.set $c3_0_5
            i32.const 128
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
              f64.load offset=1024
              local.set $a_5
              local.get $c1_0_5
              local.get $a_5
              local.get $b0_5
              f64.mul
              f64.add
              local.set $c1_0_5
              local.get $pa
              f64.load offset=2048
              local.set $a_5
              local.get $c2_0_5
              local.get $a_5
              local.get $b0_5
              f64.mul
              f64.add
              local.set $c2_0_5
              local.get $pa
              f64.load offset=3072
              local.set $a_5
              local.get $c3_0_5
              local.get $a_5
              local.get $b0_5
              f64.mul
              f64.add
              local.set $c3_0_5
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $pe0
            f64.load
            local.set $in0_28
            local.get $c0_0_5
            local.set $r_28
            local.get $in0_28
            local.get $r_28
            f64.add
            local.set $out_28
            local.get $pc
            local.get $out_28
            f64.store
            local.get $pe0
            f64.load offset=8
            local.set $in0_29
            local.get $c1_0_5
            local.set $r_29
            local.get $in0_29
            local.get $r_29
            f64.add
            local.set $out_29
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_29
            f64.store
            local.get $pe0
            f64.load offset=16
            local.set $in0_30
            local.get $c2_0_5
            local.set $r_30
            local.get $in0_30
            local.get $r_30
            f64.add
            local.set $out_30
            local.get $pc
            local.get $off
            i32.add
            local.get $out_30
            f64.store
            local.get $pe0
            f64.load offset=24
            local.set $in0_31
            local.get $c3_0_5
            local.set $r_31
            local.get $in0_31
            local.get $r_31
            f64.add
            local.set $out_31
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_31
            f64.store
            local.get $j
            i32.const 1
            i32.add
            local.set $j
            br 0
          end
        end
        local.get $i
        i32.const 4
        i32.add
        local.tee $i
        i32.const 64
        i32.lt_u
        br_if 0
      end
    end
  )
  (func $t9 (type 1) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $n i32)
    (local $stride i32)
    (local $v v128)
    (local $in1 v128)
    (local $in0 v128)
    (local $zero v128)
    (local $k v128)
    (local $v_1 v128)
    (local $in1_1 v128)
    (local $in0_1 v128)
    (local $v_2 v128)
    (local $in1_2 v128)
    (local $in0_2 v128)
    (local $v_3 v128)
    (local $in1_3 v128)
    (local $in0_3 v128)
    (local $v_4 v128)
    (local $in1_4 v128)
    (local $in0_4 v128)
    (local $v_5 f64)
    (local $in1_5 f64)
    (local $in0_5 f64)
    local.get $m
    local.set $n
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    f64.const 0
    f64x2.splat
    local.set $zero
    f64.const 0.9
    f64x2.splat
    local.set $k
    ;; elementwise over [64, 1·m]
    i32.const 0
    local.set $i0
    loop
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p2
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p1_1
          local.get $p1_1
          v128.load align=8
          local.set $in1
          local.get $p0_1
          v128.load align=8
          local.set $in0
          local.get $in1
          local.get $in0
          local.get $zero
          f64x2.max
          f64x2.mul
          local.get $k
          f64x2.div
          local.set $v
          local.get $po
          local.get $v
          v128.store align=8
          local.get $p1_1
          v128.load offset=16 align=8
          local.set $in1_1
          local.get $p0_1
          v128.load offset=16 align=8
          local.set $in0_1
          local.get $in1_1
          local.get $in0_1
          local.get $zero
          f64x2.max
          f64x2.mul
          local.get $k
          f64x2.div
          local.set $v_1
          local.get $po
          local.get $v_1
          v128.store offset=16 align=8
          local.get $p1_1
          v128.load offset=32 align=8
          local.set $in1_2
          local.get $p0_1
          v128.load offset=32 align=8
          local.set $in0_2
          local.get $in1_2
          local.get $in0_2
          local.get $zero
          f64x2.max
          f64x2.mul
          local.get $k
          f64x2.div
          local.set $v_2
          local.get $po
          local.get $v_2
          v128.store offset=32 align=8
          local.get $p1_1
          v128.load offset=48 align=8
          local.set $in1_3
          local.get $p0_1
          v128.load offset=48 align=8
          local.set $in0_3
          local.get $in1_3
          local.get $in0_3
          local.get $zero
          f64x2.max
          f64x2.mul
          local.get $k
          f64x2.div
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p2
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p1_1
          local.get $p1_1
          v128.load align=8
          local.set $in1_4
          local.get $p0_1
          v128.load align=8
          local.set $in0_4
          local.get $in1_4
          local.get $in0_4
          local.get $zero
          f64x2.max
          f64x2.mul
          local.get $k
          f64x2.div
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p2
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p1_1
          local.get $p1_1
          f64.load
          local.set $in1_5
          local.get $p0_1
          f64.load
          local.set $in0_5
          local.get $in1_5
          local.get $in0_5
          f64.const 0
          f64.max
          f64.mul
          f64.const 0.9
          f64.div
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
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 64
      i32.lt_u
      br_if 0
    end
  )
  (func $Z3 (type 0) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $pe0 i32)
    (local $jb i32)
    (local $w i32)
    (local $col i32)
    (local $rowBytes i32)
    (local $lr i32)
    (local $lc i32)
    (local $m_1 i32)
    (local $pksrc i32)
    (local $pkto i32)
    (local $pkrows i32)
    (local $pkcol i32)
    (local $pkvecEnd i32)
    (local $pkend i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c2_0 v128)
    (local $c2_1 v128)
    (local $c3_0 v128)
    (local $c3_1 v128)
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
    (local $out_2 v128)
    (local $in0_2 v128)
    (local $r_2 v128)
    (local $out_3 v128)
    (local $in0_3 v128)
    (local $r_3 v128)
    (local $out_4 v128)
    (local $in0_4 v128)
    (local $r_4 v128)
    (local $off i32)
    (local $out_5 v128)
    (local $in0_5 v128)
    (local $r_5 v128)
    (local $out_6 v128)
    (local $in0_6 v128)
    (local $r_6 v128)
    (local $off_1 i32)
    (local $out_7 v128)
    (local $in0_7 v128)
    (local $r_7 v128)
    (local $c0_0_1 v128)
    (local $c1_0_1 v128)
    (local $c2_0_1 v128)
    (local $c3_0_1 v128)
    (local $b0_1 v128)
    (local $a_1 v128)
    (local $out_8 v128)
    (local $in0_8 v128)
    (local $r_8 v128)
    (local $out_9 v128)
    (local $in0_9 v128)
    (local $r_9 v128)
    (local $out_10 v128)
    (local $in0_10 v128)
    (local $r_10 v128)
    (local $out_11 v128)
    (local $in0_11 v128)
    (local $r_11 v128)
    (local $c0_0_2 f64)
    (local $c1_0_2 f64)
    (local $c2_0_2 f64)
    (local $c3_0_2 f64)
    (local $b0_2 f64)
    (local $a_2 f64)
    (local $out_12 f64)
    (local $in0_12 f64)
    (local $r_12 f64)
    (local $out_13 f64)
    (local $in0_13 f64)
    (local $r_13 f64)
    (local $out_14 f64)
    (local $in0_14 f64)
    (local $r_14 f64)
    (local $out_15 f64)
    (local $in0_15 f64)
    (local $r_15 f64)
    (local $c0_0_3 v128)
    (local $c0_1_1 v128)
    (local $c1_0_3 v128)
    (local $c1_1_1 v128)
    (local $b0_3 v128)
    (local $b1_1 v128)
    (local $a_3 v128)
    (local $out_16 v128)
    (local $in0_16 v128)
    (local $r_16 v128)
    (local $out_17 v128)
    (local $in0_17 v128)
    (local $r_17 v128)
    (local $out_18 v128)
    (local $in0_18 v128)
    (local $r_18 v128)
    (local $out_19 v128)
    (local $in0_19 v128)
    (local $r_19 v128)
    (local $c0_0_4 v128)
    (local $c1_0_4 v128)
    (local $b0_4 v128)
    (local $a_4 v128)
    (local $out_20 v128)
    (local $in0_20 v128)
    (local $r_20 v128)
    (local $out_21 v128)
    (local $in0_21 v128)
    (local $r_21 v128)
    (local $c0_0_5 f64)
    (local $c1_0_5 f64)
    (local $b0_5 f64)
    (local $a_5 f64)
    (local $out_22 f64)
    (local $in0_22 f64)
    (local $r_22 f64)
    (local $out_23 f64)
    (local $in0_23 f64)
    (local $r_23 f64)
    (local $lr_1 i32)
    (local $lc_1 i32)
    (local $c0_0_6 v128)
    (local $c0_1_2 v128)
    (local $c1_0_6 v128)
    (local $c1_1_2 v128)
    (local $c2_0_3 v128)
    (local $c2_1_1 v128)
    (local $c3_0_3 v128)
    (local $c3_1_1 v128)
    (local $b0_6 v128)
    (local $b1_2 v128)
    (local $a_6 v128)
    (local $out_24 v128)
    (local $in0_24 v128)
    (local $r_24 v128)
    (local $out_25 v128)
    (local $in0_25 v128)
    (local $r_25 v128)
    (local $out_26 v128)
    (local $in0_26 v128)
    (local $r_26 v128)
    (local $out_27 v128)
    (local $in0_27 v128)
    (local $r_27 v128)
    (local $out_28 v128)
    (local $in0_28 v128)
    (local $r_28 v128)
    (local $out_29 v128)
    (local $in0_29 v128)
    (local $r_29 v128)
    (local $out_30 v128)
    (local $in0_30 v128)
    (local $r_30 v128)
    (local $out_31 v128)
    (local $in0_31 v128)
    (local $r_31 v128)
    (local $c0_0_7 v128)
    (local $c1_0_7 v128)
    (local $c2_0_4 v128)
    (local $c3_0_4 v128)
    (local $b0_7 v128)
    (local $a_7 v128)
    (local $out_32 v128)
    (local $in0_32 v128)
    (local $r_32 v128)
    (local $out_33 v128)
    (local $in0_33 v128)
    (local $r_33 v128)
    (local $out_34 v128)
    (local $in0_34 v128)
    (local $r_34 v128)
    (local $out_35 v128)
    (local $in0_35 v128)
    (local $r_35 v128)
    (local $c0_0_8 f64)
    (local $c1_0_8 f64)
    (local $c2_0_5 f64)
    (local $c3_0_5 f64)
    (local $b0_8 f64)
    (local $a_8 f64)
    (local $out_36 f64)
    (local $in0_36 f64)
    (local $r_36 f64)
    (local $out_37 f64)
    (local $in0_37 f64)
    (local $r_37 f64)
    (local $out_38 f64)
    (local $in0_38 f64)
    (local $r_38 f64)
    (local $out_39 f64)
    (local $in0_39 f64)
    (local $r_39 f64)
    (local $c0_0_9 v128)
    (local $c0_1_3 v128)
    (local $c1_0_9 v128)
    (local $c1_1_3 v128)
    (local $b0_9 v128)
    (local $b1_3 v128)
    (local $a_9 v128)
    (local $out_40 v128)
    (local $in0_40 v128)
    (local $r_40 v128)
    (local $out_41 v128)
    (local $in0_41 v128)
    (local $r_41 v128)
    (local $out_42 v128)
    (local $in0_42 v128)
    (local $r_42 v128)
    (local $out_43 v128)
    (local $in0_43 v128)
    (local $r_43 v128)
    (local $c0_0_10 v128)
    (local $c1_0_10 v128)
    (local $b0_10 v128)
    (local $a_10 v128)
    (local $out_44 v128)
    (local $in0_44 v128)
    (local $r_44 v128)
    (local $out_45 v128)
    (local $in0_45 v128)
    (local $r_45 v128)
    (local $c0_0_11 f64)
    (local $c1_0_11 f64)
    (local $b0_11 f64)
    (local $a_11 f64)
    (local $out_46 f64)
    (local $in0_46 f64)
    (local $r_46 f64)
    (local $out_47 f64)
    (local $in0_47 f64)
    (local $r_47 f64)
    local.get $m
    i32.const 8
    i32.mul
    local.set $rowBytes
    local.get $m
    local.set $m_1
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
    ;; C (10 × 1·m) = A·B, k = 64, rows form
    block
      block
        local.get $rowBytes
        i32.const 4095
        i32.and
        br_if 0
        ;; B packed: its row stride is a multiple of 4096 bytes
        i32.const 0
        i32.const 64
        i32.add
        i32.const 1
        i32.sub
        local.set $lr
        local.get $m_1
        i32.const 1
        i32.sub
        local.set $lc
        local.get $p2
        local.set $pa
        local.get $p2
        local.get $lr
        local.get $rowBytes
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
        local.set $jb
        block
          loop
            local.get $jb
            local.get $m_1
            i32.ge_u
            br_if 1
            local.get $m_1
            local.get $jb
            i32.sub
            local.set $w
            local.get $w
            i32.const 64
            local.get $w
            i32.const 64
            i32.lt_u
            select
            local.set $w
            local.get $p2
            local.get $jb
            i32.const 8
            i32.mul
            i32.add
            local.set $pksrc
            ;; B's k block × the panel's columns, packed
            i32.const 0
            local.set $pkto
            local.get $w
            i32.const 8
            i32.mul
            local.tee $pkend
            i32.const -16
            i32.and
            local.set $pkvecEnd
            i32.const 64
            local.set $pkrows
            block
              local.get $pkrows
              i32.eqz
              br_if 0
              loop
                i32.const 0
                local.set $pkcol
                block
                  local.get $pkcol
                  local.get $pkvecEnd
                  i32.ge_u
                  br_if 0
                  loop
                    local.get $pkto
                    local.get $pkcol
                    i32.add
                    local.get $pksrc
                    local.get $pkcol
                    i32.add
                    v128.load align=8
                    v128.store align=8
                    local.get $pkcol
                    i32.const 16
                    i32.add
                    local.tee $pkcol
                    local.get $pkvecEnd
                    i32.lt_u
                    br_if 0
                  end
                end
                block
                  local.get $pkcol
                  local.get $pkend
                  i32.ge_u
                  br_if 0
                  loop
                    local.get $pkto
                    local.get $pkcol
                    i32.add
                    local.get $pksrc
                    local.get $pkcol
                    i32.add
                    f64.load
                    f64.store
                    local.get $pkcol
                    i32.const 8
                    i32.add
                    local.tee $pkcol
                    local.get $pkend
                    i32.lt_u
                    br_if 0
                  end
                end
                local.get $pksrc
                local.get $rowBytes
                i32.add
                local.set $pksrc
                local.get $pkto
                i32.const 576
                i32.add
                local.set $pkto
                local.get $pkrows
                i32.const 1
                i32.sub
                local.tee $pkrows
                br_if 0
              end
            end
            i32.const 0
            local.set $i
            loop
              i32.const 0
              local.set $j
              block
                loop
                  local.get $j
                  i32.const 4
                  i32.add
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 4 block of C (2 vectors)
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 512
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  local.get $zero
                  local.set $c0_0
                  local.get $zero
                  local.set $c0_1
                  local.get $zero
                  local.set $c1_0
                  local.get $zero
                  local.set $c1_1
                  local.get $zero
                  local.set $c2_0
                  local.get $zero
                  local.set $c2_1
                  local.get $zero
                  local.set $c3_0
                  local.get $zero
                  local.set $c3_1
                  i32.const 64
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
                    v128.load64_splat offset=512
                    local.set $a
                    local.get $c1_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c1_0
                    local.get $c1_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c1_1
                    local.get $pa
                    v128.load64_splat offset=1024
                    local.set $a
                    local.get $c2_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c2_0
                    local.get $c2_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c2_1
                    local.get $pa
                    v128.load64_splat offset=1536
                    local.set $a
                    local.get $c3_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c3_0
                    local.get $c3_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c3_1
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
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
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_2
                  local.get $c1_0
                  local.set $r_2
                  local.get $in0_2
                  local.get $r_2
                  f64x2.add
                  local.set $out_2
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_2
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_3
                  local.get $c1_1
                  local.set $r_3
                  local.get $in0_3
                  local.get $r_3
                  f64x2.add
                  local.set $out_3
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_3
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_4
                  local.get $c2_0
                  local.set $r_4
                  local.get $in0_4
                  local.get $r_4
                  f64x2.add
                  local.set $out_4
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_4
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_5
                  local.get $c2_1
                  local.set $r_5
                  local.get $in0_5
                  local.get $r_5
                  f64x2.add
                  local.set $out_5
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_5
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_6
                  local.get $c3_0
                  local.set $r_6
                  local.get $in0_6
                  local.get $r_6
                  f64x2.add
                  local.set $out_6
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_6
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_7
                  local.get $c3_1
                  local.set $r_7
                  local.get $in0_7
                  local.get $r_7
                  f64x2.add
                  local.set $out_7
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_7
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
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 2 block of C (1 vectors)
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 512
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  local.get $zero
                  local.set $c0_0_1
                  local.get $zero
                  local.set $c1_0_1
                  local.get $zero
                  local.set $c2_0_1
                  local.get $zero
                  local.set $c3_0_1
                  i32.const 64
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
                    v128.load64_splat offset=512
                    local.set $a_1
                    local.get $c1_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c1_0_1
                    local.get $pa
                    v128.load64_splat offset=1024
                    local.set $a_1
                    local.get $c2_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c2_0_1
                    local.get $pa
                    v128.load64_splat offset=1536
                    local.set $a_1
                    local.get $c3_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c3_0_1
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  v128.load64_splat
                  local.set $in0_8
                  local.get $c0_0_1
                  local.set $r_8
                  local.get $in0_8
                  local.get $r_8
                  f64x2.add
                  local.set $out_8
                  local.get $pc
                  local.get $out_8
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_9
                  local.get $c1_0_1
                  local.set $r_9
                  local.get $in0_9
                  local.get $r_9
                  f64x2.add
                  local.set $out_9
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_9
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_10
                  local.get $c2_0_1
                  local.set $r_10
                  local.get $in0_10
                  local.get $r_10
                  f64x2.add
                  local.set $out_10
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_10
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_11
                  local.get $c3_0_1
                  local.set $r_11
                  local.get $in0_11
                  local.get $r_11
                  f64x2.add
                  local.set $out_11
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_11
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
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 1 block of C
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 512
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  f64.const 0
                  local.set $c0_0_2
                  f64.const 0
                  local.set $c1_0_2
                  f64.const 0
                  local.set $c2_0_2
                  f64.const 0
                  local.set $c3_0_2
                  i32.const 64
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
                    f64.load offset=512
                    local.set $a_2
                    local.get $c1_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c1_0_2
                    local.get $pa
                    f64.load offset=1024
                    local.set $a_2
                    local.get $c2_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c2_0_2
                    local.get $pa
                    f64.load offset=1536
                    local.set $a_2
                    local.get $c3_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c3_0_2
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  f64.load
                  local.set $in0_12
                  local.get $c0_0_2
                  local.set $r_12
                  local.get $in0_12
                  local.get $r_12
                  f64.add
                  local.set $out_12
                  local.get $pc
                  local.get $out_12
                  f64.store
                  local.get $pe0
                  f64.load offset=8
                  local.set $in0_13
                  local.get $c1_0_2
                  local.set $r_13
                  local.get $in0_13
                  local.get $r_13
                  f64.add
                  local.set $out_13
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_13
                  f64.store
                  local.get $pe0
                  f64.load offset=16
                  local.set $in0_14
                  local.get $c2_0_2
                  local.set $r_14
                  local.get $in0_14
                  local.get $r_14
                  f64.add
                  local.set $out_14
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_14
                  f64.store
                  local.get $pe0
                  f64.load offset=24
                  local.set $in0_15
                  local.get $c3_0_2
                  local.set $r_15
                  local.get $in0_15
                  local.get $r_15
                  f64.add
                  local.set $out_15
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_15
                  f64.store
                  local.get $j
                  i32.const 1
                  i32.add
                  local.set $j
                  br 0
                end
              end
              local.get $i
              i32.const 4
              i32.add
              local.tee $i
              i32.const 8
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
                local.get $w
                i32.gt_u
                br_if 1
                ;; 2 × 4 block of C (2 vectors)
                local.get $jb
                local.get $j
                i32.add
                local.set $col
                local.get $p1
                local.get $i
                i32.const 512
                i32.mul
                i32.add
                local.set $pa
                local.get $j
                i32.const 8
                i32.mul
                local.set $pb
                local.get $p0
                local.get $i
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $col
                i32.const 8
                i32.mul
                i32.add
                local.set $pc
                local.get $zero
                local.set $c0_0_3
                local.get $zero
                local.set $c0_1_1
                local.get $zero
                local.set $c1_0_3
                local.get $zero
                local.set $c1_1_1
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
                  v128.load64_splat offset=512
                  local.set $a_3
                  local.get $c1_0_3
                  local.get $a_3
                  local.get $b0_3
                  f64x2.mul
                  f64x2.add
                  local.set $c1_0_3
                  local.get $c1_1_1
                  local.get $a_3
                  local.get $b1_1
                  f64x2.mul
                  f64x2.add
                  local.set $c1_1_1
                  local.get $pa
                  i32.const 8
                  i32.add
                  local.set $pa
                  local.get $pb
                  i32.const 576
                  i32.add
                  local.set $pb
                  local.get $end
                  i32.const 1
                  i32.sub
                  local.tee $end
                  br_if 0
                end
                local.get $p3
                local.get $i
                i32.const 8
                i32.mul
                i32.add
                local.set $pe0
                local.get $pe0
                v128.load64_splat
                local.set $in0_16
                local.get $c0_0_3
                local.set $r_16
                local.get $in0_16
                local.get $r_16
                f64x2.add
                local.set $out_16
                local.get $pc
                local.get $out_16
                v128.store align=8
                local.get $pe0
                v128.load64_splat
                local.set $in0_17
                local.get $c0_1_1
                local.set $r_17
                local.get $in0_17
                local.get $r_17
                f64x2.add
                local.set $out_17
                local.get $pc
                local.get $out_17
                v128.store offset=16 align=8
                local.get $pe0
                v128.load64_splat offset=8
                local.set $in0_18
                local.get $c1_0_3
                local.set $r_18
                local.get $in0_18
                local.get $r_18
                f64x2.add
                local.set $out_18
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $out_18
                v128.store align=8
                local.get $pe0
                v128.load64_splat offset=8
                local.set $in0_19
                local.get $c1_1_1
                local.set $r_19
                local.get $in0_19
                local.get $r_19
                f64x2.add
                local.set $out_19
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $out_19
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
                local.get $w
                i32.gt_u
                br_if 1
                ;; 2 × 2 block of C (1 vectors)
                local.get $jb
                local.get $j
                i32.add
                local.set $col
                local.get $p1
                local.get $i
                i32.const 512
                i32.mul
                i32.add
                local.set $pa
                local.get $j
                i32.const 8
                i32.mul
                local.set $pb
                local.get $p0
                local.get $i
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $col
                i32.const 8
                i32.mul
                i32.add
                local.set $pc
                local.get $zero
                local.set $c0_0_4
                local.get $zero
                local.set $c1_0_4
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
                  v128.load64_splat offset=512
                  local.set $a_4
                  local.get $c1_0_4
                  local.get $a_4
                  local.get $b0_4
                  f64x2.mul
                  f64x2.add
                  local.set $c1_0_4
                  local.get $pa
                  i32.const 8
                  i32.add
                  local.set $pa
                  local.get $pb
                  i32.const 576
                  i32.add
                  local.set $pb
                  local.get $end
                  i32.const 1
                  i32.sub
                  local.tee $end
                  br_if 0
                end
                local.get $p3
                local.get $i
                i32.const 8
                i32.mul
                i32.add
                local.set $pe0
                local.get $pe0
                v128.load64_splat
                local.set $in0_20
                local.get $c0_0_4
                local.set $r_20
                local.get $in0_20
                local.get $r_20
                f64x2.add
                local.set $out_20
                local.get $pc
                local.get $out_20
                v128.store align=8
                local.get $pe0
                v128.load64_splat offset=8
                local.set $in0_21
                local.get $c1_0_4
                local.set $r_21
                local.get $in0_21
                local.get $r_21
                f64x2.add
                local.set $out_21
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $out_21
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
                local.get $w
                i32.gt_u
                br_if 1
                ;; 2 × 1 block of C
                local.get $jb
                local.get $j
                i32.add
                local.set $col
                local.get $p1
                local.get $i
                i32.const 512
                i32.mul
                i32.add
                local.set $pa
                local.get $j
                i32.const 8
                i32.mul
                local.set $pb
                local.get $p0
                local.get $i
                local.get $rowBytes
                i32.mul
                i32.add
                local.get $col
                i32.const 8
                i32.mul
                i32.add
                local.set $pc
                f64.const 0
                local.set $c0_0_5
                f64.const 0
                local.set $c1_0_5
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
                  f64.load offset=512
                  local.set $a_5
                  local.get $c1_0_5
                  local.get $a_5
                  local.get $b0_5
                  f64.mul
                  f64.add
                  local.set $c1_0_5
                  local.get $pa
                  i32.const 8
                  i32.add
                  local.set $pa
                  local.get $pb
                  i32.const 576
                  i32.add
                  local.set $pb
                  local.get $end
                  i32.const 1
                  i32.sub
                  local.tee $end
                  br_if 0
                end
                local.get $p3
                local.get $i
                i32.const 8
                i32.mul
                i32.add
                local.set $pe0
                local.get $pe0
                f64.load
                local.set $in0_22
                local.get $c0_0_5
                local.set $r_22
                local.get $in0_22
                local.get $r_22
                f64.add
                local.set $out_22
                local.get $pc
                local.get $out_22
                f64.store
                local.get $pe0
                f64.load offset=8
                local.set $in0_23
                local.get $c1_0_5
                local.set $r_23
                local.get $in0_23
                local.get $r_23
                f64.add
                local.set $out_23
                local.get $pc
                local.get $rowBytes
                i32.add
                local.get $out_23
                f64.store
                local.get $j
                i32.const 1
                i32.add
                local.set $j
                br 0
              end
            end
            local.get $jb
            i32.const 64
            i32.add
            local.set $jb
            br 0
          end
        end
        br 1
      end
      i32.const 0
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
      local.set $pa
      local.get $p2
      local.get $lr_1
      local.get $rowBytes
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
      loop
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
            ;; 4 × 4 block of C (2 vectors)
            local.get $p1
            local.get $i
            i32.const 512
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $zero
            local.set $c0_0_6
            local.get $zero
            local.set $c0_1_2
            local.get $zero
            local.set $c1_0_6
            local.get $zero
            local.set $c1_1_2
            local.get $zero
            local.set $c2_0_3
            local.get $zero
            local.set $c2_1_1
            local.get $zero
            local.set $c3_0_3
            local.get $zero
            local.set $c3_1_1
            i32.const 64
            local.set $end
            loop
              local.get $pb
              v128.load align=8
              local.set $b0_6
              local.get $pb
              v128.load offset=16 align=8
              local.set $b1_2
              local.get $pa
              v128.load64_splat
              local.set $a_6
              local.get $c0_0_6
              local.get $a_6
              local.get $b0_6
              f64x2.mul
              f64x2.add
              local.set $c0_0_6
              local.get $c0_1_2
              local.get $a_6
              local.get $b1_2
              f64x2.mul
              f64x2.add
              local.set $c0_1_2
              local.get $pa
              v128.load64_splat offset=512
              local.set $a_6
              local.get $c1_0_6
              local.get $a_6
              local.get $b0_6
              f64x2.mul
              f64x2.add
              local.set $c1_0_6
              local.get $c1_1_2
              local.get $a_6
              local.get $b1_2
              f64x2.mul
              f64x2.add
              local.set $c1_1_2
              local.get $pa
              v128.load64_splat offset=1024
              local.set $a_6
              local.get $c2_0_3
              local.get $a_6
              local.get $b0_6
              f64x2.mul
              f64x2.add
              local.set $c2_0_3
              local.get $c2_1_1
              local.get $a_6
              local.get $b1_2
              f64x2.mul
              f64x2.add
              local.set $c2_1_1
              local.get $pa
              v128.load64_splat offset=1536
              local.set $a_6
              local.get $c3_0_3
              local.get $a_6
              local.get $b0_6
              f64x2.mul
              f64x2.add
              local.set $c3_0_3
              local.get $c3_1_1
              local.get $a_6
              local.get $b1_2
              f64x2.mul
              f64x2.add
              local.set $c3_1_1
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $pe0
            v128.load64_splat
            local.set $in0_24
            local.get $c0_0_6
            local.set $r_24
            local.get $in0_24
            local.get $r_24
            f64x2.add
            local.set $out_24
            local.get $pc
            local.get $out_24
            v128.store align=8
            local.get $pe0
            v128.load64_splat
            local.set $in0_25
            local.get $c0_1_2
            local.set $r_25
            local.get $in0_25
            local.get $r_25
            f64x2.add
            local.set $out_25
            local.get $pc
            local.get $out_25
            v128.store offset=16 align=8
            local.get $pe0
            v128.load64_splat offset=8
            local.set $in0_26
            local.get $c1_0_6
            local.set $r_26
            local.get $in0_26
            local.get $r_26
            f64x2.add
            local.set $out_26
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_26
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=8
            local.set $in0_27
            local.get $c1_1_2
            local.set $r_27
            local.get $in0_27
            local.get $r_27
            f64x2.add
            local.set $out_27
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_27
            v128.store offset=16 align=8
            local.get $pe0
            v128.load64_splat offset=16
            local.set $in0_28
            local.get $c2_0_3
            local.set $r_28
            local.get $in0_28
            local.get $r_28
            f64x2.add
            local.set $out_28
            local.get $pc
            local.get $off
            i32.add
            local.get $out_28
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=16
            local.set $in0_29
            local.get $c2_1_1
            local.set $r_29
            local.get $in0_29
            local.get $r_29
            f64x2.add
            local.set $out_29
            local.get $pc
            local.get $off
            i32.add
            local.get $out_29
            v128.store offset=16 align=8
            local.get $pe0
            v128.load64_splat offset=24
            local.set $in0_30
            local.get $c3_0_3
            local.set $r_30
            local.get $in0_30
            local.get $r_30
            f64x2.add
            local.set $out_30
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_30
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=24
            local.set $in0_31
            local.get $c3_1_1
            local.set $r_31
            local.get $in0_31
            local.get $r_31
            f64x2.add
            local.set $out_31
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_31
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
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 4 × 2 block of C (1 vectors)
            local.get $p1
            local.get $i
            i32.const 512
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $zero
            local.set $c0_0_7
            local.get $zero
            local.set $c1_0_7
            local.get $zero
            local.set $c2_0_4
            local.get $zero
            local.set $c3_0_4
            i32.const 64
            local.set $end
            loop
              local.get $pb
              v128.load align=8
              local.set $b0_7
              local.get $pa
              v128.load64_splat
              local.set $a_7
              local.get $c0_0_7
              local.get $a_7
              local.get $b0_7
              f64x2.mul
              f64x2.add
              local.set $c0_0_7
              local.get $pa
              v128.load64_splat offset=512
              local.set $a_7
              local.get $c1_0_7
              local.get $a_7
              local.get $b0_7
              f64x2.mul
              f64x2.add
              local.set $c1_0_7
              local.get $pa
              v128.load64_splat offset=1024
              local.set $a_7
              local.get $c2_0_4
              local.get $a_7
              local.get $b0_7
              f64x2.mul
              f64x2.add
              local.set $c2_0_4
              local.get $pa
              v128.load64_splat offset=1536
              local.set $a_7
              local.get $c3_0_4
              local.get $a_7
              local.get $b0_7
              f64x2.mul
              f64x2.add
              local.set $c3_0_4
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $pe0
            v128.load64_splat
            local.set $in0_32
            local.get $c0_0_7
            local.set $r_32
            local.get $in0_32
            local.get $r_32
            f64x2.add
            local.set $out_32
            local.get $pc
            local.get $out_32
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=8
            local.set $in0_33
            local.get $c1_0_7
            local.set $r_33
            local.get $in0_33
            local.get $r_33
            f64x2.add
            local.set $out_33
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_33
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=16
            local.set $in0_34
            local.get $c2_0_4
            local.set $r_34
            local.get $in0_34
            local.get $r_34
            f64x2.add
            local.set $out_34
            local.get $pc
            local.get $off
            i32.add
            local.get $out_34
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=24
            local.set $in0_35
            local.get $c3_0_4
            local.set $r_35
            local.get $in0_35
            local.get $r_35
            f64x2.add
            local.set $out_35
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_35
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
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 4 × 1 block of C
            local.get $p1
            local.get $i
            i32.const 512
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            f64.const 0
            local.set $c0_0_8
            f64.const 0
            local.set $c1_0_8
            f64.const 0
            local.set $c2_0_5
            f64.const 0
            local.set $c3_0_5
            i32.const 64
            local.set $end
            loop
              local.get $pb
              f64.load
              local.set $b0_8
              local.get $pa
              f64.load
              local.set $a_8
              local.get $c0_0_8
              local.get $a_8
              local.get $b0_8
              f64.mul
              f64.add
              local.set $c0_0_8
              local.get $pa
              f64.load offset=512
              local.set $a_8
              local.get $c1_0_8
              local.get $a_8
              local.get $b0_8
              f64.mul
              f64.add
              local.set $c1_0_8
              local.get $pa
              f64.load offset=1024
              local.set $a_8
              local.get $c2_0_5
              local.get $a_8
              local.get $b0_8
              f64.mul
              f64.add
              local.set $c2_0_5
              local.get $pa
              f64.load offset=1536
              local.set $a_8
              local.get $c3_0_5
              local.get $a_8
              local.get $b0_8
              f64.mul
              f64.add
              local.set $c3_0_5
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $pe0
            f64.load
            local.set $in0_36
            local.get $c0_0_8
            local.set $r_36
            local.get $in0_36
            local.get $r_36
            f64.add
            local.set $out_36
            local.get $pc
            local.get $out_36
            f64.store
            local.get $pe0
            f64.load offset=8
            local.set $in0_37
            local.get $c1_0_8
            local.set $r_37
            local.get $in0_37
            local.get $r_37
            f64.add
            local.set $out_37
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_37
            f64.store
            local.get $pe0
            f64.load offset=16
            local.set $in0_38
            local.get $c2_0_5
            local.set $r_38
            local.get $in0_38
            local.get $r_38
            f64.add
            local.set $out_38
            local.get $pc
            local.get $off
            i32.add
            local.get $out_38
            f64.store
            local.get $pe0
            f64.load offset=24
            local.set $in0_39
            local.get $c3_0_5
            local.set $r_39
            local.get $in0_39
            local.get $r_39
            f64.add
            local.set $out_39
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_39
            f64.store
            local.get $j
            i32.const 1
            i32.add
            local.set $j
            br 0
          end
        end
        local.get $i
        i32.const 4
        i32.add
        local.tee $i
        i32.const 8
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
          local.get $m_1
          i32.gt_u
          br_if 1
          ;; 2 × 4 block of C (2 vectors)
          local.get $p1
          local.get $i
          i32.const 512
          i32.mul
          i32.add
          local.set $pa
          local.get $p2
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pb
          local.get $p0
          local.get $i
          local.get $rowBytes
          i32.mul
          i32.add
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $zero
          local.set $c0_0_9
          local.get $zero
          local.set $c0_1_3
          local.get $zero
          local.set $c1_0_9
          local.get $zero
          local.set $c1_1_3
          i32.const 64
          local.set $end
          loop
            local.get $pb
            v128.load align=8
            local.set $b0_9
            local.get $pb
            v128.load offset=16 align=8
            local.set $b1_3
            local.get $pa
            v128.load64_splat
            local.set $a_9
            local.get $c0_0_9
            local.get $a_9
            local.get $b0_9
            f64x2.mul
            f64x2.add
            local.set $c0_0_9
            local.get $c0_1_3
            local.get $a_9
            local.get $b1_3
            f64x2.mul
            f64x2.add
            local.set $c0_1_3
            local.get $pa
            v128.load64_splat offset=512
            local.set $a_9
            local.get $c1_0_9
            local.get $a_9
            local.get $b0_9
            f64x2.mul
            f64x2.add
            local.set $c1_0_9
            local.get $c1_1_3
            local.get $a_9
            local.get $b1_3
            f64x2.mul
            f64x2.add
            local.set $c1_1_3
            local.get $pa
            i32.const 8
            i32.add
            local.set $pa
            local.get $pb
            local.get $rowBytes
            i32.add
            local.set $pb
            local.get $end
            i32.const 1
            i32.sub
            local.tee $end
            br_if 0
          end
          local.get $p3
          local.get $i
          i32.const 8
          i32.mul
          i32.add
          local.set $pe0
          local.get $pe0
          v128.load64_splat
          local.set $in0_40
          local.get $c0_0_9
          local.set $r_40
          local.get $in0_40
          local.get $r_40
          f64x2.add
          local.set $out_40
          local.get $pc
          local.get $out_40
          v128.store align=8
          local.get $pe0
          v128.load64_splat
          local.set $in0_41
          local.get $c0_1_3
          local.set $r_41
          local.get $in0_41
          local.get $r_41
          f64x2.add
          local.set $out_41
          local.get $pc
          local.get $out_41
          v128.store offset=16 align=8
          local.get $pe0
          v128.load64_splat offset=8
          local.set $in0_42
          local.get $c1_0_9
          local.set $r_42
          local.get $in0_42
          local.get $r_42
          f64x2.add
          local.set $out_42
          local.get $pc
          local.get $rowBytes
          i32.add
          local.get $out_42
          v128.store align=8
          local.get $pe0
          v128.load64_splat offset=8
          local.set $in0_43
          local.get $c1_1_3
          local.set $r_43
          local.get $in0_43
          local.get $r_43
          f64x2.add
          local.set $out_43
          local.get $pc
          local.get $rowBytes
          i32.add
          local.get $out_43
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
          local.get $m_1
          i32.gt_u
          br_if 1
          ;; 2 × 2 block of C (1 vectors)
          local.get $p1
          local.get $i
          i32.const 512
          i32.mul
          i32.add
          local.set $pa
          local.get $p2
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pb
          local.get $p0
          local.get $i
          local.get $rowBytes
          i32.mul
          i32.add
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          local.get $zero
          local.set $c0_0_10
          local.get $zero
          local.set $c1_0_10
          i32.const 64
          local.set $end
          loop
            local.get $pb
            v128.load align=8
            local.set $b0_10
            local.get $pa
            v128.load64_splat
            local.set $a_10
            local.get $c0_0_10
            local.get $a_10
            local.get $b0_10
            f64x2.mul
            f64x2.add
            local.set $c0_0_10
            local.get $pa
            v128.load64_splat offset=512
            local.set $a_10
            local.get $c1_0_10
            local.get $a_10
            local.get $b0_10
            f64x2.mul
            f64x2.add
            local.set $c1_0_10
            local.get $pa
            i32.const 8
            i32.add
            local.set $pa
            local.get $pb
            local.get $rowBytes
            i32.add
            local.set $pb
            local.get $end
            i32.const 1
            i32.sub
            local.tee $end
            br_if 0
          end
          local.get $p3
          local.get $i
          i32.const 8
          i32.mul
          i32.add
          local.set $pe0
          local.get $pe0
          v128.load64_splat
          local.set $in0_44
          local.get $c0_0_10
          local.set $r_44
          local.get $in0_44
          local.get $r_44
          f64x2.add
          local.set $out_44
          local.get $pc
          local.get $out_44
          v128.store align=8
          local.get $pe0
          v128.load64_splat offset=8
          local.set $in0_45
          local.get $c1_0_10
          local.set $r_45
          local.get $in0_45
          local.get $r_45
          f64x2.add
          local.set $out_45
          local.get $pc
          local.get $rowBytes
          i32.add
          local.get $out_45
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
          local.get $m_1
          i32.gt_u
          br_if 1
          ;; 2 × 1 block of C
          local.get $p1
          local.get $i
          i32.const 512
          i32.mul
          i32.add
          local.set $pa
          local.get $p2
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pb
          local.get $p0
          local.get $i
          local.get $rowBytes
          i32.mul
          i32.add
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pc
          f64.const 0
          local.set $c0_0_11
          f64.const 0
          local.set $c1_0_11
          i32.const 64
          local.set $end
          loop
            local.get $pb
            f64.load
            local.set $b0_11
            local.get $pa
            f64.load
            local.set $a_11
            local.get $c0_0_11
            local.get $a_11
            local.get $b0_11
            f64.mul
            f64.add
            local.set $c0_0_11
            local.get $pa
            f64.load offset=512
            local.set $a_11
            local.get $c1_0_11
            local.get $a_11
            local.get $b0_11
            f64.mul
            f64.add
            local.set $c1_0_11
            local.get $pa
            i32.const 8
            i32.add
            local.set $pa
            local.get $pb
            local.get $rowBytes
            i32.add
            local.set $pb
            local.get $end
            i32.const 1
            i32.sub
            local.tee $end
            br_if 0
          end
          local.get $p3
          local.get $i
          i32.const 8
          i32.mul
          i32.add
          local.set $pe0
          local.get $pe0
          f64.load
          local.set $in0_46
          local.get $c0_0_11
          local.set $r_46
          local.get $in0_46
          local.get $r_46
          f64.add
          local.set $out_46
          local.get $pc
          local.get $out_46
          f64.store
          local.get $pe0
          f64.load offset=8
          local.set $in0_47
          local.get $c1_0_11
          local.set $r_47
          local.get $in0_47
          local.get $r_47
          f64.add
          local.set $out_47
          local.get $pc
          local.get $rowBytes
          i32.add
          local.get $out_47
          f64.store
          local.get $j
          i32.const 1
          i32.add
          local.set $j
          br 0
        end
      end
    end
  )
  (func $dZ3 (type 1) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32)
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
    ;; elementwise over [10, 1·m]
    i32.const 0
    local.set $i0
    loop
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p2
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p1_1
          local.get $p0_1
          v128.load align=8
          local.set $in0
          local.get $p1_1
          v128.load align=8
          local.set $in1
          local.get $in0
          local.get $in1
          f64x2.sub
          local.set $v
          local.get $po
          local.get $v
          v128.store align=8
          local.get $p0_1
          v128.load offset=16 align=8
          local.set $in0_1
          local.get $p1_1
          v128.load offset=16 align=8
          local.set $in1_1
          local.get $in0_1
          local.get $in1_1
          f64x2.sub
          local.set $v_1
          local.get $po
          local.get $v_1
          v128.store offset=16 align=8
          local.get $p0_1
          v128.load offset=32 align=8
          local.set $in0_2
          local.get $p1_1
          v128.load offset=32 align=8
          local.set $in1_2
          local.get $in0_2
          local.get $in1_2
          f64x2.sub
          local.set $v_2
          local.get $po
          local.get $v_2
          v128.store offset=32 align=8
          local.get $p0_1
          v128.load offset=48 align=8
          local.set $in0_3
          local.get $p1_1
          v128.load offset=48 align=8
          local.set $in1_3
          local.get $in0_3
          local.get $in1_3
          f64x2.sub
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p2
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p1_1
          local.get $p0_1
          v128.load align=8
          local.set $in0_4
          local.get $p1_1
          v128.load align=8
          local.set $in1_4
          local.get $in0_4
          local.get $in1_4
          f64x2.sub
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p2
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p1_1
          local.get $p0_1
          f64.load
          local.set $in0_5
          local.get $p1_1
          f64.load
          local.set $in1_5
          local.get $in0_5
          local.get $in1_5
          f64.sub
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
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 10
      i32.lt_u
      br_if 0
    end
  )
  (func $dZ2 (type 2) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $s0 f64) (param $p3 i32) (param $p4 i32)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $pe0 i32)
    (local $pe1 i32)
    (local $lr i32)
    (local $lc i32)
    (local $m_1 i32)
    (local $stride i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c2_0 v128)
    (local $c2_1 v128)
    (local $c3_0 v128)
    (local $c3_1 v128)
    (local $zero v128)
    (local $b0 v128)
    (local $b1 v128)
    (local $a v128)
    (local $out v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $r v128)
    (local $s0_1 v128)
    (local $k v128)
    (local $k_1 v128)
    (local $out_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $r_1 v128)
    (local $out_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $r_2 v128)
    (local $out_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    (local $r_3 v128)
    (local $out_4 v128)
    (local $in0_4 v128)
    (local $off i32)
    (local $in1_4 v128)
    (local $r_4 v128)
    (local $out_5 v128)
    (local $in0_5 v128)
    (local $in1_5 v128)
    (local $r_5 v128)
    (local $out_6 v128)
    (local $in0_6 v128)
    (local $off_1 i32)
    (local $in1_6 v128)
    (local $r_6 v128)
    (local $out_7 v128)
    (local $in0_7 v128)
    (local $in1_7 v128)
    (local $r_7 v128)
    (local $c0_0_1 v128)
    (local $c1_0_1 v128)
    (local $c2_0_1 v128)
    (local $c3_0_1 v128)
    (local $b0_1 v128)
    (local $a_1 v128)
    (local $out_8 v128)
    (local $in0_8 v128)
    (local $in1_8 v128)
    (local $r_8 v128)
    (local $out_9 v128)
    (local $in0_9 v128)
    (local $in1_9 v128)
    (local $r_9 v128)
    (local $out_10 v128)
    (local $in0_10 v128)
    (local $in1_10 v128)
    (local $r_10 v128)
    (local $out_11 v128)
    (local $in0_11 v128)
    (local $in1_11 v128)
    (local $r_11 v128)
    (local $c0_0_2 f64)
    (local $c1_0_2 f64)
    (local $c2_0_2 f64)
    (local $c3_0_2 f64)
    (local $b0_2 f64)
    (local $a_2 f64)
    (local $out_12 f64)
    (local $in0_12 f64)
    (local $in1_12 f64)
    (local $r_12 f64)
    (local $out_13 f64)
    (local $in0_13 f64)
    (local $in1_13 f64)
    (local $r_13 f64)
    (local $out_14 f64)
    (local $in0_14 f64)
    (local $in1_14 f64)
    (local $r_14 f64)
    (local $out_15 f64)
    (local $in0_15 f64)
    (local $in1_15 f64)
    (local $r_15 f64)
    local.get $m
    local.set $m_1
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    f64.const 0
    f64x2.splat
    local.set $zero
    local.get $s0
    f64x2.splat
    local.set $s0_1
    f64.const 0.9
    f64x2.splat
    local.set $k
    f64.const 1
    f64x2.splat
    local.set $k_1
    local.get $m
    i32.const 16
    i32.mul
    local.set $off
    local.get $m
    i32.const 24
    i32.mul
    local.set $off_1
    ;; C (64 × 1·m) = A·B, k = 10, rows form
    i32.const 0
    i32.const 10
    i32.add
    i32.const 1
    i32.sub
    local.set $lr
    local.get $m_1
    i32.const 1
    i32.sub
    local.set $lc
    local.get $p2
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
    loop
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
          ;; 4 × 4 block of C (2 vectors)
          local.get $p1
          local.get $i
          i32.const 8
          i32.mul
          i32.add
          local.set $pa
          local.get $p2
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
          local.get $zero
          local.set $c0_0
          local.get $zero
          local.set $c0_1
          local.get $zero
          local.set $c1_0
          local.get $zero
          local.set $c1_1
          local.get $zero
          local.set $c2_0
          local.get $zero
          local.set $c2_1
          local.get $zero
          local.set $c3_0
          local.get $zero
          local.set $c3_1
          i32.const 10
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
            v128.load64_splat offset=8
            local.set $a
            local.get $c1_0
            local.get $a
            local.get $b0
            f64x2.mul
            f64x2.add
            local.set $c1_0
            local.get $c1_1
            local.get $a
            local.get $b1
            f64x2.mul
            f64x2.add
            local.set $c1_1
            local.get $pa
            v128.load64_splat offset=16
            local.set $a
            local.get $c2_0
            local.get $a
            local.get $b0
            f64x2.mul
            f64x2.add
            local.set $c2_0
            local.get $c2_1
            local.get $a
            local.get $b1
            f64x2.mul
            f64x2.add
            local.set $c2_1
            local.get $pa
            v128.load64_splat offset=24
            local.set $a
            local.get $c3_0
            local.get $a
            local.get $b0
            f64x2.mul
            f64x2.add
            local.set $c3_0
            local.get $c3_1
            local.get $a
            local.get $b1
            f64x2.mul
            f64x2.add
            local.set $c3_1
            local.get $pa
            i32.const 512
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
          local.get $p3
          local.get $i
          local.get $stride
          i32.mul
          i32.add
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pe0
          local.get $p4
          local.get $i
          local.get $stride
          i32.mul
          i32.add
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pe1
          local.get $pe0
          v128.load align=8
          local.set $in0
          local.get $pe1
          v128.load align=8
          local.set $in1
          local.get $c0_0
          local.set $r
          local.get $in0
          local.get $s0_1
          local.get $r
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out
          local.get $pc
          local.get $out
          v128.store align=8
          local.get $pe0
          v128.load offset=16 align=8
          local.set $in0_1
          local.get $pe1
          v128.load offset=16 align=8
          local.set $in1_1
          local.get $c0_1
          local.set $r_1
          local.get $in0_1
          local.get $s0_1
          local.get $r_1
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_1
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_1
          local.get $pc
          local.get $out_1
          v128.store offset=16 align=8
          local.get $pe0
          local.get $stride
          i32.add
          v128.load align=8
          local.set $in0_2
          local.get $pe1
          local.get $stride
          i32.add
          v128.load align=8
          local.set $in1_2
          local.get $c1_0
          local.set $r_2
          local.get $in0_2
          local.get $s0_1
          local.get $r_2
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_2
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_2
          local.get $pc
          local.get $stride
          i32.add
          local.get $out_2
          v128.store align=8
          local.get $pe0
          local.get $stride
          i32.add
          v128.load offset=16 align=8
          local.set $in0_3
          local.get $pe1
          local.get $stride
          i32.add
          v128.load offset=16 align=8
          local.set $in1_3
          local.get $c1_1
          local.set $r_3
          local.get $in0_3
          local.get $s0_1
          local.get $r_3
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_3
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_3
          local.get $pc
          local.get $stride
          i32.add
          local.get $out_3
          v128.store offset=16 align=8
          local.get $pe0
          local.get $off
          i32.add
          v128.load align=8
          local.set $in0_4
          local.get $pe1
          local.get $off
          i32.add
          v128.load align=8
          local.set $in1_4
          local.get $c2_0
          local.set $r_4
          local.get $in0_4
          local.get $s0_1
          local.get $r_4
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_4
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_4
          local.get $pc
          local.get $off
          i32.add
          local.get $out_4
          v128.store align=8
          local.get $pe0
          local.get $off
          i32.add
          v128.load offset=16 align=8
          local.set $in0_5
          local.get $pe1
          local.get $off
          i32.add
          v128.load offset=16 align=8
          local.set $in1_5
          local.get $c2_1
          local.set $r_5
          local.get $in0_5
          local.get $s0_1
          local.get $r_5
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_5
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_5
          local.get $pc
          local.get $off
          i32.add
          local.get $out_5
          v128.store offset=16 align=8
          local.get $pe0
          local.get $off_1
          i32.add
          v128.load align=8
          local.set $in0_6
          local.get $pe1
          local.get $off_1
          i32.add
          v128.load align=8
          local.set $in1_6
          local.get $c3_0
          local.set $r_6
          local.get $in0_6
          local.get $s0_1
          local.get $r_6
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_6
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_6
          local.get $pc
          local.get $off_1
          i32.add
          local.get $out_6
          v128.store align=8
          local.get $pe0
          local.get $off_1
          i32.add
          v128.load offset=16 align=8
          local.set $in0_7
          local.get $pe1
          local.get $off_1
          i32.add
          v128.load offset=16 align=8
          local.set $in1_7
          local.get $c3_1
          local.set $r_7
          local.get $in0_7
          local.get $s0_1
          local.get $r_7
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_7
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_7
          local.get $pc
          local.get $off_1
          i32.add
          local.get $out_7
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
          local.get $m_1
          i32.gt_u
          br_if 1
          ;; 4 × 2 block of C (1 vectors)
          local.get $p1
          local.get $i
          i32.const 8
          i32.mul
          i32.add
          local.set $pa
          local.get $p2
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
          local.get $zero
          local.set $c0_0_1
          local.get $zero
          local.set $c1_0_1
          local.get $zero
          local.set $c2_0_1
          local.get $zero
          local.set $c3_0_1
          i32.const 10
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
            v128.load64_splat offset=8
            local.set $a_1
            local.get $c1_0_1
            local.get $a_1
            local.get $b0_1
            f64x2.mul
            f64x2.add
            local.set $c1_0_1
            local.get $pa
            v128.load64_splat offset=16
            local.set $a_1
            local.get $c2_0_1
            local.get $a_1
            local.get $b0_1
            f64x2.mul
            f64x2.add
            local.set $c2_0_1
            local.get $pa
            v128.load64_splat offset=24
            local.set $a_1
            local.get $c3_0_1
            local.get $a_1
            local.get $b0_1
            f64x2.mul
            f64x2.add
            local.set $c3_0_1
            local.get $pa
            i32.const 512
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
          local.get $p3
          local.get $i
          local.get $stride
          i32.mul
          i32.add
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pe0
          local.get $p4
          local.get $i
          local.get $stride
          i32.mul
          i32.add
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pe1
          local.get $pe0
          v128.load align=8
          local.set $in0_8
          local.get $pe1
          v128.load align=8
          local.set $in1_8
          local.get $c0_0_1
          local.set $r_8
          local.get $in0_8
          local.get $s0_1
          local.get $r_8
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_8
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_8
          local.get $pc
          local.get $out_8
          v128.store align=8
          local.get $pe0
          local.get $stride
          i32.add
          v128.load align=8
          local.set $in0_9
          local.get $pe1
          local.get $stride
          i32.add
          v128.load align=8
          local.set $in1_9
          local.get $c1_0_1
          local.set $r_9
          local.get $in0_9
          local.get $s0_1
          local.get $r_9
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_9
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_9
          local.get $pc
          local.get $stride
          i32.add
          local.get $out_9
          v128.store align=8
          local.get $pe0
          local.get $off
          i32.add
          v128.load align=8
          local.set $in0_10
          local.get $pe1
          local.get $off
          i32.add
          v128.load align=8
          local.set $in1_10
          local.get $c2_0_1
          local.set $r_10
          local.get $in0_10
          local.get $s0_1
          local.get $r_10
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_10
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_10
          local.get $pc
          local.get $off
          i32.add
          local.get $out_10
          v128.store align=8
          local.get $pe0
          local.get $off_1
          i32.add
          v128.load align=8
          local.set $in0_11
          local.get $pe1
          local.get $off_1
          i32.add
          v128.load align=8
          local.set $in1_11
          local.get $c3_0_1
          local.set $r_11
          local.get $in0_11
          local.get $s0_1
          local.get $r_11
          f64x2.mul
          local.get $k
          f64x2.div
          f64x2.mul
          local.get $k_1
          local.get $zero
          local.get $in1_11
          local.get $zero
          f64x2.gt
          v128.bitselect
          f64x2.mul
          local.set $out_11
          local.get $pc
          local.get $off_1
          i32.add
          local.get $out_11
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
          local.get $m_1
          i32.gt_u
          br_if 1
          ;; 4 × 1 block of C
          local.get $p1
          local.get $i
          i32.const 8
          i32.mul
          i32.add
          local.set $pa
          local.get $p2
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
          f64.const 0
          local.set $c0_0_2
          f64.const 0
          local.set $c1_0_2
          f64.const 0
          local.set $c2_0_2
          f64.const 0
          local.set $c3_0_2
          i32.const 10
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
            f64.load offset=8
            local.set $a_2
            local.get $c1_0_2
            local.get $a_2
            local.get $b0_2
            f64.mul
            f64.add
            local.set $c1_0_2
            local.get $pa
            f64.load offset=16
            local.set $a_2
            local.get $c2_0_2
            local.get $a_2
            local.get $b0_2
            f64.mul
            f64.add
            local.set $c2_0_2
            local.get $pa
            f64.load offset=24
            local.set $a_2
            local.get $c3_0_2
            local.get $a_2
            local.get $b0_2
            f64.mul
            f64.add
            local.set $c3_0_2
            local.get $pa
            i32.const 512
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
          local.get $p3
          local.get $i
          local.get $stride
          i32.mul
          i32.add
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pe0
          local.get $p4
          local.get $i
          local.get $stride
          i32.mul
          i32.add
          local.get $j
          i32.const 8
          i32.mul
          i32.add
          local.set $pe1
          local.get $pe0
          f64.load
          local.set $in0_12
          local.get $pe1
          f64.load
          local.set $in1_12
          local.get $c0_0_2
          local.set $r_12
          local.get $in0_12
          local.get $s0
          local.get $r_12
          f64.mul
          f64.const 0.9
          f64.div
          f64.mul
          f64.const 1
          f64.const 0
          local.get $in1_12
          f64.const 0
          f64.gt
          select
          f64.mul
          local.set $out_12
          local.get $pc
          local.get $out_12
          f64.store
          local.get $pe0
          local.get $stride
          i32.add
          f64.load
          local.set $in0_13
          local.get $pe1
          local.get $stride
          i32.add
          f64.load
          local.set $in1_13
          local.get $c1_0_2
          local.set $r_13
          local.get $in0_13
          local.get $s0
          local.get $r_13
          f64.mul
          f64.const 0.9
          f64.div
          f64.mul
          f64.const 1
          f64.const 0
          local.get $in1_13
          f64.const 0
          f64.gt
          select
          f64.mul
          local.set $out_13
          local.get $pc
          local.get $stride
          i32.add
          local.get $out_13
          f64.store
          local.get $pe0
          local.get $off
          i32.add
          f64.load
          local.set $in0_14
          local.get $pe1
          local.get $off
          i32.add
          f64.load
          local.set $in1_14
          local.get $c2_0_2
          local.set $r_14
          local.get $in0_14
          local.get $s0
          local.get $r_14
          f64.mul
          f64.const 0.9
          f64.div
          f64.mul
          f64.const 1
          f64.const 0
          local.get $in1_14
          f64.const 0
          f64.gt
          select
          f64.mul
          local.set $out_14
          local.get $pc
          local.get $off
          i32.add
          local.get $out_14
          f64.store
          local.get $pe0
          local.get $off_1
          i32.add
          f64.load
          local.set $in0_15
          local.get $pe1
          local.get $off_1
          i32.add
          f64.load
          local.set $in1_15
          local.get $c3_0_2
          local.set $r_15
          local.get $in0_15
          local.get $s0
          local.get $r_15
          f64.mul
          f64.const 0.9
          f64.div
          f64.mul
          f64.const 1
          f64.const 0
          local.get $in1_15
          f64.const 0
          f64.gt
          select
          f64.mul
          local.set $out_15
          local.get $pc
          local.get $off_1
          i32.add
          local.get $out_15
          f64.store
          local.get $j
          i32.const 1
          i32.add
          local.set $j
          br 0
        end
      end
      local.get $i
      i32.const 4
      i32.add
      local.tee $i
      i32.const 64
      i32.lt_u
      br_if 0
    end
  )
  (func $dZ1 (type 3) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $pe0 i32)
    (local $pe1 i32)
    (local $jb i32)
    (local $w i32)
    (local $col i32)
    (local $rowBytes i32)
    (local $lr i32)
    (local $lc i32)
    (local $m_1 i32)
    (local $pksrc i32)
    (local $pkto i32)
    (local $pkrows i32)
    (local $pkcol i32)
    (local $pkvecEnd i32)
    (local $pkend i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c2_0 v128)
    (local $c2_1 v128)
    (local $c3_0 v128)
    (local $c3_1 v128)
    (local $zero v128)
    (local $b0 v128)
    (local $b1 v128)
    (local $a v128)
    (local $out v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $r v128)
    (local $k v128)
    (local $k_1 v128)
    (local $out_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $r_1 v128)
    (local $out_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $r_2 v128)
    (local $out_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    (local $r_3 v128)
    (local $out_4 v128)
    (local $in0_4 v128)
    (local $off i32)
    (local $in1_4 v128)
    (local $r_4 v128)
    (local $out_5 v128)
    (local $in0_5 v128)
    (local $in1_5 v128)
    (local $r_5 v128)
    (local $out_6 v128)
    (local $in0_6 v128)
    (local $off_1 i32)
    (local $in1_6 v128)
    (local $r_6 v128)
    (local $out_7 v128)
    (local $in0_7 v128)
    (local $in1_7 v128)
    (local $r_7 v128)
    (local $c0_0_1 v128)
    (local $c1_0_1 v128)
    (local $c2_0_1 v128)
    (local $c3_0_1 v128)
    (local $b0_1 v128)
    (local $a_1 v128)
    (local $out_8 v128)
    (local $in0_8 v128)
    (local $in1_8 v128)
    (local $r_8 v128)
    (local $out_9 v128)
    (local $in0_9 v128)
    (local $in1_9 v128)
    (local $r_9 v128)
    (local $out_10 v128)
    (local $in0_10 v128)
    (local $in1_10 v128)
    (local $r_10 v128)
    (local $out_11 v128)
    (local $in0_11 v128)
    (local $in1_11 v128)
    (local $r_11 v128)
    (local $c0_0_2 f64)
    (local $c1_0_2 f64)
    (local $c2_0_2 f64)
    (local $c3_0_2 f64)
    (local $b0_2 f64)
    (local $a_2 f64)
    (local $out_12 f64)
    (local $in0_12 f64)
    (local $in1_12 f64)
    (local $r_12 f64)
    (local $out_13 f64)
    (local $in0_13 f64)
    (local $in1_13 f64)
    (local $r_13 f64)
    (local $out_14 f64)
    (local $in0_14 f64)
    (local $in1_14 f64)
    (local $r_14 f64)
    (local $out_15 f64)
    (local $in0_15 f64)
    (local $in1_15 f64)
    (local $r_15 f64)
    (local $lr_1 i32)
    (local $lc_1 i32)
    (local $c0_0_3 v128)
    (local $c0_1_1 v128)
    (local $c1_0_3 v128)
    (local $c1_1_1 v128)
    (local $c2_0_3 v128)
    (local $c2_1_1 v128)
    (local $c3_0_3 v128)
    (local $c3_1_1 v128)
    (local $b0_3 v128)
    (local $b1_1 v128)
    (local $a_3 v128)
    (local $out_16 v128)
    (local $in0_16 v128)
    (local $in1_16 v128)
    (local $r_16 v128)
    (local $out_17 v128)
    (local $in0_17 v128)
    (local $in1_17 v128)
    (local $r_17 v128)
    (local $out_18 v128)
    (local $in0_18 v128)
    (local $in1_18 v128)
    (local $r_18 v128)
    (local $out_19 v128)
    (local $in0_19 v128)
    (local $in1_19 v128)
    (local $r_19 v128)
    (local $out_20 v128)
    (local $in0_20 v128)
    (local $in1_20 v128)
    (local $r_20 v128)
    (local $out_21 v128)
    (local $in0_21 v128)
    (local $in1_21 v128)
    (local $r_21 v128)
    (local $out_22 v128)
    (local $in0_22 v128)
    (local $in1_22 v128)
    (local $r_22 v128)
    (local $out_23 v128)
    (local $in0_23 v128)
    (local $in1_23 v128)
    (local $r_23 v128)
    (local $c0_0_4 v128)
    (local $c1_0_4 v128)
    (local $c2_0_4 v128)
    (local $c3_0_4 v128)
    (local $b0_4 v128)
    (local $a_4 v128)
    (local $out_24 v128)
    (local $in0_24 v128)
    (local $in1_24 v128)
    (local $r_24 v128)
    (local $out_25 v128)
    (local $in0_25 v128)
    (local $in1_25 v128)
    (local $r_25 v128)
    (local $out_26 v128)
    (local $in0_26 v128)
    (local $in1_26 v128)
    (local $r_26 v128)
    (local $out_27 v128)
    (local $in0_27 v128)
    (local $in1_27 v128)
    (local $r_27 v128)
    (local $c0_0_5 f64)
    (local $c1_0_5 f64)
    (local $c2_0_5 f64)
    (local $c3_0_5 f64)
    (local $b0_5 f64)
    (local $a_5 f64)
    (local $out_28 f64)
    (local $in0_28 f64)
    (local $in1_28 f64)
    (local $r_28 f64)
    (local $out_29 f64)
    (local $in0_29 f64)
    (local $in1_29 f64)
    (local $r_29 f64)
    (local $out_30 f64)
    (local $in0_30 f64)
    (local $in1_30 f64)
    (local $r_30 f64)
    (local $out_31 f64)
    (local $in0_31 f64)
    (local $in1_31 f64)
    (local $r_31 f64)
    local.get $m
    i32.const 8
    i32.mul
    local.set $rowBytes
    local.get $m
    local.set $m_1
    f64.const 0
    f64x2.splat
    local.set $zero
    f64.const 1
    f64x2.splat
    local.set $k
    f64.const 0.9
    f64x2.splat
    local.set $k_1
    local.get $m
    i32.const 16
    i32.mul
    local.set $off
    local.get $m
    i32.const 24
    i32.mul
    local.set $off_1
    ;; C (128 × 1·m) = A·B, k = 64, rows form
    block
      block
        local.get $rowBytes
        i32.const 4095
        i32.and
        br_if 0
        ;; B packed: its row stride is a multiple of 4096 bytes
        i32.const 0
        i32.const 64
        i32.add
        i32.const 1
        i32.sub
        local.set $lr
        local.get $m_1
        i32.const 1
        i32.sub
        local.set $lc
        local.get $p2
        local.set $pa
        local.get $p2
        local.get $lr
        local.get $rowBytes
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
        local.set $jb
        block
          loop
            local.get $jb
            local.get $m_1
            i32.ge_u
            br_if 1
            local.get $m_1
            local.get $jb
            i32.sub
            local.set $w
            local.get $w
            i32.const 64
            local.get $w
            i32.const 64
            i32.lt_u
            select
            local.set $w
            local.get $p2
            local.get $jb
            i32.const 8
            i32.mul
            i32.add
            local.set $pksrc
            ;; B's k block × the panel's columns, packed
            i32.const 0
            local.set $pkto
            local.get $w
            i32.const 8
            i32.mul
            local.tee $pkend
            i32.const -16
            i32.and
            local.set $pkvecEnd
            i32.const 64
            local.set $pkrows
            block
              local.get $pkrows
              i32.eqz
              br_if 0
              loop
                i32.const 0
                local.set $pkcol
                block
                  local.get $pkcol
                  local.get $pkvecEnd
                  i32.ge_u
                  br_if 0
                  loop
                    local.get $pkto
                    local.get $pkcol
                    i32.add
                    local.get $pksrc
                    local.get $pkcol
                    i32.add
                    v128.load align=8
                    v128.store align=8
                    local.get $pkcol
                    i32.const 16
                    i32.add
                    local.tee $pkcol
                    local.get $pkvecEnd
                    i32.lt_u
                    br_if 0
                  end
                end
                block
                  local.get $pkcol
                  local.get $pkend
                  i32.ge_u
                  br_if 0
                  loop
                    local.get $pkto
                    local.get $pkcol
                    i32.add
                    local.get $pksrc
                    local.get $pkcol
                    i32.add
                    f64.load
                    f64.store
                    local.get $pkcol
                    i32.const 8
                    i32.add
                    local.tee $pkcol
                    local.get $pkend
                    i32.lt_u
                    br_if 0
                  end
                end
                local.get $pksrc
                local.get $rowBytes
                i32.add
                local.set $pksrc
                local.get $pkto
                i32.const 576
                i32.add
                local.set $pkto
                local.get $pkrows
                i32.const 1
                i32.sub
                local.tee $pkrows
                br_if 0
              end
            end
            i32.const 0
            local.set $i
            loop
              i32.const 0
              local.set $j
              block
                loop
                  local.get $j
                  i32.const 4
                  i32.add
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 4 block of C (2 vectors)
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  local.get $zero
                  local.set $c0_0
                  local.get $zero
                  local.set $c0_1
                  local.get $zero
                  local.set $c1_0
                  local.get $zero
                  local.set $c1_1
                  local.get $zero
                  local.set $c2_0
                  local.get $zero
                  local.set $c2_1
                  local.get $zero
                  local.set $c3_0
                  local.get $zero
                  local.set $c3_1
                  i32.const 64
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
                    v128.load64_splat offset=8
                    local.set $a
                    local.get $c1_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c1_0
                    local.get $c1_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c1_1
                    local.get $pa
                    v128.load64_splat offset=16
                    local.set $a
                    local.get $c2_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c2_0
                    local.get $c2_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c2_1
                    local.get $pa
                    v128.load64_splat offset=24
                    local.set $a
                    local.get $c3_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c3_0
                    local.get $c3_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c3_1
                    local.get $pa
                    i32.const 1024
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $p4
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe1
                  local.get $pe0
                  v128.load align=8
                  local.set $in0
                  local.get $pe1
                  v128.load align=8
                  local.set $in1
                  local.get $c0_0
                  local.set $r
                  local.get $k
                  local.get $zero
                  local.get $in0
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1
                  local.get $r
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out
                  local.get $pc
                  local.get $out
                  v128.store align=8
                  local.get $pe0
                  v128.load offset=16 align=8
                  local.set $in0_1
                  local.get $pe1
                  v128.load offset=16 align=8
                  local.set $in1_1
                  local.get $c0_1
                  local.set $r_1
                  local.get $k
                  local.get $zero
                  local.get $in0_1
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_1
                  local.get $r_1
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_1
                  local.get $pc
                  local.get $out_1
                  v128.store offset=16 align=8
                  local.get $pe0
                  local.get $rowBytes
                  i32.add
                  v128.load align=8
                  local.set $in0_2
                  local.get $pe1
                  local.get $rowBytes
                  i32.add
                  v128.load align=8
                  local.set $in1_2
                  local.get $c1_0
                  local.set $r_2
                  local.get $k
                  local.get $zero
                  local.get $in0_2
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_2
                  local.get $r_2
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_2
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_2
                  v128.store align=8
                  local.get $pe0
                  local.get $rowBytes
                  i32.add
                  v128.load offset=16 align=8
                  local.set $in0_3
                  local.get $pe1
                  local.get $rowBytes
                  i32.add
                  v128.load offset=16 align=8
                  local.set $in1_3
                  local.get $c1_1
                  local.set $r_3
                  local.get $k
                  local.get $zero
                  local.get $in0_3
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_3
                  local.get $r_3
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_3
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_3
                  v128.store offset=16 align=8
                  local.get $pe0
                  local.get $off
                  i32.add
                  v128.load align=8
                  local.set $in0_4
                  local.get $pe1
                  local.get $off
                  i32.add
                  v128.load align=8
                  local.set $in1_4
                  local.get $c2_0
                  local.set $r_4
                  local.get $k
                  local.get $zero
                  local.get $in0_4
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_4
                  local.get $r_4
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_4
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_4
                  v128.store align=8
                  local.get $pe0
                  local.get $off
                  i32.add
                  v128.load offset=16 align=8
                  local.set $in0_5
                  local.get $pe1
                  local.get $off
                  i32.add
                  v128.load offset=16 align=8
                  local.set $in1_5
                  local.get $c2_1
                  local.set $r_5
                  local.get $k
                  local.get $zero
                  local.get $in0_5
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_5
                  local.get $r_5
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_5
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_5
                  v128.store offset=16 align=8
                  local.get $pe0
                  local.get $off_1
                  i32.add
                  v128.load align=8
                  local.set $in0_6
                  local.get $pe1
                  local.get $off_1
                  i32.add
                  v128.load align=8
                  local.set $in1_6
                  local.get $c3_0
                  local.set $r_6
                  local.get $k
                  local.get $zero
                  local.get $in0_6
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_6
                  local.get $r_6
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_6
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_6
                  v128.store align=8
                  local.get $pe0
                  local.get $off_1
                  i32.add
                  v128.load offset=16 align=8
                  local.set $in0_7
                  local.get $pe1
                  local.get $off_1
                  i32.add
                  v128.load offset=16 align=8
                  local.set $in1_7
                  local.get $c3_1
                  local.set $r_7
                  local.get $k
                  local.get $zero
                  local.get $in0_7
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_7
                  local.get $r_7
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_7
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_7
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
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 2 block of C (1 vectors)
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  local.get $zero
                  local.set $c0_0_1
                  local.get $zero
                  local.set $c1_0_1
                  local.get $zero
                  local.set $c2_0_1
                  local.get $zero
                  local.set $c3_0_1
                  i32.const 64
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
                    v128.load64_splat offset=8
                    local.set $a_1
                    local.get $c1_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c1_0_1
                    local.get $pa
                    v128.load64_splat offset=16
                    local.set $a_1
                    local.get $c2_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c2_0_1
                    local.get $pa
                    v128.load64_splat offset=24
                    local.set $a_1
                    local.get $c3_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c3_0_1
                    local.get $pa
                    i32.const 1024
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $p4
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe1
                  local.get $pe0
                  v128.load align=8
                  local.set $in0_8
                  local.get $pe1
                  v128.load align=8
                  local.set $in1_8
                  local.get $c0_0_1
                  local.set $r_8
                  local.get $k
                  local.get $zero
                  local.get $in0_8
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_8
                  local.get $r_8
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_8
                  local.get $pc
                  local.get $out_8
                  v128.store align=8
                  local.get $pe0
                  local.get $rowBytes
                  i32.add
                  v128.load align=8
                  local.set $in0_9
                  local.get $pe1
                  local.get $rowBytes
                  i32.add
                  v128.load align=8
                  local.set $in1_9
                  local.get $c1_0_1
                  local.set $r_9
                  local.get $k
                  local.get $zero
                  local.get $in0_9
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_9
                  local.get $r_9
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_9
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_9
                  v128.store align=8
                  local.get $pe0
                  local.get $off
                  i32.add
                  v128.load align=8
                  local.set $in0_10
                  local.get $pe1
                  local.get $off
                  i32.add
                  v128.load align=8
                  local.set $in1_10
                  local.get $c2_0_1
                  local.set $r_10
                  local.get $k
                  local.get $zero
                  local.get $in0_10
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_10
                  local.get $r_10
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_10
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_10
                  v128.store align=8
                  local.get $pe0
                  local.get $off_1
                  i32.add
                  v128.load align=8
                  local.set $in0_11
                  local.get $pe1
                  local.get $off_1
                  i32.add
                  v128.load align=8
                  local.set $in1_11
                  local.get $c3_0_1
                  local.set $r_11
                  local.get $k
                  local.get $zero
                  local.get $in0_11
                  local.get $zero
                  f64x2.gt
                  v128.bitselect
                  local.get $in1_11
                  local.get $r_11
                  local.get $k_1
                  f64x2.div
                  f64x2.mul
                  f64x2.mul
                  local.set $out_11
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_11
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
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 1 block of C
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  f64.const 0
                  local.set $c0_0_2
                  f64.const 0
                  local.set $c1_0_2
                  f64.const 0
                  local.set $c2_0_2
                  f64.const 0
                  local.set $c3_0_2
                  i32.const 64
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
                    f64.load offset=8
                    local.set $a_2
                    local.get $c1_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c1_0_2
                    local.get $pa
                    f64.load offset=16
                    local.set $a_2
                    local.get $c2_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c2_0_2
                    local.get $pa
                    f64.load offset=24
                    local.set $a_2
                    local.get $c3_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c3_0_2
                    local.get $pa
                    i32.const 1024
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $p4
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe1
                  local.get $pe0
                  f64.load
                  local.set $in0_12
                  local.get $pe1
                  f64.load
                  local.set $in1_12
                  local.get $c0_0_2
                  local.set $r_12
                  f64.const 1
                  f64.const 0
                  local.get $in0_12
                  f64.const 0
                  f64.gt
                  select
                  local.get $in1_12
                  local.get $r_12
                  f64.const 0.9
                  f64.div
                  f64.mul
                  f64.mul
                  local.set $out_12
                  local.get $pc
                  local.get $out_12
                  f64.store
                  local.get $pe0
                  local.get $rowBytes
                  i32.add
                  f64.load
                  local.set $in0_13
                  local.get $pe1
                  local.get $rowBytes
                  i32.add
                  f64.load
                  local.set $in1_13
                  local.get $c1_0_2
                  local.set $r_13
                  f64.const 1
                  f64.const 0
                  local.get $in0_13
                  f64.const 0
                  f64.gt
                  select
                  local.get $in1_13
                  local.get $r_13
                  f64.const 0.9
                  f64.div
                  f64.mul
                  f64.mul
                  local.set $out_13
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_13
                  f64.store
                  local.get $pe0
                  local.get $off
                  i32.add
                  f64.load
                  local.set $in0_14
                  local.get $pe1
                  local.get $off
                  i32.add
                  f64.load
                  local.set $in1_14
                  local.get $c2_0_2
                  local.set $r_14
                  f64.const 1
                  f64.const 0
                  local.get $in0_14
                  f64.const 0
                  f64.gt
                  select
                  local.get $in1_14
                  local.get $r_14
                  f64.const 0.9
                  f64.div
                  f64.mul
                  f64.mul
                  local.set $out_14
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_14
                  f64.store
                  local.get $pe0
                  local.get $off_1
                  i32.add
                  f64.load
                  local.set $in0_15
                  local.get $pe1
                  local.get $off_1
                  i32.add
                  f64.load
                  local.set $in1_15
                  local.get $c3_0_2
                  local.set $r_15
                  f64.const 1
                  f64.const 0
                  local.get $in0_15
                  f64.const 0
                  f64.gt
                  select
                  local.get $in1_15
                  local.get $r_15
                  f64.const 0.9
                  f64.div
                  f64.mul
                  f64.mul
                  local.set $out_15
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_15
                  f64.store
                  local.get $j
                  i32.const 1
                  i32.add
                  local.set $j
                  br 0
                end
              end
              local.get $i
              i32.const 4
              i32.add
              local.tee $i
              i32.const 128
              i32.lt_u
              br_if 0
            end
            local.get $jb
            i32.const 64
            i32.add
            local.set $jb
            br 0
          end
        end
        br 1
      end
      i32.const 0
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
      local.set $pa
      local.get $p2
      local.get $lr_1
      local.get $rowBytes
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
      loop
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
            ;; 4 × 4 block of C (2 vectors)
            local.get $p1
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $zero
            local.set $c0_0_3
            local.get $zero
            local.set $c0_1_1
            local.get $zero
            local.set $c1_0_3
            local.get $zero
            local.set $c1_1_1
            local.get $zero
            local.set $c2_0_3
            local.get $zero
            local.set $c2_1_1
            local.get $zero
            local.set $c3_0_3
            local.get $zero
            local.set $c3_1_1
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
              v128.load64_splat offset=8
              local.set $a_3
              local.get $c1_0_3
              local.get $a_3
              local.get $b0_3
              f64x2.mul
              f64x2.add
              local.set $c1_0_3
              local.get $c1_1_1
              local.get $a_3
              local.get $b1_1
              f64x2.mul
              f64x2.add
              local.set $c1_1_1
              local.get $pa
              v128.load64_splat offset=16
              local.set $a_3
              local.get $c2_0_3
              local.get $a_3
              local.get $b0_3
              f64x2.mul
              f64x2.add
              local.set $c2_0_3
              local.get $c2_1_1
              local.get $a_3
              local.get $b1_1
              f64x2.mul
              f64x2.add
              local.set $c2_1_1
              local.get $pa
              v128.load64_splat offset=24
              local.set $a_3
              local.get $c3_0_3
              local.get $a_3
              local.get $b0_3
              f64x2.mul
              f64x2.add
              local.set $c3_0_3
              local.get $c3_1_1
              local.get $a_3
              local.get $b1_1
              f64x2.mul
              f64x2.add
              local.set $c3_1_1
              local.get $pa
              i32.const 1024
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $p4
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pe1
            local.get $pe0
            v128.load align=8
            local.set $in0_16
            local.get $pe1
            v128.load align=8
            local.set $in1_16
            local.get $c0_0_3
            local.set $r_16
            local.get $k
            local.get $zero
            local.get $in0_16
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_16
            local.get $r_16
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_16
            local.get $pc
            local.get $out_16
            v128.store align=8
            local.get $pe0
            v128.load offset=16 align=8
            local.set $in0_17
            local.get $pe1
            v128.load offset=16 align=8
            local.set $in1_17
            local.get $c0_1_1
            local.set $r_17
            local.get $k
            local.get $zero
            local.get $in0_17
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_17
            local.get $r_17
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_17
            local.get $pc
            local.get $out_17
            v128.store offset=16 align=8
            local.get $pe0
            local.get $rowBytes
            i32.add
            v128.load align=8
            local.set $in0_18
            local.get $pe1
            local.get $rowBytes
            i32.add
            v128.load align=8
            local.set $in1_18
            local.get $c1_0_3
            local.set $r_18
            local.get $k
            local.get $zero
            local.get $in0_18
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_18
            local.get $r_18
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_18
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_18
            v128.store align=8
            local.get $pe0
            local.get $rowBytes
            i32.add
            v128.load offset=16 align=8
            local.set $in0_19
            local.get $pe1
            local.get $rowBytes
            i32.add
            v128.load offset=16 align=8
            local.set $in1_19
            local.get $c1_1_1
            local.set $r_19
            local.get $k
            local.get $zero
            local.get $in0_19
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_19
            local.get $r_19
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_19
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_19
            v128.store offset=16 align=8
            local.get $pe0
            local.get $off
            i32.add
            v128.load align=8
            local.set $in0_20
            local.get $pe1
            local.get $off
            i32.add
            v128.load align=8
            local.set $in1_20
            local.get $c2_0_3
            local.set $r_20
            local.get $k
            local.get $zero
            local.get $in0_20
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_20
            local.get $r_20
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_20
            local.get $pc
            local.get $off
            i32.add
            local.get $out_20
            v128.store align=8
            local.get $pe0
            local.get $off
            i32.add
            v128.load offset=16 align=8
            local.set $in0_21
            local.get $pe1
            local.get $off
            i32.add
            v128.load offset=16 align=8
            local.set $in1_21
            local.get $c2_1_1
            local.set $r_21
            local.get $k
            local.get $zero
            local.get $in0_21
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_21
            local.get $r_21
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_21
            local.get $pc
            local.get $off
            i32.add
            local.get $out_21
            v128.store offset=16 align=8
            local.get $pe0
            local.get $off_1
            i32.add
            v128.load align=8
            local.set $in0_22
            local.get $pe1
            local.get $off_1
            i32.add
            v128.load align=8
            local.set $in1_22
            local.get $c3_0_3
            local.set $r_22
            local.get $k
            local.get $zero
            local.get $in0_22
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_22
            local.get $r_22
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_22
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_22
            v128.store align=8
            local.get $pe0
            local.get $off_1
            i32.add
            v128.load offset=16 align=8
            local.set $in0_23
            local.get $pe1
            local.get $off_1
            i32.add
            v128.load offset=16 align=8
            local.set $in1_23
            local.get $c3_1_1
            local.set $r_23
            local.get $k
            local.get $zero
            local.get $in0_23
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_23
            local.get $r_23
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_23
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_23
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
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 4 × 2 block of C (1 vectors)
            local.get $p1
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $zero
            local.set $c0_0_4
            local.get $zero
            local.set $c1_0_4
            local.get $zero
            local.set $c2_0_4
            local.get $zero
            local.set $c3_0_4
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
              v128.load64_splat offset=8
              local.set $a_4
              local.get $c1_0_4
              local.get $a_4
              local.get $b0_4
              f64x2.mul
              f64x2.add
              local.set $c1_0_4
              local.get $pa
              v128.load64_splat offset=16
              local.set $a_4
              local.get $c2_0_4
              local.get $a_4
              local.get $b0_4
              f64x2.mul
              f64x2.add
              local.set $c2_0_4
              local.get $pa
              v128.load64_splat offset=24
              local.set $a_4
              local.get $c3_0_4
              local.get $a_4
              local.get $b0_4
              f64x2.mul
              f64x2.add
              local.set $c3_0_4
              local.get $pa
              i32.const 1024
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $p4
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pe1
            local.get $pe0
            v128.load align=8
            local.set $in0_24
            local.get $pe1
            v128.load align=8
            local.set $in1_24
            local.get $c0_0_4
            local.set $r_24
            local.get $k
            local.get $zero
            local.get $in0_24
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_24
            local.get $r_24
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_24
            local.get $pc
            local.get $out_24
            v128.store align=8
            local.get $pe0
            local.get $rowBytes
            i32.add
            v128.load align=8
            local.set $in0_25
            local.get $pe1
            local.get $rowBytes
            i32.add
            v128.load align=8
            local.set $in1_25
            local.get $c1_0_4
            local.set $r_25
            local.get $k
            local.get $zero
            local.get $in0_25
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_25
            local.get $r_25
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_25
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_25
            v128.store align=8
            local.get $pe0
            local.get $off
            i32.add
            v128.load align=8
            local.set $in0_26
            local.get $pe1
            local.get $off
            i32.add
            v128.load align=8
            local.set $in1_26
            local.get $c2_0_4
            local.set $r_26
            local.get $k
            local.get $zero
            local.get $in0_26
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_26
            local.get $r_26
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_26
            local.get $pc
            local.get $off
            i32.add
            local.get $out_26
            v128.store align=8
            local.get $pe0
            local.get $off_1
            i32.add
            v128.load align=8
            local.set $in0_27
            local.get $pe1
            local.get $off_1
            i32.add
            v128.load align=8
            local.set $in1_27
            local.get $c3_0_4
            local.set $r_27
            local.get $k
            local.get $zero
            local.get $in0_27
            local.get $zero
            f64x2.gt
            v128.bitselect
            local.get $in1_27
            local.get $r_27
            local.get $k_1
            f64x2.div
            f64x2.mul
            f64x2.mul
            local.set $out_27
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_27
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
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 4 × 1 block of C
            local.get $p1
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            f64.const 0
            local.set $c0_0_5
            f64.const 0
            local.set $c1_0_5
            f64.const 0
            local.set $c2_0_5
            f64.const 0
            local.set $c3_0_5
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
              f64.load offset=8
              local.set $a_5
              local.get $c1_0_5
              local.get $a_5
              local.get $b0_5
              f64.mul
              f64.add
              local.set $c1_0_5
              local.get $pa
              f64.load offset=16
              local.set $a_5
              local.get $c2_0_5
              local.get $a_5
              local.get $b0_5
              f64.mul
              f64.add
              local.set $c2_0_5
              local.get $pa
              f64.load offset=24
              local.set $a_5
              local.get $c3_0_5
              local.get $a_5
              local.get $b0_5
              f64.mul
              f64.add
              local.set $c3_0_5
              local.get $pa
              i32.const 1024
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $p4
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pe1
            local.get $pe0
            f64.load
            local.set $in0_28
            local.get $pe1
            f64.load
            local.set $in1_28
            local.get $c0_0_5
            local.set $r_28
            f64.const 1
            f64.const 0
            local.get $in0_28
            f64.const 0
            f64.gt
            select
            local.get $in1_28
            local.get $r_28
            f64.const 0.9
            f64.div
            f64.mul
            f64.mul
            local.set $out_28
            local.get $pc
            local.get $out_28
            f64.store
            local.get $pe0
            local.get $rowBytes
            i32.add
            f64.load
            local.set $in0_29
            local.get $pe1
            local.get $rowBytes
            i32.add
            f64.load
            local.set $in1_29
            local.get $c1_0_5
            local.set $r_29
            f64.const 1
            f64.const 0
            local.get $in0_29
            f64.const 0
            f64.gt
            select
            local.get $in1_29
            local.get $r_29
            f64.const 0.9
            f64.div
            f64.mul
            f64.mul
            local.set $out_29
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_29
            f64.store
            local.get $pe0
            local.get $off
            i32.add
            f64.load
            local.set $in0_30
            local.get $pe1
            local.get $off
            i32.add
            f64.load
            local.set $in1_30
            local.get $c2_0_5
            local.set $r_30
            f64.const 1
            f64.const 0
            local.get $in0_30
            f64.const 0
            f64.gt
            select
            local.get $in1_30
            local.get $r_30
            f64.const 0.9
            f64.div
            f64.mul
            f64.mul
            local.set $out_30
            local.get $pc
            local.get $off
            i32.add
            local.get $out_30
            f64.store
            local.get $pe0
            local.get $off_1
            i32.add
            f64.load
            local.set $in0_31
            local.get $pe1
            local.get $off_1
            i32.add
            f64.load
            local.set $in1_31
            local.get $c3_0_5
            local.set $r_31
            f64.const 1
            f64.const 0
            local.get $in0_31
            f64.const 0
            f64.gt
            select
            local.get $in1_31
            local.get $r_31
            f64.const 0.9
            f64.div
            f64.mul
            f64.mul
            local.set $out_31
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_31
            f64.store
            local.get $j
            i32.const 1
            i32.add
            local.set $j
            br 0
          end
        end
        local.get $i
        i32.const 4
        i32.add
        local.tee $i
        i32.const 128
        i32.lt_u
        br_if 0
      end
    end
  )
  (func $dW1 (type 4) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $s0 f64)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $pe0 i32)
    (local $next i32)
    (local $lr i32)
    (local $lc i32)
    (local $k i32)
    (local $stride i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c0_2 v128)
    (local $c0_3 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c1_2 v128)
    (local $c1_3 v128)
    (local $zero v128)
    (local $b0 v128)
    (local $b1 v128)
    (local $b2 v128)
    (local $b3 v128)
    (local $a v128)
    (local $off i32)
    (local $off_1 i32)
    (local $s0_0 f64)
    (local $s0_1 f64)
    (local $s0_2 f64)
    (local $s0_3 f64)
    (local $hs v128)
    (local $hs_1 v128)
    (local $s1_0 f64)
    (local $s1_1 f64)
    (local $s1_2 f64)
    (local $s1_3 f64)
    (local $hs_2 v128)
    (local $hs_3 v128)
    (local $tb0 f64)
    (local $tb1 f64)
    (local $tb2 f64)
    (local $tb3 f64)
    (local $ta f64)
    (local $ta_1 f64)
    (local $out f64)
    (local $in0 f64)
    (local $r f64)
    (local $out_1 f64)
    (local $in0_1 f64)
    (local $r_1 f64)
    (local $out_2 f64)
    (local $in0_2 f64)
    (local $r_2 f64)
    (local $out_3 f64)
    (local $in0_3 f64)
    (local $r_3 f64)
    (local $out_4 f64)
    (local $in0_4 f64)
    (local $r_4 f64)
    (local $out_5 f64)
    (local $in0_5 f64)
    (local $r_5 f64)
    (local $out_6 f64)
    (local $in0_6 f64)
    (local $r_6 f64)
    (local $out_7 f64)
    (local $in0_7 f64)
    (local $r_7 f64)
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
    ;; C (128 × 784) = A·B, k = 1·m, dot form
    i32.const 0
    local.set $next
    i32.const 0
    local.set $j
    loop
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
        i32.const 784
        local.get $next
        i32.const 784
        i32.lt_u
        select
        i32.const 1
        i32.sub
        local.set $lc
        local.get $p2
        local.get $j
        local.get $stride
        i32.mul
        i32.add
        local.set $pa
        local.get $p2
        local.get $lr
        i32.const 8
        i32.mul
        i32.add
        local.get $lc
        local.get $stride
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
        ;; 2 × 4 block of C (dot products along k)
        local.get $p1
        local.get $i
        local.get $stride
        i32.mul
        i32.add
        local.set $pa
        local.get $p2
        local.get $j
        local.get $stride
        i32.mul
        i32.add
        local.set $pb
        local.get $p0
        local.get $i
        i32.const 6272
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
        local.set $c0_1
        local.get $zero
        local.set $c0_2
        local.get $zero
        local.set $c0_3
        local.get $zero
        local.set $c1_0
        local.get $zero
        local.set $c1_1
        local.get $zero
        local.set $c1_2
        local.get $zero
        local.set $c1_3
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
            local.get $pb
            local.get $stride
            i32.add
            v128.load align=8
            local.set $b1
            local.get $pb
            local.get $off
            i32.add
            v128.load align=8
            local.set $b2
            local.get $pb
            local.get $off_1
            i32.add
            v128.load align=8
            local.set $b3
            local.get $pa
            v128.load align=8
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
            local.get $c0_2
            local.get $a
            local.get $b2
            f64x2.mul
            f64x2.add
            local.set $c0_2
            local.get $c0_3
            local.get $a
            local.get $b3
            f64x2.mul
            f64x2.add
            local.set $c0_3
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
            local.get $c1_1
            local.get $a
            local.get $b1
            f64x2.mul
            f64x2.add
            local.set $c1_1
            local.get $c1_2
            local.get $a
            local.get $b2
            f64x2.mul
            f64x2.add
            local.set $c1_2
            local.get $c1_3
            local.get $a
            local.get $b3
            f64x2.mul
            f64x2.add
            local.set $c1_3
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
        local.get $c0_1
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c0_0
        local.get $c0_1
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs
        local.get $hs
        f64x2.extract_lane 0
        local.set $s0_0
        local.get $hs
        f64x2.extract_lane 1
        local.set $s0_1
        local.get $c0_2
        local.get $c0_3
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c0_2
        local.get $c0_3
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs_1
        local.get $hs_1
        f64x2.extract_lane 0
        local.set $s0_2
        local.get $hs_1
        f64x2.extract_lane 1
        local.set $s0_3
        local.get $c1_0
        local.get $c1_1
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c1_0
        local.get $c1_1
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs_2
        local.get $hs_2
        f64x2.extract_lane 0
        local.set $s1_0
        local.get $hs_2
        f64x2.extract_lane 1
        local.set $s1_1
        local.get $c1_2
        local.get $c1_3
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c1_2
        local.get $c1_3
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs_3
        local.get $hs_3
        f64x2.extract_lane 0
        local.set $s1_2
        local.get $hs_3
        f64x2.extract_lane 1
        local.set $s1_3
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
            local.get $pb
            local.get $stride
            i32.add
            f64.load
            local.set $tb1
            local.get $pb
            local.get $off
            i32.add
            f64.load
            local.set $tb2
            local.get $pb
            local.get $off_1
            i32.add
            f64.load
            local.set $tb3
            local.get $pa
            f64.load
            local.set $ta
            local.get $s0_0
            local.get $ta
            local.get $tb0
            f64.mul
            f64.add
            local.set $s0_0
            local.get $s0_1
            local.get $ta
            local.get $tb1
            f64.mul
            f64.add
            local.set $s0_1
            local.get $s0_2
            local.get $ta
            local.get $tb2
            f64.mul
            f64.add
            local.set $s0_2
            local.get $s0_3
            local.get $ta
            local.get $tb3
            f64.mul
            f64.add
            local.set $s0_3
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
            local.get $s1_1
            local.get $ta_1
            local.get $tb1
            f64.mul
            f64.add
            local.set $s1_1
            local.get $s1_2
            local.get $ta_1
            local.get $tb2
            f64.mul
            f64.add
            local.set $s1_2
            local.get $s1_3
            local.get $ta_1
            local.get $tb3
            f64.mul
            f64.add
            local.set $s1_3
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
        i32.const 6272
        i32.mul
        i32.add
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pe0
        local.get $pe0
        f64.load
        local.set $in0
        local.get $s0_0
        local.set $r
        local.get $r
        local.get $s0
        f64.const 2
        local.get $in0
        f64.mul
        f64.mul
        f64.add
        local.set $out
        local.get $pc
        local.get $out
        f64.store
        local.get $pe0
        f64.load offset=8
        local.set $in0_1
        local.get $s0_1
        local.set $r_1
        local.get $r_1
        local.get $s0
        f64.const 2
        local.get $in0_1
        f64.mul
        f64.mul
        f64.add
        local.set $out_1
        local.get $pc
        local.get $out_1
        f64.store offset=8
        local.get $pe0
        f64.load offset=16
        local.set $in0_2
        local.get $s0_2
        local.set $r_2
        local.get $r_2
        local.get $s0
        f64.const 2
        local.get $in0_2
        f64.mul
        f64.mul
        f64.add
        local.set $out_2
        local.get $pc
        local.get $out_2
        f64.store offset=16
        local.get $pe0
        f64.load offset=24
        local.set $in0_3
        local.get $s0_3
        local.set $r_3
        local.get $r_3
        local.get $s0
        f64.const 2
        local.get $in0_3
        f64.mul
        f64.mul
        f64.add
        local.set $out_3
        local.get $pc
        local.get $out_3
        f64.store offset=24
        local.get $pe0
        f64.load offset=6272
        local.set $in0_4
        local.get $s1_0
        local.set $r_4
        local.get $r_4
        local.get $s0
        f64.const 2
        local.get $in0_4
        f64.mul
        f64.mul
        f64.add
        local.set $out_4
        local.get $pc
        local.get $out_4
        f64.store offset=6272
        local.get $pe0
        f64.load offset=6280
        local.set $in0_5
        local.get $s1_1
        local.set $r_5
        local.get $r_5
        local.get $s0
        f64.const 2
        local.get $in0_5
        f64.mul
        f64.mul
        f64.add
        local.set $out_5
        local.get $pc
        local.get $out_5
        f64.store offset=6280
        local.get $pe0
        f64.load offset=6288
        local.set $in0_6
        local.get $s1_2
        local.set $r_6
        local.get $r_6
        local.get $s0
        f64.const 2
        local.get $in0_6
        f64.mul
        f64.mul
        f64.add
        local.set $out_6
        local.get $pc
        local.get $out_6
        f64.store offset=6288
        local.get $pe0
        f64.load offset=6296
        local.set $in0_7
        local.get $s1_3
        local.set $r_7
        local.get $r_7
        local.get $s0
        f64.const 2
        local.get $in0_7
        f64.mul
        f64.mul
        f64.add
        local.set $out_7
        local.get $pc
        local.get $out_7
        f64.store offset=6296
        local.get $i
        i32.const 2
        i32.add
        local.tee $i
        i32.const 128
        i32.lt_u
        br_if 0
      end
      local.get $j
      i32.const 4
      i32.add
      local.tee $j
      i32.const 784
      i32.lt_u
      br_if 0
    end
  )
  (func $db1 (type 5) (param $m i32) (param $p0 i32) (param $p1 i32)
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
    (local $stride i32)
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
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    ;; out[128] = Σ over 1·m (axis 1 summed), lanes form
    i32.const 0
    local.set $i
    loop
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
          local.get $i
          local.get $stride
          i32.mul
          i32.add
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
          local.get $i
          local.get $stride
          i32.mul
          i32.add
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
          local.get $i
          local.get $stride
          i32.mul
          i32.add
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
      local.get $r
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      i32.const 128
      i32.lt_u
      br_if 0
    end
  )
  (func $dW2 (type 4) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $s0 f64)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $pe0 i32)
    (local $next i32)
    (local $lr i32)
    (local $lc i32)
    (local $k i32)
    (local $stride i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c0_2 v128)
    (local $c0_3 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c1_2 v128)
    (local $c1_3 v128)
    (local $zero v128)
    (local $b0 v128)
    (local $b1 v128)
    (local $b2 v128)
    (local $b3 v128)
    (local $a v128)
    (local $off i32)
    (local $off_1 i32)
    (local $s0_0 f64)
    (local $s0_1 f64)
    (local $s0_2 f64)
    (local $s0_3 f64)
    (local $hs v128)
    (local $hs_1 v128)
    (local $s1_0 f64)
    (local $s1_1 f64)
    (local $s1_2 f64)
    (local $s1_3 f64)
    (local $hs_2 v128)
    (local $hs_3 v128)
    (local $tb0 f64)
    (local $tb1 f64)
    (local $tb2 f64)
    (local $tb3 f64)
    (local $ta f64)
    (local $ta_1 f64)
    (local $out f64)
    (local $in0 f64)
    (local $r f64)
    (local $out_1 f64)
    (local $in0_1 f64)
    (local $r_1 f64)
    (local $out_2 f64)
    (local $in0_2 f64)
    (local $r_2 f64)
    (local $out_3 f64)
    (local $in0_3 f64)
    (local $r_3 f64)
    (local $out_4 f64)
    (local $in0_4 f64)
    (local $r_4 f64)
    (local $out_5 f64)
    (local $in0_5 f64)
    (local $r_5 f64)
    (local $out_6 f64)
    (local $in0_6 f64)
    (local $r_6 f64)
    (local $out_7 f64)
    (local $in0_7 f64)
    (local $r_7 f64)
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
    ;; C (64 × 128) = A·B, k = 1·m, dot form
    i32.const 0
    local.set $next
    i32.const 0
    local.set $j
    loop
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
        i32.const 128
        local.get $next
        i32.const 128
        i32.lt_u
        select
        i32.const 1
        i32.sub
        local.set $lc
        local.get $p2
        local.get $j
        local.get $stride
        i32.mul
        i32.add
        local.set $pa
        local.get $p2
        local.get $lr
        i32.const 8
        i32.mul
        i32.add
        local.get $lc
        local.get $stride
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
        ;; 2 × 4 block of C (dot products along k)
        local.get $p1
        local.get $i
        local.get $stride
        i32.mul
        i32.add
        local.set $pa
        local.get $p2
        local.get $j
        local.get $stride
        i32.mul
        i32.add
        local.set $pb
        local.get $p0
        local.get $i
        i32.const 1024
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
        local.set $c0_1
        local.get $zero
        local.set $c0_2
        local.get $zero
        local.set $c0_3
        local.get $zero
        local.set $c1_0
        local.get $zero
        local.set $c1_1
        local.get $zero
        local.set $c1_2
        local.get $zero
        local.set $c1_3
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
            local.get $pb
            local.get $stride
            i32.add
            v128.load align=8
            local.set $b1
            local.get $pb
            local.get $off
            i32.add
            v128.load align=8
            local.set $b2
            local.get $pb
            local.get $off_1
            i32.add
            v128.load align=8
            local.set $b3
            local.get $pa
            v128.load align=8
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
            local.get $c0_2
            local.get $a
            local.get $b2
            f64x2.mul
            f64x2.add
            local.set $c0_2
            local.get $c0_3
            local.get $a
            local.get $b3
            f64x2.mul
            f64x2.add
            local.set $c0_3
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
            local.get $c1_1
            local.get $a
            local.get $b1
            f64x2.mul
            f64x2.add
            local.set $c1_1
            local.get $c1_2
            local.get $a
            local.get $b2
            f64x2.mul
            f64x2.add
            local.set $c1_2
            local.get $c1_3
            local.get $a
            local.get $b3
            f64x2.mul
            f64x2.add
            local.set $c1_3
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
        local.get $c0_1
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c0_0
        local.get $c0_1
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs
        local.get $hs
        f64x2.extract_lane 0
        local.set $s0_0
        local.get $hs
        f64x2.extract_lane 1
        local.set $s0_1
        local.get $c0_2
        local.get $c0_3
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c0_2
        local.get $c0_3
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs_1
        local.get $hs_1
        f64x2.extract_lane 0
        local.set $s0_2
        local.get $hs_1
        f64x2.extract_lane 1
        local.set $s0_3
        local.get $c1_0
        local.get $c1_1
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c1_0
        local.get $c1_1
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs_2
        local.get $hs_2
        f64x2.extract_lane 0
        local.set $s1_0
        local.get $hs_2
        f64x2.extract_lane 1
        local.set $s1_1
        local.get $c1_2
        local.get $c1_3
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c1_2
        local.get $c1_3
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs_3
        local.get $hs_3
        f64x2.extract_lane 0
        local.set $s1_2
        local.get $hs_3
        f64x2.extract_lane 1
        local.set $s1_3
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
            local.get $pb
            local.get $stride
            i32.add
            f64.load
            local.set $tb1
            local.get $pb
            local.get $off
            i32.add
            f64.load
            local.set $tb2
            local.get $pb
            local.get $off_1
            i32.add
            f64.load
            local.set $tb3
            local.get $pa
            f64.load
            local.set $ta
            local.get $s0_0
            local.get $ta
            local.get $tb0
            f64.mul
            f64.add
            local.set $s0_0
            local.get $s0_1
            local.get $ta
            local.get $tb1
            f64.mul
            f64.add
            local.set $s0_1
            local.get $s0_2
            local.get $ta
            local.get $tb2
            f64.mul
            f64.add
            local.set $s0_2
            local.get $s0_3
            local.get $ta
            local.get $tb3
            f64.mul
            f64.add
            local.set $s0_3
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
            local.get $s1_1
            local.get $ta_1
            local.get $tb1
            f64.mul
            f64.add
            local.set $s1_1
            local.get $s1_2
            local.get $ta_1
            local.get $tb2
            f64.mul
            f64.add
            local.set $s1_2
            local.get $s1_3
            local.get $ta_1
            local.get $tb3
            f64.mul
            f64.add
            local.set $s1_3
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
        i32.const 1024
        i32.mul
        i32.add
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pe0
        local.get $pe0
        f64.load
        local.set $in0
        local.get $s0_0
        local.set $r
        local.get $r
        local.get $s0
        f64.const 2
        local.get $in0
        f64.mul
        f64.mul
        f64.add
        local.set $out
        local.get $pc
        local.get $out
        f64.store
        local.get $pe0
        f64.load offset=8
        local.set $in0_1
        local.get $s0_1
        local.set $r_1
        local.get $r_1
        local.get $s0
        f64.const 2
        local.get $in0_1
        f64.mul
        f64.mul
        f64.add
        local.set $out_1
        local.get $pc
        local.get $out_1
        f64.store offset=8
        local.get $pe0
        f64.load offset=16
        local.set $in0_2
        local.get $s0_2
        local.set $r_2
        local.get $r_2
        local.get $s0
        f64.const 2
        local.get $in0_2
        f64.mul
        f64.mul
        f64.add
        local.set $out_2
        local.get $pc
        local.get $out_2
        f64.store offset=16
        local.get $pe0
        f64.load offset=24
        local.set $in0_3
        local.get $s0_3
        local.set $r_3
        local.get $r_3
        local.get $s0
        f64.const 2
        local.get $in0_3
        f64.mul
        f64.mul
        f64.add
        local.set $out_3
        local.get $pc
        local.get $out_3
        f64.store offset=24
        local.get $pe0
        f64.load offset=1024
        local.set $in0_4
        local.get $s1_0
        local.set $r_4
        local.get $r_4
        local.get $s0
        f64.const 2
        local.get $in0_4
        f64.mul
        f64.mul
        f64.add
        local.set $out_4
        local.get $pc
        local.get $out_4
        f64.store offset=1024
        local.get $pe0
        f64.load offset=1032
        local.set $in0_5
        local.get $s1_1
        local.set $r_5
        local.get $r_5
        local.get $s0
        f64.const 2
        local.get $in0_5
        f64.mul
        f64.mul
        f64.add
        local.set $out_5
        local.get $pc
        local.get $out_5
        f64.store offset=1032
        local.get $pe0
        f64.load offset=1040
        local.set $in0_6
        local.get $s1_2
        local.set $r_6
        local.get $r_6
        local.get $s0
        f64.const 2
        local.get $in0_6
        f64.mul
        f64.mul
        f64.add
        local.set $out_6
        local.get $pc
        local.get $out_6
        f64.store offset=1040
        local.get $pe0
        f64.load offset=1048
        local.set $in0_7
        local.get $s1_3
        local.set $r_7
        local.get $r_7
        local.get $s0
        f64.const 2
        local.get $in0_7
        f64.mul
        f64.mul
        f64.add
        local.set $out_7
        local.get $pc
        local.get $out_7
        f64.store offset=1048
        local.get $i
        i32.const 2
        i32.add
        local.tee $i
        i32.const 64
        i32.lt_u
        br_if 0
      end
      local.get $j
      i32.const 4
      i32.add
      local.tee $j
      i32.const 128
      i32.lt_u
      br_if 0
    end
  )
  (func $db2 (type 5) (param $m i32) (param $p0 i32) (param $p1 i32)
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
    (local $stride i32)
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
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    ;; out[64] = Σ over 1·m (axis 1 summed), lanes form
    i32.const 0
    local.set $i
    loop
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
          local.get $i
          local.get $stride
          i32.mul
          i32.add
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
          local.get $i
          local.get $stride
          i32.mul
          i32.add
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
          local.get $i
          local.get $stride
          i32.mul
          i32.add
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
      local.get $r
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      i32.const 64
      i32.lt_u
      br_if 0
    end
  )
  (func $dW3 (type 4) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $s0 f64)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $pe0 i32)
    (local $next i32)
    (local $lr i32)
    (local $lc i32)
    (local $k i32)
    (local $stride i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c0_2 v128)
    (local $c0_3 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c1_2 v128)
    (local $c1_3 v128)
    (local $zero v128)
    (local $b0 v128)
    (local $b1 v128)
    (local $b2 v128)
    (local $b3 v128)
    (local $a v128)
    (local $off i32)
    (local $off_1 i32)
    (local $s0_0 f64)
    (local $s0_1 f64)
    (local $s0_2 f64)
    (local $s0_3 f64)
    (local $hs v128)
    (local $hs_1 v128)
    (local $s1_0 f64)
    (local $s1_1 f64)
    (local $s1_2 f64)
    (local $s1_3 f64)
    (local $hs_2 v128)
    (local $hs_3 v128)
    (local $tb0 f64)
    (local $tb1 f64)
    (local $tb2 f64)
    (local $tb3 f64)
    (local $ta f64)
    (local $ta_1 f64)
    (local $out f64)
    (local $in0 f64)
    (local $r f64)
    (local $out_1 f64)
    (local $in0_1 f64)
    (local $r_1 f64)
    (local $out_2 f64)
    (local $in0_2 f64)
    (local $r_2 f64)
    (local $out_3 f64)
    (local $in0_3 f64)
    (local $r_3 f64)
    (local $out_4 f64)
    (local $in0_4 f64)
    (local $r_4 f64)
    (local $out_5 f64)
    (local $in0_5 f64)
    (local $r_5 f64)
    (local $out_6 f64)
    (local $in0_6 f64)
    (local $r_6 f64)
    (local $out_7 f64)
    (local $in0_7 f64)
    (local $r_7 f64)
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
    ;; C (10 × 64) = A·B, k = 1·m, dot form
    i32.const 0
    local.set $next
    i32.const 0
    local.set $j
    loop
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
        i32.const 64
        local.get $next
        i32.const 64
        i32.lt_u
        select
        i32.const 1
        i32.sub
        local.set $lc
        local.get $p2
        local.get $j
        local.get $stride
        i32.mul
        i32.add
        local.set $pa
        local.get $p2
        local.get $lr
        i32.const 8
        i32.mul
        i32.add
        local.get $lc
        local.get $stride
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
        ;; 2 × 4 block of C (dot products along k)
        local.get $p1
        local.get $i
        local.get $stride
        i32.mul
        i32.add
        local.set $pa
        local.get $p2
        local.get $j
        local.get $stride
        i32.mul
        i32.add
        local.set $pb
        local.get $p0
        local.get $i
        i32.const 512
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
        local.set $c0_1
        local.get $zero
        local.set $c0_2
        local.get $zero
        local.set $c0_3
        local.get $zero
        local.set $c1_0
        local.get $zero
        local.set $c1_1
        local.get $zero
        local.set $c1_2
        local.get $zero
        local.set $c1_3
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
            local.get $pb
            local.get $stride
            i32.add
            v128.load align=8
            local.set $b1
            local.get $pb
            local.get $off
            i32.add
            v128.load align=8
            local.set $b2
            local.get $pb
            local.get $off_1
            i32.add
            v128.load align=8
            local.set $b3
            local.get $pa
            v128.load align=8
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
            local.get $c0_2
            local.get $a
            local.get $b2
            f64x2.mul
            f64x2.add
            local.set $c0_2
            local.get $c0_3
            local.get $a
            local.get $b3
            f64x2.mul
            f64x2.add
            local.set $c0_3
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
            local.get $c1_1
            local.get $a
            local.get $b1
            f64x2.mul
            f64x2.add
            local.set $c1_1
            local.get $c1_2
            local.get $a
            local.get $b2
            f64x2.mul
            f64x2.add
            local.set $c1_2
            local.get $c1_3
            local.get $a
            local.get $b3
            f64x2.mul
            f64x2.add
            local.set $c1_3
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
        local.get $c0_1
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c0_0
        local.get $c0_1
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs
        local.get $hs
        f64x2.extract_lane 0
        local.set $s0_0
        local.get $hs
        f64x2.extract_lane 1
        local.set $s0_1
        local.get $c0_2
        local.get $c0_3
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c0_2
        local.get $c0_3
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs_1
        local.get $hs_1
        f64x2.extract_lane 0
        local.set $s0_2
        local.get $hs_1
        f64x2.extract_lane 1
        local.set $s0_3
        local.get $c1_0
        local.get $c1_1
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c1_0
        local.get $c1_1
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs_2
        local.get $hs_2
        f64x2.extract_lane 0
        local.set $s1_0
        local.get $hs_2
        f64x2.extract_lane 1
        local.set $s1_1
        local.get $c1_2
        local.get $c1_3
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $c1_2
        local.get $c1_3
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f64x2.add
        local.set $hs_3
        local.get $hs_3
        f64x2.extract_lane 0
        local.set $s1_2
        local.get $hs_3
        f64x2.extract_lane 1
        local.set $s1_3
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
            local.get $pb
            local.get $stride
            i32.add
            f64.load
            local.set $tb1
            local.get $pb
            local.get $off
            i32.add
            f64.load
            local.set $tb2
            local.get $pb
            local.get $off_1
            i32.add
            f64.load
            local.set $tb3
            local.get $pa
            f64.load
            local.set $ta
            local.get $s0_0
            local.get $ta
            local.get $tb0
            f64.mul
            f64.add
            local.set $s0_0
            local.get $s0_1
            local.get $ta
            local.get $tb1
            f64.mul
            f64.add
            local.set $s0_1
            local.get $s0_2
            local.get $ta
            local.get $tb2
            f64.mul
            f64.add
            local.set $s0_2
            local.get $s0_3
            local.get $ta
            local.get $tb3
            f64.mul
            f64.add
            local.set $s0_3
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
            local.get $s1_1
            local.get $ta_1
            local.get $tb1
            f64.mul
            f64.add
            local.set $s1_1
            local.get $s1_2
            local.get $ta_1
            local.get $tb2
            f64.mul
            f64.add
            local.set $s1_2
            local.get $s1_3
            local.get $ta_1
            local.get $tb3
            f64.mul
            f64.add
            local.set $s1_3
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
        i32.const 512
        i32.mul
        i32.add
        local.get $j
        i32.const 8
        i32.mul
        i32.add
        local.set $pe0
        local.get $pe0
        f64.load
        local.set $in0
        local.get $s0_0
        local.set $r
        local.get $s0
        local.get $r
        f64.const 0.01
        local.get $in0
        f64.mul
        f64.add
        f64.mul
        local.set $out
        local.get $pc
        local.get $out
        f64.store
        local.get $pe0
        f64.load offset=8
        local.set $in0_1
        local.get $s0_1
        local.set $r_1
        local.get $s0
        local.get $r_1
        f64.const 0.01
        local.get $in0_1
        f64.mul
        f64.add
        f64.mul
        local.set $out_1
        local.get $pc
        local.get $out_1
        f64.store offset=8
        local.get $pe0
        f64.load offset=16
        local.set $in0_2
        local.get $s0_2
        local.set $r_2
        local.get $s0
        local.get $r_2
        f64.const 0.01
        local.get $in0_2
        f64.mul
        f64.add
        f64.mul
        local.set $out_2
        local.get $pc
        local.get $out_2
        f64.store offset=16
        local.get $pe0
        f64.load offset=24
        local.set $in0_3
        local.get $s0_3
        local.set $r_3
        local.get $s0
        local.get $r_3
        f64.const 0.01
        local.get $in0_3
        f64.mul
        f64.add
        f64.mul
        local.set $out_3
        local.get $pc
        local.get $out_3
        f64.store offset=24
        local.get $pe0
        f64.load offset=512
        local.set $in0_4
        local.get $s1_0
        local.set $r_4
        local.get $s0
        local.get $r_4
        f64.const 0.01
        local.get $in0_4
        f64.mul
        f64.add
        f64.mul
        local.set $out_4
        local.get $pc
        local.get $out_4
        f64.store offset=512
        local.get $pe0
        f64.load offset=520
        local.set $in0_5
        local.get $s1_1
        local.set $r_5
        local.get $s0
        local.get $r_5
        f64.const 0.01
        local.get $in0_5
        f64.mul
        f64.add
        f64.mul
        local.set $out_5
        local.get $pc
        local.get $out_5
        f64.store offset=520
        local.get $pe0
        f64.load offset=528
        local.set $in0_6
        local.get $s1_2
        local.set $r_6
        local.get $s0
        local.get $r_6
        f64.const 0.01
        local.get $in0_6
        f64.mul
        f64.add
        f64.mul
        local.set $out_6
        local.get $pc
        local.get $out_6
        f64.store offset=528
        local.get $pe0
        f64.load offset=536
        local.set $in0_7
        local.get $s1_3
        local.set $r_7
        local.get $s0
        local.get $r_7
        f64.const 0.01
        local.get $in0_7
        f64.mul
        f64.add
        f64.mul
        local.set $out_7
        local.get $pc
        local.get $out_7
        f64.store offset=536
        local.get $i
        i32.const 2
        i32.add
        local.tee $i
        i32.const 10
        i32.lt_u
        br_if 0
      end
      local.get $j
      i32.const 4
      i32.add
      local.tee $j
      i32.const 64
      i32.lt_u
      br_if 0
    end
  )
  (func $db3 (type 6) (param $m i32) (param $p0 i32) (param $p1 i32) (param $s0 f64)
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
    (local $stride i32)
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
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    ;; out[10] = Σ over 1·m (axis 1 summed), lanes form
    i32.const 0
    local.set $i
    loop
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
          local.get $i
          local.get $stride
          i32.mul
          i32.add
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
          local.get $i
          local.get $stride
          i32.mul
          i32.add
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
          local.get $i
          local.get $stride
          i32.mul
          i32.add
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
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      i32.const 10
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_m_W1_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $v v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $k v128)
    (local $k_1 v128)
    (local $v_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $v_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $v_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    f64.const 0.9
    f64x2.splat
    local.set $k
    f64.const 0.09999999999999998
    f64x2.splat
    local.set $k_1
    ;; elementwise over [100352]
    i32.const 0
    local.set $i0
    loop
      local.get $p0
      local.get $i0
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
      local.get $p0_1
      v128.load align=8
      local.set $in0
      local.get $p1_1
      v128.load align=8
      local.set $in1
      local.get $k
      local.get $in0
      f64x2.mul
      local.get $k_1
      local.get $in1
      f64x2.mul
      f64x2.add
      local.set $v
      local.get $po
      local.get $v
      v128.store align=8
      local.get $p0_1
      v128.load offset=16 align=8
      local.set $in0_1
      local.get $p1_1
      v128.load offset=16 align=8
      local.set $in1_1
      local.get $k
      local.get $in0_1
      f64x2.mul
      local.get $k_1
      local.get $in1_1
      f64x2.mul
      f64x2.add
      local.set $v_1
      local.get $po
      local.get $v_1
      v128.store offset=16 align=8
      local.get $p0_1
      v128.load offset=32 align=8
      local.set $in0_2
      local.get $p1_1
      v128.load offset=32 align=8
      local.set $in1_2
      local.get $k
      local.get $in0_2
      f64x2.mul
      local.get $k_1
      local.get $in1_2
      f64x2.mul
      f64x2.add
      local.set $v_2
      local.get $po
      local.get $v_2
      v128.store offset=32 align=8
      local.get $p0_1
      v128.load offset=48 align=8
      local.set $in0_3
      local.get $p1_1
      v128.load offset=48 align=8
      local.set $in1_3
      local.get $k
      local.get $in0_3
      f64x2.mul
      local.get $k_1
      local.get $in1_3
      f64x2.mul
      f64x2.add
      local.set $v_3
      local.get $po
      local.get $v_3
      v128.store offset=48 align=8
      local.get $i0
      i32.const 8
      i32.add
      local.tee $i0
      i32.const 100352
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_v_W1_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $v v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $k v128)
    (local $k_1 v128)
    (local $v_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $v_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $v_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    f64.const 0.999
    f64x2.splat
    local.set $k
    f64.const 0.0010000000000000009
    f64x2.splat
    local.set $k_1
    ;; elementwise over [100352]
    i32.const 0
    local.set $i0
    loop
      local.get $p0
      local.get $i0
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
      local.get $p0_1
      v128.load align=8
      local.set $in0
      local.get $p1_1
      v128.load align=8
      local.set $in1
      local.get $k
      local.get $in0
      f64x2.mul
      local.get $k_1
      local.get $in1
      local.get $in1
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v
      local.get $po
      local.get $v
      v128.store align=8
      local.get $p0_1
      v128.load offset=16 align=8
      local.set $in0_1
      local.get $p1_1
      v128.load offset=16 align=8
      local.set $in1_1
      local.get $k
      local.get $in0_1
      f64x2.mul
      local.get $k_1
      local.get $in1_1
      local.get $in1_1
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v_1
      local.get $po
      local.get $v_1
      v128.store offset=16 align=8
      local.get $p0_1
      v128.load offset=32 align=8
      local.set $in0_2
      local.get $p1_1
      v128.load offset=32 align=8
      local.set $in1_2
      local.get $k
      local.get $in0_2
      f64x2.mul
      local.get $k_1
      local.get $in1_2
      local.get $in1_2
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v_2
      local.get $po
      local.get $v_2
      v128.store offset=32 align=8
      local.get $p0_1
      v128.load offset=48 align=8
      local.set $in0_3
      local.get $p1_1
      v128.load offset=48 align=8
      local.set $in1_3
      local.get $k
      local.get $in0_3
      f64x2.mul
      local.get $k_1
      local.get $in1_3
      local.get $in1_3
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v_3
      local.get $po
      local.get $v_3
      v128.store offset=48 align=8
      local.get $i0
      i32.const 8
      i32.add
      local.tee $i0
      i32.const 100352
      i32.lt_u
      br_if 0
    end
  )
  (func $W1_next (type 7) (param $p0 i32) (param $s0 f64) (param $p1 i32) (param $s1 f64) (param $s2 f64) (param $p2 i32) (param $p3 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $p2_1 i32)
    (local $i0 i32)
    (local $v v128)
    (local $in2 v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $s1_1 v128)
    (local $s0_1 v128)
    (local $s2_1 v128)
    (local $k v128)
    (local $v_1 v128)
    (local $in2_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $v_2 v128)
    (local $in2_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $v_3 v128)
    (local $in2_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    local.get $s1
    f64x2.splat
    local.set $s1_1
    local.get $s0
    f64x2.splat
    local.set $s0_1
    local.get $s2
    f64x2.splat
    local.set $s2_1
    f64.const 1e-8
    f64x2.splat
    local.set $k
    ;; elementwise over [100352]
    i32.const 0
    local.set $i0
    loop
      local.get $p0
      local.get $i0
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
      local.get $p3
      local.get $i0
      i32.const 8
      i32.mul
      i32.add
      local.set $p2_1
      local.get $p2_1
      v128.load align=8
      local.set $in2
      local.get $p0_1
      v128.load align=8
      local.set $in0
      local.get $p1_1
      v128.load align=8
      local.set $in1
      local.get $in2
      local.get $s1_1
      local.get $s0_1
      local.get $in0
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v
      local.get $po
      local.get $v
      v128.store align=8
      local.get $p2_1
      v128.load offset=16 align=8
      local.set $in2_1
      local.get $p0_1
      v128.load offset=16 align=8
      local.set $in0_1
      local.get $p1_1
      v128.load offset=16 align=8
      local.set $in1_1
      local.get $in2_1
      local.get $s1_1
      local.get $s0_1
      local.get $in0_1
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1_1
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v_1
      local.get $po
      local.get $v_1
      v128.store offset=16 align=8
      local.get $p2_1
      v128.load offset=32 align=8
      local.set $in2_2
      local.get $p0_1
      v128.load offset=32 align=8
      local.set $in0_2
      local.get $p1_1
      v128.load offset=32 align=8
      local.set $in1_2
      local.get $in2_2
      local.get $s1_1
      local.get $s0_1
      local.get $in0_2
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1_2
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v_2
      local.get $po
      local.get $v_2
      v128.store offset=32 align=8
      local.get $p2_1
      v128.load offset=48 align=8
      local.set $in2_3
      local.get $p0_1
      v128.load offset=48 align=8
      local.set $in0_3
      local.get $p1_1
      v128.load offset=48 align=8
      local.set $in1_3
      local.get $in2_3
      local.get $s1_1
      local.get $s0_1
      local.get $in0_3
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1_3
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v_3
      local.get $po
      local.get $v_3
      v128.store offset=48 align=8
      local.get $i0
      i32.const 8
      i32.add
      local.tee $i0
      i32.const 100352
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_m_b1_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $v f64)
    (local $in0 f64)
    (local $in1 f64)
    ;; elementwise over [128, 1]
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
      local.get $p0_1
      f64.load
      local.set $in0
      local.get $p1_1
      f64.load
      local.set $in1
      f64.const 0.09999999999999998
      local.get $in0
      f64.mul
      f64.const 0.9
      local.get $in1
      f64.mul
      f64.add
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 128
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_v_b1_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $v f64)
    (local $in0 f64)
    (local $in1 f64)
    ;; elementwise over [128, 1]
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
      local.get $p0_1
      f64.load
      local.set $in0
      local.get $p1_1
      f64.load
      local.set $in1
      f64.const 0.999
      local.get $in0
      f64.mul
      f64.const 0.0010000000000000009
      local.get $in1
      local.get $in1
      f64.mul
      f64.mul
      f64.add
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 128
      i32.lt_u
      br_if 0
    end
  )
  (func $b1_next (type 7) (param $p0 i32) (param $s0 f64) (param $p1 i32) (param $s1 f64) (param $s2 f64) (param $p2 i32) (param $p3 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $p2_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $v f64)
    (local $in2 f64)
    (local $in0 f64)
    (local $in1 f64)
    ;; elementwise over [128, 1]
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
      local.get $p3
      local.get $i0
      i32.const 8
      i32.mul
      i32.add
      local.set $p2_1
      local.get $p2_1
      f64.load
      local.set $in2
      local.get $p0_1
      f64.load
      local.set $in0
      local.get $p1_1
      f64.load
      local.set $in1
      local.get $in2
      local.get $s1
      local.get $s0
      local.get $in0
      f64.mul
      f64.mul
      local.get $s2
      local.get $in1
      f64.mul
      f64.sqrt
      f64.const 1e-8
      f64.add
      f64.div
      f64.sub
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 128
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_m_W2_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $v v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $k v128)
    (local $k_1 v128)
    (local $v_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $v_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $v_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    f64.const 0.9
    f64x2.splat
    local.set $k
    f64.const 0.09999999999999998
    f64x2.splat
    local.set $k_1
    ;; elementwise over [8192]
    i32.const 0
    local.set $i0
    loop
      local.get $p0
      local.get $i0
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
      local.get $p0_1
      v128.load align=8
      local.set $in0
      local.get $p1_1
      v128.load align=8
      local.set $in1
      local.get $k
      local.get $in0
      f64x2.mul
      local.get $k_1
      local.get $in1
      f64x2.mul
      f64x2.add
      local.set $v
      local.get $po
      local.get $v
      v128.store align=8
      local.get $p0_1
      v128.load offset=16 align=8
      local.set $in0_1
      local.get $p1_1
      v128.load offset=16 align=8
      local.set $in1_1
      local.get $k
      local.get $in0_1
      f64x2.mul
      local.get $k_1
      local.get $in1_1
      f64x2.mul
      f64x2.add
      local.set $v_1
      local.get $po
      local.get $v_1
      v128.store offset=16 align=8
      local.get $p0_1
      v128.load offset=32 align=8
      local.set $in0_2
      local.get $p1_1
      v128.load offset=32 align=8
      local.set $in1_2
      local.get $k
      local.get $in0_2
      f64x2.mul
      local.get $k_1
      local.get $in1_2
      f64x2.mul
      f64x2.add
      local.set $v_2
      local.get $po
      local.get $v_2
      v128.store offset=32 align=8
      local.get $p0_1
      v128.load offset=48 align=8
      local.set $in0_3
      local.get $p1_1
      v128.load offset=48 align=8
      local.set $in1_3
      local.get $k
      local.get $in0_3
      f64x2.mul
      local.get $k_1
      local.get $in1_3
      f64x2.mul
      f64x2.add
      local.set $v_3
      local.get $po
      local.get $v_3
      v128.store offset=48 align=8
      local.get $i0
      i32.const 8
      i32.add
      local.tee $i0
      i32.const 8192
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_v_W2_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $v v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $k v128)
    (local $k_1 v128)
    (local $v_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $v_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $v_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    f64.const 0.999
    f64x2.splat
    local.set $k
    f64.const 0.0010000000000000009
    f64x2.splat
    local.set $k_1
    ;; elementwise over [8192]
    i32.const 0
    local.set $i0
    loop
      local.get $p0
      local.get $i0
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
      local.get $p0_1
      v128.load align=8
      local.set $in0
      local.get $p1_1
      v128.load align=8
      local.set $in1
      local.get $k
      local.get $in0
      f64x2.mul
      local.get $k_1
      local.get $in1
      local.get $in1
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v
      local.get $po
      local.get $v
      v128.store align=8
      local.get $p0_1
      v128.load offset=16 align=8
      local.set $in0_1
      local.get $p1_1
      v128.load offset=16 align=8
      local.set $in1_1
      local.get $k
      local.get $in0_1
      f64x2.mul
      local.get $k_1
      local.get $in1_1
      local.get $in1_1
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v_1
      local.get $po
      local.get $v_1
      v128.store offset=16 align=8
      local.get $p0_1
      v128.load offset=32 align=8
      local.set $in0_2
      local.get $p1_1
      v128.load offset=32 align=8
      local.set $in1_2
      local.get $k
      local.get $in0_2
      f64x2.mul
      local.get $k_1
      local.get $in1_2
      local.get $in1_2
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v_2
      local.get $po
      local.get $v_2
      v128.store offset=32 align=8
      local.get $p0_1
      v128.load offset=48 align=8
      local.set $in0_3
      local.get $p1_1
      v128.load offset=48 align=8
      local.set $in1_3
      local.get $k
      local.get $in0_3
      f64x2.mul
      local.get $k_1
      local.get $in1_3
      local.get $in1_3
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v_3
      local.get $po
      local.get $v_3
      v128.store offset=48 align=8
      local.get $i0
      i32.const 8
      i32.add
      local.tee $i0
      i32.const 8192
      i32.lt_u
      br_if 0
    end
  )
  (func $W2_next (type 7) (param $p0 i32) (param $s0 f64) (param $p1 i32) (param $s1 f64) (param $s2 f64) (param $p2 i32) (param $p3 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $p2_1 i32)
    (local $i0 i32)
    (local $v v128)
    (local $in2 v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $s1_1 v128)
    (local $s0_1 v128)
    (local $s2_1 v128)
    (local $k v128)
    (local $v_1 v128)
    (local $in2_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $v_2 v128)
    (local $in2_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $v_3 v128)
    (local $in2_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    local.get $s1
    f64x2.splat
    local.set $s1_1
    local.get $s0
    f64x2.splat
    local.set $s0_1
    local.get $s2
    f64x2.splat
    local.set $s2_1
    f64.const 1e-8
    f64x2.splat
    local.set $k
    ;; elementwise over [8192]
    i32.const 0
    local.set $i0
    loop
      local.get $p0
      local.get $i0
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
      local.get $p3
      local.get $i0
      i32.const 8
      i32.mul
      i32.add
      local.set $p2_1
      local.get $p2_1
      v128.load align=8
      local.set $in2
      local.get $p0_1
      v128.load align=8
      local.set $in0
      local.get $p1_1
      v128.load align=8
      local.set $in1
      local.get $in2
      local.get $s1_1
      local.get $s0_1
      local.get $in0
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v
      local.get $po
      local.get $v
      v128.store align=8
      local.get $p2_1
      v128.load offset=16 align=8
      local.set $in2_1
      local.get $p0_1
      v128.load offset=16 align=8
      local.set $in0_1
      local.get $p1_1
      v128.load offset=16 align=8
      local.set $in1_1
      local.get $in2_1
      local.get $s1_1
      local.get $s0_1
      local.get $in0_1
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1_1
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v_1
      local.get $po
      local.get $v_1
      v128.store offset=16 align=8
      local.get $p2_1
      v128.load offset=32 align=8
      local.set $in2_2
      local.get $p0_1
      v128.load offset=32 align=8
      local.set $in0_2
      local.get $p1_1
      v128.load offset=32 align=8
      local.set $in1_2
      local.get $in2_2
      local.get $s1_1
      local.get $s0_1
      local.get $in0_2
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1_2
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v_2
      local.get $po
      local.get $v_2
      v128.store offset=32 align=8
      local.get $p2_1
      v128.load offset=48 align=8
      local.set $in2_3
      local.get $p0_1
      v128.load offset=48 align=8
      local.set $in0_3
      local.get $p1_1
      v128.load offset=48 align=8
      local.set $in1_3
      local.get $in2_3
      local.get $s1_1
      local.get $s0_1
      local.get $in0_3
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1_3
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v_3
      local.get $po
      local.get $v_3
      v128.store offset=48 align=8
      local.get $i0
      i32.const 8
      i32.add
      local.tee $i0
      i32.const 8192
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_m_b2_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $v f64)
    (local $in0 f64)
    (local $in1 f64)
    ;; elementwise over [64, 1]
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
      local.get $p0_1
      f64.load
      local.set $in0
      local.get $p1_1
      f64.load
      local.set $in1
      f64.const 0.9
      local.get $in0
      f64.mul
      f64.const 0.09999999999999998
      local.get $in1
      f64.mul
      f64.add
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 64
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_v_b2_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $v f64)
    (local $in0 f64)
    (local $in1 f64)
    ;; elementwise over [64, 1]
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
      local.get $p0_1
      f64.load
      local.set $in0
      local.get $p1_1
      f64.load
      local.set $in1
      f64.const 0.999
      local.get $in0
      f64.mul
      f64.const 0.0010000000000000009
      local.get $in1
      local.get $in1
      f64.mul
      f64.mul
      f64.add
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 64
      i32.lt_u
      br_if 0
    end
  )
  (func $b2_next (type 7) (param $p0 i32) (param $s0 f64) (param $p1 i32) (param $s1 f64) (param $s2 f64) (param $p2 i32) (param $p3 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $p2_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $v f64)
    (local $in2 f64)
    (local $in0 f64)
    (local $in1 f64)
    ;; elementwise over [64, 1]
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
      local.get $p3
      local.get $i0
      i32.const 8
      i32.mul
      i32.add
      local.set $p2_1
      local.get $p2_1
      f64.load
      local.set $in2
      local.get $p0_1
      f64.load
      local.set $in0
      local.get $p1_1
      f64.load
      local.set $in1
      local.get $in2
      local.get $s1
      local.get $s0
      local.get $in0
      f64.mul
      f64.mul
      local.get $s2
      local.get $in1
      f64.mul
      f64.sqrt
      f64.const 1e-8
      f64.add
      f64.div
      f64.sub
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 64
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_m_W3_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $v v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $k v128)
    (local $k_1 v128)
    (local $v_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $v_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $v_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    f64.const 0.9
    f64x2.splat
    local.set $k
    f64.const 0.09999999999999998
    f64x2.splat
    local.set $k_1
    ;; elementwise over [640]
    i32.const 0
    local.set $i0
    loop
      local.get $p0
      local.get $i0
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
      local.get $p0_1
      v128.load align=8
      local.set $in0
      local.get $p1_1
      v128.load align=8
      local.set $in1
      local.get $k
      local.get $in0
      f64x2.mul
      local.get $k_1
      local.get $in1
      f64x2.mul
      f64x2.add
      local.set $v
      local.get $po
      local.get $v
      v128.store align=8
      local.get $p0_1
      v128.load offset=16 align=8
      local.set $in0_1
      local.get $p1_1
      v128.load offset=16 align=8
      local.set $in1_1
      local.get $k
      local.get $in0_1
      f64x2.mul
      local.get $k_1
      local.get $in1_1
      f64x2.mul
      f64x2.add
      local.set $v_1
      local.get $po
      local.get $v_1
      v128.store offset=16 align=8
      local.get $p0_1
      v128.load offset=32 align=8
      local.set $in0_2
      local.get $p1_1
      v128.load offset=32 align=8
      local.set $in1_2
      local.get $k
      local.get $in0_2
      f64x2.mul
      local.get $k_1
      local.get $in1_2
      f64x2.mul
      f64x2.add
      local.set $v_2
      local.get $po
      local.get $v_2
      v128.store offset=32 align=8
      local.get $p0_1
      v128.load offset=48 align=8
      local.set $in0_3
      local.get $p1_1
      v128.load offset=48 align=8
      local.set $in1_3
      local.get $k
      local.get $in0_3
      f64x2.mul
      local.get $k_1
      local.get $in1_3
      f64x2.mul
      f64x2.add
      local.set $v_3
      local.get $po
      local.get $v_3
      v128.store offset=48 align=8
      local.get $i0
      i32.const 8
      i32.add
      local.tee $i0
      i32.const 640
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_v_W3_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $v v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $k v128)
    (local $k_1 v128)
    (local $v_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $v_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $v_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    f64.const 0.999
    f64x2.splat
    local.set $k
    f64.const 0.0010000000000000009
    f64x2.splat
    local.set $k_1
    ;; elementwise over [640]
    i32.const 0
    local.set $i0
    loop
      local.get $p0
      local.get $i0
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
      local.get $p0_1
      v128.load align=8
      local.set $in0
      local.get $p1_1
      v128.load align=8
      local.set $in1
      local.get $k
      local.get $in0
      f64x2.mul
      local.get $k_1
      local.get $in1
      local.get $in1
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v
      local.get $po
      local.get $v
      v128.store align=8
      local.get $p0_1
      v128.load offset=16 align=8
      local.set $in0_1
      local.get $p1_1
      v128.load offset=16 align=8
      local.set $in1_1
      local.get $k
      local.get $in0_1
      f64x2.mul
      local.get $k_1
      local.get $in1_1
      local.get $in1_1
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v_1
      local.get $po
      local.get $v_1
      v128.store offset=16 align=8
      local.get $p0_1
      v128.load offset=32 align=8
      local.set $in0_2
      local.get $p1_1
      v128.load offset=32 align=8
      local.set $in1_2
      local.get $k
      local.get $in0_2
      f64x2.mul
      local.get $k_1
      local.get $in1_2
      local.get $in1_2
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v_2
      local.get $po
      local.get $v_2
      v128.store offset=32 align=8
      local.get $p0_1
      v128.load offset=48 align=8
      local.set $in0_3
      local.get $p1_1
      v128.load offset=48 align=8
      local.set $in1_3
      local.get $k
      local.get $in0_3
      f64x2.mul
      local.get $k_1
      local.get $in1_3
      local.get $in1_3
      f64x2.mul
      f64x2.mul
      f64x2.add
      local.set $v_3
      local.get $po
      local.get $v_3
      v128.store offset=48 align=8
      local.get $i0
      i32.const 8
      i32.add
      local.tee $i0
      i32.const 640
      i32.lt_u
      br_if 0
    end
  )
  (func $W3_next (type 7) (param $p0 i32) (param $s0 f64) (param $p1 i32) (param $s1 f64) (param $s2 f64) (param $p2 i32) (param $p3 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $p2_1 i32)
    (local $i0 i32)
    (local $v v128)
    (local $in2 v128)
    (local $in0 v128)
    (local $in1 v128)
    (local $s1_1 v128)
    (local $s0_1 v128)
    (local $s2_1 v128)
    (local $k v128)
    (local $v_1 v128)
    (local $in2_1 v128)
    (local $in0_1 v128)
    (local $in1_1 v128)
    (local $v_2 v128)
    (local $in2_2 v128)
    (local $in0_2 v128)
    (local $in1_2 v128)
    (local $v_3 v128)
    (local $in2_3 v128)
    (local $in0_3 v128)
    (local $in1_3 v128)
    local.get $s1
    f64x2.splat
    local.set $s1_1
    local.get $s0
    f64x2.splat
    local.set $s0_1
    local.get $s2
    f64x2.splat
    local.set $s2_1
    f64.const 1e-8
    f64x2.splat
    local.set $k
    ;; elementwise over [640]
    i32.const 0
    local.set $i0
    loop
      local.get $p0
      local.get $i0
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
      local.get $p3
      local.get $i0
      i32.const 8
      i32.mul
      i32.add
      local.set $p2_1
      local.get $p2_1
      v128.load align=8
      local.set $in2
      local.get $p0_1
      v128.load align=8
      local.set $in0
      local.get $p1_1
      v128.load align=8
      local.set $in1
      local.get $in2
      local.get $s1_1
      local.get $s0_1
      local.get $in0
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v
      local.get $po
      local.get $v
      v128.store align=8
      local.get $p2_1
      v128.load offset=16 align=8
      local.set $in2_1
      local.get $p0_1
      v128.load offset=16 align=8
      local.set $in0_1
      local.get $p1_1
      v128.load offset=16 align=8
      local.set $in1_1
      local.get $in2_1
      local.get $s1_1
      local.get $s0_1
      local.get $in0_1
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1_1
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v_1
      local.get $po
      local.get $v_1
      v128.store offset=16 align=8
      local.get $p2_1
      v128.load offset=32 align=8
      local.set $in2_2
      local.get $p0_1
      v128.load offset=32 align=8
      local.set $in0_2
      local.get $p1_1
      v128.load offset=32 align=8
      local.set $in1_2
      local.get $in2_2
      local.get $s1_1
      local.get $s0_1
      local.get $in0_2
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1_2
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v_2
      local.get $po
      local.get $v_2
      v128.store offset=32 align=8
      local.get $p2_1
      v128.load offset=48 align=8
      local.set $in2_3
      local.get $p0_1
      v128.load offset=48 align=8
      local.set $in0_3
      local.get $p1_1
      v128.load offset=48 align=8
      local.set $in1_3
      local.get $in2_3
      local.get $s1_1
      local.get $s0_1
      local.get $in0_3
      f64x2.mul
      f64x2.mul
      local.get $s2_1
      local.get $in1_3
      f64x2.mul
      f64x2.sqrt
      local.get $k
      f64x2.add
      f64x2.div
      f64x2.sub
      local.set $v_3
      local.get $po
      local.get $v_3
      v128.store offset=48 align=8
      local.get $i0
      i32.const 8
      i32.add
      local.tee $i0
      i32.const 640
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_m_b3_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $v f64)
    (local $in0 f64)
    (local $in1 f64)
    ;; elementwise over [10, 1]
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
      local.get $p0_1
      f64.load
      local.set $in0
      local.get $p1_1
      f64.load
      local.set $in1
      f64.const 0.09999999999999998
      local.get $in0
      f64.mul
      f64.const 0.9
      local.get $in1
      f64.mul
      f64.add
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 10
      i32.lt_u
      br_if 0
    end
  )
  (func $opt_v_b3_next (type 5) (param $p0 i32) (param $p1 i32) (param $p2 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $v f64)
    (local $in0 f64)
    (local $in1 f64)
    ;; elementwise over [10, 1]
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
      local.get $p0_1
      f64.load
      local.set $in0
      local.get $p1_1
      f64.load
      local.set $in1
      f64.const 0.0010000000000000009
      local.get $in0
      local.get $in0
      f64.mul
      f64.mul
      f64.const 0.999
      local.get $in1
      f64.mul
      f64.add
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 10
      i32.lt_u
      br_if 0
    end
  )
  (func $b3_next (type 7) (param $p0 i32) (param $s0 f64) (param $p1 i32) (param $s1 f64) (param $s2 f64) (param $p2 i32) (param $p3 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $p1_1 i32)
    (local $p2_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $v f64)
    (local $in2 f64)
    (local $in0 f64)
    (local $in1 f64)
    ;; elementwise over [10, 1]
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
      local.get $p3
      local.get $i0
      i32.const 8
      i32.mul
      i32.add
      local.set $p2_1
      local.get $p2_1
      f64.load
      local.set $in2
      local.get $p0_1
      f64.load
      local.set $in0
      local.get $p1_1
      f64.load
      local.set $in1
      local.get $in2
      local.get $s1
      local.get $s0
      local.get $in0
      f64.mul
      f64.mul
      local.get $s2
      local.get $in1
      f64.mul
      f64.sqrt
      f64.const 1e-8
      f64.add
      f64.div
      f64.sub
      local.set $v
      local.get $po
      local.get $v
      f64.store
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 10
      i32.lt_u
      br_if 0
    end
  )
  (func $A1 (type 5) (param $m i32) (param $p0 i32) (param $p1 i32)
    (local $po i32)
    (local $p0_1 i32)
    (local $i0 i32)
    (local $i1 i32)
    (local $n i32)
    (local $stride i32)
    (local $v v128)
    (local $in0 v128)
    (local $zero v128)
    (local $v_1 v128)
    (local $in0_1 v128)
    (local $v_2 v128)
    (local $in0_2 v128)
    (local $v_3 v128)
    (local $in0_3 v128)
    (local $v_4 v128)
    (local $in0_4 v128)
    (local $v_5 f64)
    (local $in0_5 f64)
    local.get $m
    local.set $n
    local.get $m
    i32.const 8
    i32.mul
    local.set $stride
    f64.const 0
    f64x2.splat
    local.set $zero
    ;; elementwise over [128, 1·m]
    i32.const 0
    local.set $i0
    loop
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p0_1
          v128.load align=8
          local.set $in0
          local.get $in0
          local.get $zero
          f64x2.max
          local.set $v
          local.get $po
          local.get $v
          v128.store align=8
          local.get $p0_1
          v128.load offset=16 align=8
          local.set $in0_1
          local.get $in0_1
          local.get $zero
          f64x2.max
          local.set $v_1
          local.get $po
          local.get $v_1
          v128.store offset=16 align=8
          local.get $p0_1
          v128.load offset=32 align=8
          local.set $in0_2
          local.get $in0_2
          local.get $zero
          f64x2.max
          local.set $v_2
          local.get $po
          local.get $v_2
          v128.store offset=32 align=8
          local.get $p0_1
          v128.load offset=48 align=8
          local.set $in0_3
          local.get $in0_3
          local.get $zero
          f64x2.max
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p0_1
          v128.load align=8
          local.set $in0_4
          local.get $in0_4
          local.get $zero
          f64x2.max
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
          local.get $i0
          local.get $stride
          i32.mul
          i32.add
          local.get $i1
          i32.const 8
          i32.mul
          i32.add
          local.set $p0_1
          local.get $p0_1
          f64.load
          local.set $in0_5
          local.get $in0_5
          f64.const 0
          f64.max
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
      local.get $i0
      i32.const 1
      i32.add
      local.tee $i0
      i32.const 128
      i32.lt_u
      br_if 0
    end
  )
  (func $t0 (type 0) (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32)
    (local $i i32)
    (local $j i32)
    (local $kb i32)
    (local $pa i32)
    (local $pb i32)
    (local $pc i32)
    (local $end i32)
    (local $pe0 i32)
    (local $jb i32)
    (local $w i32)
    (local $col i32)
    (local $rowBytes i32)
    (local $lr i32)
    (local $lc i32)
    (local $m_1 i32)
    (local $pksrc i32)
    (local $pkto i32)
    (local $pkrows i32)
    (local $pkcol i32)
    (local $pkvecEnd i32)
    (local $pkend i32)
    (local $c0_0 v128)
    (local $c0_1 v128)
    (local $c1_0 v128)
    (local $c1_1 v128)
    (local $c2_0 v128)
    (local $c2_1 v128)
    (local $c3_0 v128)
    (local $c3_1 v128)
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
    (local $out_2 v128)
    (local $in0_2 v128)
    (local $r_2 v128)
    (local $out_3 v128)
    (local $in0_3 v128)
    (local $r_3 v128)
    (local $out_4 v128)
    (local $in0_4 v128)
    (local $r_4 v128)
    (local $off i32)
    (local $out_5 v128)
    (local $in0_5 v128)
    (local $r_5 v128)
    (local $out_6 v128)
    (local $in0_6 v128)
    (local $r_6 v128)
    (local $off_1 i32)
    (local $out_7 v128)
    (local $in0_7 v128)
    (local $r_7 v128)
    (local $c0_0_1 v128)
    (local $c1_0_1 v128)
    (local $c2_0_1 v128)
    (local $c3_0_1 v128)
    (local $b0_1 v128)
    (local $a_1 v128)
    (local $out_8 v128)
    (local $in0_8 v128)
    (local $r_8 v128)
    (local $out_9 v128)
    (local $in0_9 v128)
    (local $r_9 v128)
    (local $out_10 v128)
    (local $in0_10 v128)
    (local $r_10 v128)
    (local $out_11 v128)
    (local $in0_11 v128)
    (local $r_11 v128)
    (local $c0_0_2 f64)
    (local $c1_0_2 f64)
    (local $c2_0_2 f64)
    (local $c3_0_2 f64)
    (local $b0_2 f64)
    (local $a_2 f64)
    (local $out_12 f64)
    (local $in0_12 f64)
    (local $r_12 f64)
    (local $out_13 f64)
    (local $in0_13 f64)
    (local $r_13 f64)
    (local $out_14 f64)
    (local $in0_14 f64)
    (local $r_14 f64)
    (local $out_15 f64)
    (local $in0_15 f64)
    (local $r_15 f64)
    (local $lr_1 i32)
    (local $lc_1 i32)
    (local $c0_0_3 v128)
    (local $c0_1_1 v128)
    (local $c1_0_3 v128)
    (local $c1_1_1 v128)
    (local $c2_0_3 v128)
    (local $c2_1_1 v128)
    (local $c3_0_3 v128)
    (local $c3_1_1 v128)
    (local $b0_3 v128)
    (local $b1_1 v128)
    (local $a_3 v128)
    (local $out_16 v128)
    (local $in0_16 v128)
    (local $r_16 v128)
    (local $out_17 v128)
    (local $in0_17 v128)
    (local $r_17 v128)
    (local $out_18 v128)
    (local $in0_18 v128)
    (local $r_18 v128)
    (local $out_19 v128)
    (local $in0_19 v128)
    (local $r_19 v128)
    (local $out_20 v128)
    (local $in0_20 v128)
    (local $r_20 v128)
    (local $out_21 v128)
    (local $in0_21 v128)
    (local $r_21 v128)
    (local $out_22 v128)
    (local $in0_22 v128)
    (local $r_22 v128)
    (local $out_23 v128)
    (local $in0_23 v128)
    (local $r_23 v128)
    (local $c0_0_4 v128)
    (local $c1_0_4 v128)
    (local $c2_0_4 v128)
    (local $c3_0_4 v128)
    (local $b0_4 v128)
    (local $a_4 v128)
    (local $out_24 v128)
    (local $in0_24 v128)
    (local $r_24 v128)
    (local $out_25 v128)
    (local $in0_25 v128)
    (local $r_25 v128)
    (local $out_26 v128)
    (local $in0_26 v128)
    (local $r_26 v128)
    (local $out_27 v128)
    (local $in0_27 v128)
    (local $r_27 v128)
    (local $c0_0_5 f64)
    (local $c1_0_5 f64)
    (local $c2_0_5 f64)
    (local $c3_0_5 f64)
    (local $b0_5 f64)
    (local $a_5 f64)
    (local $out_28 f64)
    (local $in0_28 f64)
    (local $r_28 f64)
    (local $out_29 f64)
    (local $in0_29 f64)
    (local $r_29 f64)
    (local $out_30 f64)
    (local $in0_30 f64)
    (local $r_30 f64)
    (local $out_31 f64)
    (local $in0_31 f64)
    (local $r_31 f64)
    local.get $m
    i32.const 8
    i32.mul
    local.set $rowBytes
    local.get $m
    local.set $m_1
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
    ;; C (64 × 1·m) = A·B, k = 128, rows form
    block
      block
        local.get $rowBytes
        i32.const 4095
        i32.and
        br_if 0
        ;; B packed: its row stride is a multiple of 4096 bytes
        i32.const 0
        i32.const 128
        i32.add
        i32.const 1
        i32.sub
        local.set $lr
        local.get $m_1
        i32.const 1
        i32.sub
        local.set $lc
        local.get $p2
        local.set $pa
        local.get $p2
        local.get $lr
        local.get $rowBytes
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
        local.set $jb
        block
          loop
            local.get $jb
            local.get $m_1
            i32.ge_u
            br_if 1
            local.get $m_1
            local.get $jb
            i32.sub
            local.set $w
            local.get $w
            i32.const 64
            local.get $w
            i32.const 64
            i32.lt_u
            select
            local.set $w
            local.get $p2
            local.get $jb
            i32.const 8
            i32.mul
            i32.add
            local.set $pksrc
            ;; B's k block × the panel's columns, packed
            i32.const 0
            local.set $pkto
            local.get $w
            i32.const 8
            i32.mul
            local.tee $pkend
            i32.const -16
            i32.and
            local.set $pkvecEnd
            i32.const 128
            local.set $pkrows
            block
              local.get $pkrows
              i32.eqz
              br_if 0
              loop
                i32.const 0
                local.set $pkcol
                block
                  local.get $pkcol
                  local.get $pkvecEnd
                  i32.ge_u
                  br_if 0
                  loop
                    local.get $pkto
                    local.get $pkcol
                    i32.add
                    local.get $pksrc
                    local.get $pkcol
                    i32.add
                    v128.load align=8
                    v128.store align=8
                    local.get $pkcol
                    i32.const 16
                    i32.add
                    local.tee $pkcol
                    local.get $pkvecEnd
                    i32.lt_u
                    br_if 0
                  end
                end
                block
                  local.get $pkcol
                  local.get $pkend
                  i32.ge_u
                  br_if 0
                  loop
                    local.get $pkto
                    local.get $pkcol
                    i32.add
                    local.get $pksrc
                    local.get $pkcol
                    i32.add
                    f64.load
                    f64.store
                    local.get $pkcol
                    i32.const 8
                    i32.add
                    local.tee $pkcol
                    local.get $pkend
                    i32.lt_u
                    br_if 0
                  end
                end
                local.get $pksrc
                local.get $rowBytes
                i32.add
                local.set $pksrc
                local.get $pkto
                i32.const 576
                i32.add
                local.set $pkto
                local.get $pkrows
                i32.const 1
                i32.sub
                local.tee $pkrows
                br_if 0
              end
            end
            i32.const 0
            local.set $i
            loop
              i32.const 0
              local.set $j
              block
                loop
                  local.get $j
                  i32.const 4
                  i32.add
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 4 block of C (2 vectors)
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 1024
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  local.get $zero
                  local.set $c0_0
                  local.get $zero
                  local.set $c0_1
                  local.get $zero
                  local.set $c1_0
                  local.get $zero
                  local.set $c1_1
                  local.get $zero
                  local.set $c2_0
                  local.get $zero
                  local.set $c2_1
                  local.get $zero
                  local.set $c3_0
                  local.get $zero
                  local.set $c3_1
                  i32.const 128
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
                    v128.load64_splat offset=1024
                    local.set $a
                    local.get $c1_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c1_0
                    local.get $c1_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c1_1
                    local.get $pa
                    v128.load64_splat offset=2048
                    local.set $a
                    local.get $c2_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c2_0
                    local.get $c2_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c2_1
                    local.get $pa
                    v128.load64_splat offset=3072
                    local.set $a
                    local.get $c3_0
                    local.get $a
                    local.get $b0
                    f64x2.mul
                    f64x2.add
                    local.set $c3_0
                    local.get $c3_1
                    local.get $a
                    local.get $b1
                    f64x2.mul
                    f64x2.add
                    local.set $c3_1
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  v128.load64_splat
                  local.set $in0
                  local.get $c0_0
                  local.set $r
                  local.get $in0
                  local.get $r
                  f64x2.add
                  local.get $zero
                  f64x2.max
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
                  local.get $zero
                  f64x2.max
                  local.set $out_1
                  local.get $pc
                  local.get $out_1
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_2
                  local.get $c1_0
                  local.set $r_2
                  local.get $in0_2
                  local.get $r_2
                  f64x2.add
                  local.get $zero
                  f64x2.max
                  local.set $out_2
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_2
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_3
                  local.get $c1_1
                  local.set $r_3
                  local.get $in0_3
                  local.get $r_3
                  f64x2.add
                  local.get $zero
                  f64x2.max
                  local.set $out_3
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_3
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_4
                  local.get $c2_0
                  local.set $r_4
                  local.get $in0_4
                  local.get $r_4
                  f64x2.add
                  local.get $zero
                  f64x2.max
                  local.set $out_4
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_4
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_5
                  local.get $c2_1
                  local.set $r_5
                  local.get $in0_5
                  local.get $r_5
                  f64x2.add
                  local.get $zero
                  f64x2.max
                  local.set $out_5
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_5
                  v128.store offset=16 align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_6
                  local.get $c3_0
                  local.set $r_6
                  local.get $in0_6
                  local.get $r_6
                  f64x2.add
                  local.get $zero
                  f64x2.max
                  local.set $out_6
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_6
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_7
                  local.get $c3_1
                  local.set $r_7
                  local.get $in0_7
                  local.get $r_7
                  f64x2.add
                  local.get $zero
                  f64x2.max
                  local.set $out_7
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_7
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
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 2 block of C (1 vectors)
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 1024
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  local.get $zero
                  local.set $c0_0_1
                  local.get $zero
                  local.set $c1_0_1
                  local.get $zero
                  local.set $c2_0_1
                  local.get $zero
                  local.set $c3_0_1
                  i32.const 128
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
                    v128.load64_splat offset=1024
                    local.set $a_1
                    local.get $c1_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c1_0_1
                    local.get $pa
                    v128.load64_splat offset=2048
                    local.set $a_1
                    local.get $c2_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c2_0_1
                    local.get $pa
                    v128.load64_splat offset=3072
                    local.set $a_1
                    local.get $c3_0_1
                    local.get $a_1
                    local.get $b0_1
                    f64x2.mul
                    f64x2.add
                    local.set $c3_0_1
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  v128.load64_splat
                  local.set $in0_8
                  local.get $c0_0_1
                  local.set $r_8
                  local.get $in0_8
                  local.get $r_8
                  f64x2.add
                  local.get $zero
                  f64x2.max
                  local.set $out_8
                  local.get $pc
                  local.get $out_8
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=8
                  local.set $in0_9
                  local.get $c1_0_1
                  local.set $r_9
                  local.get $in0_9
                  local.get $r_9
                  f64x2.add
                  local.get $zero
                  f64x2.max
                  local.set $out_9
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_9
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=16
                  local.set $in0_10
                  local.get $c2_0_1
                  local.set $r_10
                  local.get $in0_10
                  local.get $r_10
                  f64x2.add
                  local.get $zero
                  f64x2.max
                  local.set $out_10
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_10
                  v128.store align=8
                  local.get $pe0
                  v128.load64_splat offset=24
                  local.set $in0_11
                  local.get $c3_0_1
                  local.set $r_11
                  local.get $in0_11
                  local.get $r_11
                  f64x2.add
                  local.get $zero
                  f64x2.max
                  local.set $out_11
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_11
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
                  local.get $w
                  i32.gt_u
                  br_if 1
                  ;; 4 × 1 block of C
                  local.get $jb
                  local.get $j
                  i32.add
                  local.set $col
                  local.get $p1
                  local.get $i
                  i32.const 1024
                  i32.mul
                  i32.add
                  local.set $pa
                  local.get $j
                  i32.const 8
                  i32.mul
                  local.set $pb
                  local.get $p0
                  local.get $i
                  local.get $rowBytes
                  i32.mul
                  i32.add
                  local.get $col
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pc
                  f64.const 0
                  local.set $c0_0_2
                  f64.const 0
                  local.set $c1_0_2
                  f64.const 0
                  local.set $c2_0_2
                  f64.const 0
                  local.set $c3_0_2
                  i32.const 128
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
                    f64.load offset=1024
                    local.set $a_2
                    local.get $c1_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c1_0_2
                    local.get $pa
                    f64.load offset=2048
                    local.set $a_2
                    local.get $c2_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c2_0_2
                    local.get $pa
                    f64.load offset=3072
                    local.set $a_2
                    local.get $c3_0_2
                    local.get $a_2
                    local.get $b0_2
                    f64.mul
                    f64.add
                    local.set $c3_0_2
                    local.get $pa
                    i32.const 8
                    i32.add
                    local.set $pa
                    local.get $pb
                    i32.const 576
                    i32.add
                    local.set $pb
                    local.get $end
                    i32.const 1
                    i32.sub
                    local.tee $end
                    br_if 0
                  end
                  local.get $p3
                  local.get $i
                  i32.const 8
                  i32.mul
                  i32.add
                  local.set $pe0
                  local.get $pe0
                  f64.load
                  local.set $in0_12
                  local.get $c0_0_2
                  local.set $r_12
                  local.get $in0_12
                  local.get $r_12
                  f64.add
                  f64.const 0
                  f64.max
                  local.set $out_12
                  local.get $pc
                  local.get $out_12
                  f64.store
                  local.get $pe0
                  f64.load offset=8
                  local.set $in0_13
                  local.get $c1_0_2
                  local.set $r_13
                  local.get $in0_13
                  local.get $r_13
                  f64.add
                  f64.const 0
                  f64.max
                  local.set $out_13
                  local.get $pc
                  local.get $rowBytes
                  i32.add
                  local.get $out_13
                  f64.store
                  local.get $pe0
                  f64.load offset=16
                  local.set $in0_14
                  local.get $c2_0_2
                  local.set $r_14
                  local.get $in0_14
                  local.get $r_14
                  f64.add
                  f64.const 0
                  f64.max
                  local.set $out_14
                  local.get $pc
                  local.get $off
                  i32.add
                  local.get $out_14
                  f64.store
                  local.get $pe0
                  f64.load offset=24
                  local.set $in0_15
                  local.get $c3_0_2
                  local.set $r_15
                  local.get $in0_15
                  local.get $r_15
                  f64.add
                  f64.const 0
                  f64.max
                  local.set $out_15
                  local.get $pc
                  local.get $off_1
                  i32.add
                  local.get $out_15
                  f64.store
                  local.get $j
                  i32.const 1
                  i32.add
                  local.set $j
                  br 0
                end
              end
              local.get $i
              i32.const 4
              i32.add
              local.tee $i
              i32.const 64
              i32.lt_u
              br_if 0
            end
            local.get $jb
            i32.const 64
            i32.add
            local.set $jb
            br 0
          end
        end
        br 1
      end
      i32.const 0
      i32.const 128
      i32.add
      i32.const 1
      i32.sub
      local.set $lr_1
      local.get $m_1
      i32.const 1
      i32.sub
      local.set $lc_1
      local.get $p2
      local.set $pa
      local.get $p2
      local.get $lr_1
      local.get $rowBytes
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
      loop
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
            ;; 4 × 4 block of C (2 vectors)
            local.get $p1
            local.get $i
            i32.const 1024
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $zero
            local.set $c0_0_3
            local.get $zero
            local.set $c0_1_1
            local.get $zero
            local.set $c1_0_3
            local.get $zero
            local.set $c1_1_1
            local.get $zero
            local.set $c2_0_3
            local.get $zero
            local.set $c2_1_1
            local.get $zero
            local.set $c3_0_3
            local.get $zero
            local.set $c3_1_1
            i32.const 128
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
              v128.load64_splat offset=1024
              local.set $a_3
              local.get $c1_0_3
              local.get $a_3
              local.get $b0_3
              f64x2.mul
              f64x2.add
              local.set $c1_0_3
              local.get $c1_1_1
              local.get $a_3
              local.get $b1_1
              f64x2.mul
              f64x2.add
              local.set $c1_1_1
              local.get $pa
              v128.load64_splat offset=2048
              local.set $a_3
              local.get $c2_0_3
              local.get $a_3
              local.get $b0_3
              f64x2.mul
              f64x2.add
              local.set $c2_0_3
              local.get $c2_1_1
              local.get $a_3
              local.get $b1_1
              f64x2.mul
              f64x2.add
              local.set $c2_1_1
              local.get $pa
              v128.load64_splat offset=3072
              local.set $a_3
              local.get $c3_0_3
              local.get $a_3
              local.get $b0_3
              f64x2.mul
              f64x2.add
              local.set $c3_0_3
              local.get $c3_1_1
              local.get $a_3
              local.get $b1_1
              f64x2.mul
              f64x2.add
              local.set $c3_1_1
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $pe0
            v128.load64_splat
            local.set $in0_16
            local.get $c0_0_3
            local.set $r_16
            local.get $in0_16
            local.get $r_16
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_16
            local.get $pc
            local.get $out_16
            v128.store align=8
            local.get $pe0
            v128.load64_splat
            local.set $in0_17
            local.get $c0_1_1
            local.set $r_17
            local.get $in0_17
            local.get $r_17
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_17
            local.get $pc
            local.get $out_17
            v128.store offset=16 align=8
            local.get $pe0
            v128.load64_splat offset=8
            local.set $in0_18
            local.get $c1_0_3
            local.set $r_18
            local.get $in0_18
            local.get $r_18
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_18
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_18
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=8
            local.set $in0_19
            local.get $c1_1_1
            local.set $r_19
            local.get $in0_19
            local.get $r_19
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_19
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_19
            v128.store offset=16 align=8
            local.get $pe0
            v128.load64_splat offset=16
            local.set $in0_20
            local.get $c2_0_3
            local.set $r_20
            local.get $in0_20
            local.get $r_20
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_20
            local.get $pc
            local.get $off
            i32.add
            local.get $out_20
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=16
            local.set $in0_21
            local.get $c2_1_1
            local.set $r_21
            local.get $in0_21
            local.get $r_21
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_21
            local.get $pc
            local.get $off
            i32.add
            local.get $out_21
            v128.store offset=16 align=8
            local.get $pe0
            v128.load64_splat offset=24
            local.set $in0_22
            local.get $c3_0_3
            local.set $r_22
            local.get $in0_22
            local.get $r_22
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_22
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_22
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=24
            local.set $in0_23
            local.get $c3_1_1
            local.set $r_23
            local.get $in0_23
            local.get $r_23
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_23
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_23
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
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 4 × 2 block of C (1 vectors)
            local.get $p1
            local.get $i
            i32.const 1024
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            local.get $zero
            local.set $c0_0_4
            local.get $zero
            local.set $c1_0_4
            local.get $zero
            local.set $c2_0_4
            local.get $zero
            local.set $c3_0_4
            i32.const 128
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
              v128.load64_splat offset=1024
              local.set $a_4
              local.get $c1_0_4
              local.get $a_4
              local.get $b0_4
              f64x2.mul
              f64x2.add
              local.set $c1_0_4
              local.get $pa
              v128.load64_splat offset=2048
              local.set $a_4
              local.get $c2_0_4
              local.get $a_4
              local.get $b0_4
              f64x2.mul
              f64x2.add
              local.set $c2_0_4
              local.get $pa
              v128.load64_splat offset=3072
              local.set $a_4
              local.get $c3_0_4
              local.get $a_4
              local.get $b0_4
              f64x2.mul
              f64x2.add
              local.set $c3_0_4
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $pe0
            v128.load64_splat
            local.set $in0_24
            local.get $c0_0_4
            local.set $r_24
            local.get $in0_24
            local.get $r_24
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_24
            local.get $pc
            local.get $out_24
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=8
            local.set $in0_25
            local.get $c1_0_4
            local.set $r_25
            local.get $in0_25
            local.get $r_25
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_25
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_25
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=16
            local.set $in0_26
            local.get $c2_0_4
            local.set $r_26
            local.get $in0_26
            local.get $r_26
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_26
            local.get $pc
            local.get $off
            i32.add
            local.get $out_26
            v128.store align=8
            local.get $pe0
            v128.load64_splat offset=24
            local.set $in0_27
            local.get $c3_0_4
            local.set $r_27
            local.get $in0_27
            local.get $r_27
            f64x2.add
            local.get $zero
            f64x2.max
            local.set $out_27
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_27
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
            local.get $m_1
            i32.gt_u
            br_if 1
            ;; 4 × 1 block of C
            local.get $p1
            local.get $i
            i32.const 1024
            i32.mul
            i32.add
            local.set $pa
            local.get $p2
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pb
            local.get $p0
            local.get $i
            local.get $rowBytes
            i32.mul
            i32.add
            local.get $j
            i32.const 8
            i32.mul
            i32.add
            local.set $pc
            f64.const 0
            local.set $c0_0_5
            f64.const 0
            local.set $c1_0_5
            f64.const 0
            local.set $c2_0_5
            f64.const 0
            local.set $c3_0_5
            i32.const 128
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
              f64.load offset=1024
              local.set $a_5
              local.get $c1_0_5
              local.get $a_5
              local.get $b0_5
              f64.mul
              f64.add
              local.set $c1_0_5
              local.get $pa
              f64.load offset=2048
              local.set $a_5
              local.get $c2_0_5
              local.get $a_5
              local.get $b0_5
              f64.mul
              f64.add
              local.set $c2_0_5
              local.get $pa
              f64.load offset=3072
              local.set $a_5
              local.get $c3_0_5
              local.get $a_5
              local.get $b0_5
              f64.mul
              f64.add
              local.set $c3_0_5
              local.get $pa
              i32.const 8
              i32.add
              local.set $pa
              local.get $pb
              local.get $rowBytes
              i32.add
              local.set $pb
              local.get $end
              i32.const 1
              i32.sub
              local.tee $end
              br_if 0
            end
            local.get $p3
            local.get $i
            i32.const 8
            i32.mul
            i32.add
            local.set $pe0
            local.get $pe0
            f64.load
            local.set $in0_28
            local.get $c0_0_5
            local.set $r_28
            local.get $in0_28
            local.get $r_28
            f64.add
            f64.const 0
            f64.max
            local.set $out_28
            local.get $pc
            local.get $out_28
            f64.store
            local.get $pe0
            f64.load offset=8
            local.set $in0_29
            local.get $c1_0_5
            local.set $r_29
            local.get $in0_29
            local.get $r_29
            f64.add
            f64.const 0
            f64.max
            local.set $out_29
            local.get $pc
            local.get $rowBytes
            i32.add
            local.get $out_29
            f64.store
            local.get $pe0
            f64.load offset=16
            local.set $in0_30
            local.get $c2_0_5
            local.set $r_30
            local.get $in0_30
            local.get $r_30
            f64.add
            f64.const 0
            f64.max
            local.set $out_30
            local.get $pc
            local.get $off
            i32.add
            local.get $out_30
            f64.store
            local.get $pe0
            f64.load offset=24
            local.set $in0_31
            local.get $c3_0_5
            local.set $r_31
            local.get $in0_31
            local.get $r_31
            f64.add
            f64.const 0
            f64.max
            local.set $out_31
            local.get $pc
            local.get $off_1
            i32.add
            local.get $out_31
            f64.store
            local.get $j
            i32.const 1
            i32.add
            local.set $j
            br 0
          end
        end
        local.get $i
        i32.const 4
        i32.add
        local.tee $i
        i32.const 64
        i32.lt_u
        br_if 0
      end
    end
  )
  (export "Z1" (func $Z1))
  (export "t8" (func $t8))
  (export "Z2" (func $Z2))
  (export "t9" (func $t9))
  (export "Z3" (func $Z3))
  (export "dZ3" (func $dZ3))
  (export "dZ2" (func $dZ2))
  (export "dZ1" (func $dZ1))
  (export "dW1" (func $dW1))
  (export "db1" (func $db1))
  (export "dW2" (func $dW2))
  (export "db2" (func $db2))
  (export "dW3" (func $dW3))
  (export "db3" (func $db3))
  (export "opt_m_W1_next" (func $opt_m_W1_next))
  (export "opt_v_W1_next" (func $opt_v_W1_next))
  (export "W1_next" (func $W1_next))
  (export "opt_m_b1_next" (func $opt_m_b1_next))
  (export "opt_v_b1_next" (func $opt_v_b1_next))
  (export "b1_next" (func $b1_next))
  (export "opt_m_W2_next" (func $opt_m_W2_next))
  (export "opt_v_W2_next" (func $opt_v_W2_next))
  (export "W2_next" (func $W2_next))
  (export "opt_m_b2_next" (func $opt_m_b2_next))
  (export "opt_v_b2_next" (func $opt_v_b2_next))
  (export "b2_next" (func $b2_next))
  (export "opt_m_W3_next" (func $opt_m_W3_next))
  (export "opt_v_W3_next" (func $opt_v_W3_next))
  (export "W3_next" (func $W3_next))
  (export "opt_m_b3_next" (func $opt_m_b3_next))
  (export "opt_v_b3_next" (func $opt_v_b3_next))
  (export "b3_next" (func $b3_next))
  (export "A1" (func $A1))
  (export "t0" (func $t0))
  (export "Z1_2" (func $Z1))
  (export "t1" (func $Z3))
)
