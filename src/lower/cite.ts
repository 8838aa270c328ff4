/**
 * The math in a lowered program's comments and header, written with the names its code declares
 * (and nothing else): a node the code holds in a variable prints as that variable; a node it
 * never names (fused into a loop body, a matmul's result consumed by its epilogue, a view)
 * prints as its math. Name hints are not names: a hinted node may be fused away, or declared
 * under another name (`dZ1_2`) when its hint was taken.
 */
import { nameHint, type Node } from '../ir/node.js';
import { fittingFormula, formulaOf, type Naming } from '../ir/print.js';

export interface CiteOptions {
  /** Widest text preferred (a text that does not fit falls back to fewer names, then to all). */
  readonly width: number;
  /** Levels to expand before settling for names. */
  readonly depth: number;
  /** Names of the loop body being written, where the comment sits (they come first). */
  readonly locals?: ReadonlyMap<Node, string>;
}

export class Citations {
  private readonly declared = new Map<Node, string>();
  /** The `locals` of the comment being written (see {@link Citations.describe}). */
  private locals: ReadonlyMap<Node, string> | undefined;
  /** The names a comment cites: the declared names of hinted values and outputs; or any. */
  private readonly meaningfulNames = (m: Node) => {
    const name = this.nameOf(m, this.locals);
    return name !== undefined && (nameHint(m) !== undefined || this.outputs.has(m))
      ? name
      : undefined;
  };
  private readonly allNames = (m: Node) => this.nameOf(m, this.locals);
  /** The two namings of a comment's formula (made once: the lowering writes 10⁵ comments). */
  private readonly byMeaningfulNames: Naming = { names: this.meaningfulNames, useNames: false };
  private readonly byAllNames: Naming = { names: this.allNames, useNames: false };

  /** `outputs`: nodes named after their output keys (names as meaningful as a hint's). */
  constructor(private readonly outputs: ReadonlySet<Node>) {}

  /** Records that the code declares `name` holding `n`'s value (the first declaration wins). */
  declare(n: Node, name: string): void {
    if (!this.declared.has(n)) this.declared.set(n, name);
  }

  /** The name the code declares for `n`, if any. */
  nameOf(n: Node, locals?: ReadonlyMap<Node, string>): string | undefined {
    return locals?.get(n) ?? this.declared.get(n);
  }

  /**
   * `n`'s math, citing declared names only. Preferred: the math within `depth` levels, citing
   * the names of the user's (hinted) values and outputs and expanding temporaries (`t7`, `e`);
   * then the same citing temporaries too; when neither fits in `width` without an ellipsis,
   * the full math with every declared name cited (true, if long).
   */
  describe(n: Node, options: CiteOptions): string {
    const { depth, width } = options;
    // (one pair of naming functions per Citations, not per comment: the lowering writes 10⁵)
    const saved = this.locals;
    this.locals = options.locals;
    try {
      for (const naming of [this.byMeaningfulNames, this.byAllNames]) {
        const text = fittingFormula(n, depth, naming, width);
        if (text !== undefined) return text;
      }
      return formulaOf(n, Infinity, this.byAllNames);
    } finally {
      this.locals = saved;
    }
  }
}
