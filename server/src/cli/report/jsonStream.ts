// JSON written as it goes: the same text `JSON.stringify(value, null, 2)` gives, without ever holding it whole.
// The skeleton (objects and arrays) is walked member by member; a `streamed` list is written one element at a time,
// each element stringified on its own, so the largest string in memory is one element.
import type { Write } from './index';

/** A list written one element at a time (an iterable, usually a generator over the index). */
export class Streamed<T> {
  constructor(readonly elements: Iterable<T>) {}
}

export const streamed = <T>(elements: Iterable<T>): Streamed<T> => new Streamed(elements);

/** Writes `value` as `JSON.stringify(value, null, 2)` would, followed by a line break. */
export function writeJson(value: unknown, write: Write): void {
  writeValue(value, '', write);
  write('\n');
}

function writeValue(value: unknown, indent: string, write: Write): void {
  const inner = `${indent}  `;
  if (value instanceof Streamed) {
    let empty = true;
    for (const element of value.elements as Iterable<unknown>) {
      write(empty ? '[\n' : ',\n');
      // Strings in JSON hold no raw line break, so every one in the element's text is between two of its tokens.
      write(inner + (JSON.stringify(element, null, 2) ?? 'null').replace(/\n/g, `\n${inner}`));
      empty = false;
    }
    write(empty ? '[]' : `\n${indent}]`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) return write('[]');
    value.forEach((element, position) => {
      write(position === 0 ? `[\n${inner}` : `,\n${inner}`);
      // As JSON.stringify does: what has no JSON form stands as null in a list.
      writeValue(element === undefined || typeof element === 'function' ? null : element, inner, write);
    });
    write(`\n${indent}]`);
  } else if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).filter(([, member]) => member !== undefined && typeof member !== 'function');
    if (members.length === 0) return write('{}');
    members.forEach(([key, member], position) => {
      write(`${position === 0 ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
      writeValue(member, inner, write);
    });
    write(`\n${indent}}`);
  } else {
    write(JSON.stringify(value));
  }
}
