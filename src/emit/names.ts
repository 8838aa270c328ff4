/** Allocation of readable, collision-free identifiers for emitted code. */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof new null return super switch this throw true try ' +
    'typeof var void while with as implements interface let package private protected public static ' +
    'yield await any boolean constructor declare get module require number set string symbol type ' +
    'from of undefined NaN Infinity Math Number Object Array Error Float64Array Float32Array ' +
    'arguments eval inputs outputs'
  ).split(' '),
);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The number of a temporary's name, `t` then a number as String writes it (`t0`, `t17`; not
 * `t07`), or -1 for any other name: such names are kept as bits, not strings (a scalar graph's
 * lowering names 10⁵ temporaries).
 */
function temporaryNumber(name: string): number {
  const length = name.length;
  if (name.charCodeAt(0) !== 116 || length < 2 || length > 8) return -1;
  if (name.charCodeAt(1) === 48 && length > 2) return -1;
  let v = 0;
  for (let i = 1; i < length; i++) {
    const d = name.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** A set of names: temporaries' numbers as bits, every other name as a string. */
class NameSet {
  private readonly strings = new Set<string>();
  private bits = new Uint8Array(0);

  /** Whether it holds `name`, whose {@link temporaryNumber} is `k`. */
  has(name: string, k: number): boolean {
    if (k < 0) return this.strings.has(name);
    const byte = k >> 3;
    return byte < this.bits.length && (this.bits[byte]! & (1 << (k & 7))) !== 0;
  }

  add(name: string, k: number): void {
    if (k < 0) {
      this.strings.add(name);
      return;
    }
    const byte = k >> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(64, 2 * (byte + 1)));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[byte]! |= 1 << (k & 7);
  }
}

export class Namer {
  private readonly used = new NameSet();
  private readonly children: Namer[] = [];

  /** A child sees its parent's names (as they are when it asks), without copying them. */
  constructor(private readonly parent?: Namer) {}

  /**
   * A namer for a nested scope (a function's locals, a loop body): it avoids every name of its
   * ancestors, and its ancestors avoid its names; sibling scopes may reuse each other's names.
   */
  child(): Namer {
    const c = new Namer(this);
    this.children.push(c);
    return c;
  }

  /**
   * A namer for a block scope (a loop body): it avoids its ancestors' names, but they need not
   * avoid its names (a later declaration in an outer scope cannot clash with a finished block).
   */
  block(): Namer {
    return new Namer(this);
  }

  private takenAbove(name: string, k: number): boolean {
    for (let n: Namer | undefined = this; n; n = n.parent) if (n.used.has(name, k)) return true;
    return false;
  }

  private takenBelow(name: string, k: number): boolean {
    for (const c of this.children) if (c.used.has(name, k) || c.takenBelow(name, k)) return true;
    return false;
  }

  /** Whether `name` (whose {@link temporaryNumber} is `k`) is reserved or taken. */
  private taken(name: string, k: number): boolean {
    return RESERVED.has(name) || this.takenAbove(name, k) || this.takenBelow(name, k);
  }

  /** Reserves `name` exactly; false if it is taken or reserved. */
  claim(name: string): boolean {
    return IDENTIFIER.test(name) && this.claimIdentifier(name);
  }

  /** {@link claim} of a name known to be an identifier (the renderer asks 10⁵ times). */
  private claimIdentifier(name: string): boolean {
    const k = temporaryNumber(name);
    if (this.taken(name, k)) return false;
    this.used.add(name, k);
    return true;
  }

  /**
   * Where the search for a free `base_i` resumes: every `base_j` below it was taken when it was
   * last searched, and names are never released, so they still are (10⁵ temporaries named `e`
   * take linear time, not quadratic).
   */
  private readonly nextSuffix = new Map<string, number>();

  /** `preferred` if free, else `preferred_2`, `preferred_3`, … */
  fresh(preferred: string): string {
    const base = IDENTIFIER.test(preferred) ? preferred : 't';
    if (this.claimIdentifier(base)) return base;
    // (an identifier followed by `_` and digits is one)
    for (let i = this.nextSuffix.get(base) ?? 2; ; i++) {
      const name = `${base}_${i}`;
      if (this.claimIdentifier(name)) {
        this.nextSuffix.set(base, i + 1);
        return name;
      }
    }
  }
}

export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
