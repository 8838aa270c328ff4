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

export class Namer {
  private readonly used = new Set<string>();
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

  private takenAbove(name: string): boolean {
    for (let n: Namer | undefined = this; n; n = n.parent) if (n.used.has(name)) return true;
    return false;
  }

  private takenBelow(name: string): boolean {
    for (const c of this.children) if (c.used.has(name) || c.takenBelow(name)) return true;
    return false;
  }

  private taken(name: string): boolean {
    return RESERVED.has(name) || this.takenAbove(name) || this.takenBelow(name);
  }

  /** Reserves `name` exactly; false if it is taken or reserved. */
  claim(name: string): boolean {
    return IDENTIFIER.test(name) && this.claimIdentifier(name);
  }

  /** {@link claim} of a name known to be an identifier (the renderer asks 10⁵ times). */
  private claimIdentifier(name: string): boolean {
    if (this.taken(name)) return false;
    this.used.add(name);
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
