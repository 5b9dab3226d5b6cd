// htmlparser2 keeps its open elements with the innermost at index 0 (unshift/shift), which
// costs O(depth) a tag: 100,000 nested <div>s took 4.0 s in the bare parser, and a 100 MB
// file of them would take hours. This stack presents the same array interface the parser
// uses (index 0 = innermost, unshift, shift, indexOf, includes, length) over an array kept
// innermost-last, so each operation is O(1) (indexOf scans only when the name is open at
// all). Measured reason for the hand-written part; tests/read/html.test.ts holds the budget.

export function innermostFirstStack(): string[] {
  const items: string[] = []; // outermost → innermost
  const open = new Map<string, number>();
  const methods: Record<string, unknown> = {
    unshift(name: string) {
      items.push(name);
      open.set(name, (open.get(name) ?? 0) + 1);
      return items.length;
    },
    shift() {
      const name = items.pop();
      if (name !== undefined) open.set(name, open.get(name)! - 1);
      return name;
    },
    indexOf(name: string) {
      if (!open.get(name)) return -1;
      for (let i = items.length - 1; i >= 0; i--) if (items[i] === name) return items.length - 1 - i;
      return -1;
    },
    includes: (name: string) => (open.get(name) ?? 0) > 0,
  };
  return new Proxy(items, {
    get(target, key) {
      if (typeof key === 'string') {
        if (Object.hasOwn(methods, key)) return methods[key];
        if (key === 'length') return target.length;
        if (/^\d+$/.test(key)) return target[target.length - 1 - Number(key)];
      }
      return Reflect.get(target, key);
    },
    set(target, key, value) {
      if (key !== 'length') return Reflect.set(target, key, value);
      target.length = Number(value) === 0 ? 0 : target.length; // the parser only ever empties it
      if (target.length === 0) open.clear();
      return true;
    },
  });
}
