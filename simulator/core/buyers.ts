/**
 * Simulated buyers: who bought an order and where it ships, as one Brazilian identity per order
 * (name, CPF or CNPJ with valid check digits, state registration for companies, phone, email,
 * full address). Drawn from the order's own id, so the same order always has the same buyer
 * and no two mounts need to agree on a list. Each mount then serves it in its marketplace's own
 * shape and place (ML shipments and billing info, Amazon's recipient behind a Restricted Data
 * Token, Magalu's delivery, Shopee's recipient_address).
 */
import { hashString, mulberry32 } from './random.ts';

export interface SimAddress {
  street: string;
  number: string;
  complement: string;
  neighborhood: string;
  city: string;
  /** UF, two letters. */
  state: string;
  stateName: string;
  /** CEP, 8 digits. */
  zipcode: string;
  country: 'BR';
}

export interface SimBuyer {
  kind: 'person' | 'company';
  firstName: string;
  lastName: string;
  /** CPF (11 digits) or CNPJ (14 digits). */
  document: string;
  /** Companies only: inscrição estadual. */
  stateRegistration: string | null;
  email: string;
  /** Area code + number, digits only (e.g. 11987654321). */
  phone: string;
  address: SimAddress;
}

const FIRST = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elisa', 'Fábio', 'Gabriela', 'Heitor', 'Isabela', 'João'];
const LAST = ['Silva', 'Souza', 'Oliveira', 'Santos', 'Pereira', 'Lima', 'Carvalho', 'Ribeiro', 'Almeida'];
const COMPANIES = ['Comercial Ipê', 'Distribuidora Aurora', 'Papelaria Central', 'Mercadinho Sol'];
const PLACES = [
  { city: 'São Paulo', state: 'SP', stateName: 'São Paulo', zip: '01310', area: '11', hood: 'Bela Vista' },
  {
    city: 'Rio de Janeiro',
    state: 'RJ',
    stateName: 'Rio de Janeiro',
    zip: '22041',
    area: '21',
    hood: 'Copacabana',
  },
  {
    city: 'Belo Horizonte',
    state: 'MG',
    stateName: 'Minas Gerais',
    zip: '30130',
    area: '31',
    hood: 'Centro',
  },
  {
    city: 'Porto Alegre',
    state: 'RS',
    stateName: 'Rio Grande do Sul',
    zip: '90010',
    area: '51',
    hood: 'Centro Histórico',
  },
  { city: 'Recife', state: 'PE', stateName: 'Pernambuco', zip: '50030', area: '81', hood: 'Boa Vista' },
] as const;
const STREETS = [
  'Rua das Flores',
  'Avenida Paulista',
  'Rua XV de Novembro',
  'Rua da Consolação',
  'Avenida Brasil',
];

function digits(draw: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(Math.floor(draw() * 10));
  return out;
}

/** Modulo-11 check digit with weights from `weights` (CPF and CNPJ rules). */
function checkDigit(base: string, weights: readonly number[]): string {
  let sum = 0;
  for (let i = 0; i < base.length; i++) sum += Number(base[i]) * weights[i]!;
  const rest = sum % 11;
  return String(rest < 2 ? 0 : 11 - rest);
}

export function cpf(first9: string): string {
  const d1 = checkDigit(first9, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = checkDigit(first9 + d1, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return first9 + d1 + d2;
}

export function cnpj(first12: string): string {
  const d1 = checkDigit(first12, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = checkDigit(first12 + d1, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return first12 + d1 + d2;
}

const pick = <T>(draw: () => number, list: readonly T[]): T => list[Math.floor(draw() * list.length)]!;

/** The buyer of the order named `orderKey` (channel + order id); one in four is a company. */
export function buyerFor(orderKey: string): SimBuyer {
  const draw = mulberry32(hashString(orderKey));
  const place = pick(draw, PLACES);
  const company = draw() < 0.25;
  const firstName = company ? pick(draw, COMPANIES) : pick(draw, FIRST);
  const lastName = company ? 'Ltda' : pick(draw, LAST);
  const login = `${firstName}.${lastName}`
    .normalize('NFD')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();
  return {
    kind: company ? 'company' : 'person',
    firstName,
    lastName,
    document: company ? cnpj(`${digits(draw, 8)}0001`) : cpf(digits(draw, 9)),
    stateRegistration: company ? digits(draw, 12) : null,
    email: `${login}.${digits(draw, 4)}@example.com.br`,
    phone: `${place.area}9${digits(draw, 8)}`,
    address: {
      street: pick(draw, STREETS),
      number: String(1 + Math.floor(draw() * 2000)),
      complement: draw() < 0.5 ? `Apto ${1 + Math.floor(draw() * 300)}` : '',
      neighborhood: place.hood,
      city: place.city,
      state: place.state,
      stateName: place.stateName,
      zipcode: `${place.zip}${digits(draw, 3)}`,
      country: 'BR',
    },
  };
}

export function fullName(buyer: SimBuyer): string {
  return `${buyer.firstName} ${buyer.lastName}`;
}
