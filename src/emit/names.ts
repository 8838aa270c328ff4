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

export class Namer {
  private readonly used = new Set<string>();

  /** A child sees its parent's names (as they are when it asks), without copying them. */
  constructor(private readonly parent?: Namer) {}

  /** A namer for block-scoped locals: avoids every name taken so far, shares none later. */
  child(): Namer {
    return new Namer(this);
  }

  private taken(name: string): boolean {
    return RESERVED.has(name) || this.used.has(name) || (this.parent?.taken(name) ?? false);
  }

  /** Reserves `name` exactly; false if it is taken or reserved. */
  claim(name: string): boolean {
    if (this.taken(name) || !/^[A-Za-z_$][\w$]*$/.test(name)) return false;
    this.used.add(name);
    return true;
  }

  /** `preferred` if free, else `preferred_2`, `preferred_3`, … */
  fresh(preferred: string): string {
    const base = /^[A-Za-z_$][\w$]*$/.test(preferred) ? preferred : 't';
    if (this.claim(base)) return base;
    for (let i = 2; ; i++) if (this.claim(`${base}_${i}`)) return `${base}_${i}`;
  }
}

export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
