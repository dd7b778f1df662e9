/**
 * The NF-e access key's check digit (its 44th digit): modulo 11 over the first 43 digits with
 * weights 2..9 from the right. SEFAZ rejects a key whose digit does not match, and so does a
 * marketplace validating the invoice.
 */
export function nfeKeyIsValid(key: string): boolean {
  if (!/^\d{44}$/.test(key)) return false;
  let sum = 0;
  let weight = 2;
  for (let i = 42; i >= 0; i--) {
    sum += Number(key[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const remainder = sum % 11;
  const digit = remainder < 2 ? 0 : 11 - remainder;
  return digit === Number(key[43]);
}

/** Completes 43 digits into a valid key (tests and the sandbox use it to build one). */
export function withNfeCheckDigit(first43: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const key = `${first43}${digit}`;
    if (nfeKeyIsValid(key)) return key;
  }
  throw new Error('unreachable: one digit always matches');
}
