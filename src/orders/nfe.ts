/**
 * The NF-e access key (chave de acesso): 44 digits, the last a check digit computed modulo 11
 * over the first 43 with weights 2..9 from the right (remainders 0 and 1 give 0). SEFAZ and the
 * marketplaces refuse a key whose digit does not match, so Cais refuses it before relaying.
 */
export function nfeCheckDigit(first43: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = first43.length - 1; i >= 0; i--) {
    sum += Number(first43[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** Undefined when the key is valid; otherwise what is wrong with it, for the ERP. */
export function nfeKeyProblem(key: string): string | undefined {
  if (!/^\d{44}$/.test(key))
    return `must be the 44 digits of the NF-e access key (got ${key.length} characters)`;
  const expected = nfeCheckDigit(key.slice(0, 43));
  if (expected !== Number(key[43]))
    return `check digit is ${key[43]}, but the first 43 digits give ${expected}`;
  return undefined;
}
