// Lists the dotted keys of a message tree, so tests can compare locales and find keys used but not defined.

export function listMessageKeys(tree: object, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'object' && value !== null) keys.push(...listMessageKeys(value as object, key));
    else keys.push(key);
  }
  return keys.sort();
}

/** Keys of the reference tree that the other tree lacks. */
export function missingMessageKeys(reference: object, other: object): string[] {
  const present = new Set(listMessageKeys(other));
  return listMessageKeys(reference).filter((key) => !present.has(key));
}
