import { expect } from './helpers/testing.js';
import {
  detectAccountType,
  isEmail,
  isLandline,
  isMainlandMobile,
  isPostalCode,
  normalizeContact,
} from '../src/services/contact.js';

function table(name: string, fn: (raw: string) => boolean, cases: Array<[string, boolean]>): void {
  describe(name, () => {
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${expected}`, () => {
        expect(fn(input)).to.equal(expected);
      });
    }
  });
}

describe('contact', () => {
  describe('normalizeContact', () => {
    it('converts full-width digits, letters and symbols and trims', () => {
      expect(normalizeContact('  １３８００１３８０００ ')).to.equal('13800138000');
      expect(normalizeContact('ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ')).to.equal('user@example.com');
      expect(normalizeContact('＋８６－１３８')).to.equal('+86-138');
      expect(normalizeContact('\u3000ＡＢｃ\u3000')).to.equal('ABc');
    });

    it('leaves other characters alone', () => {
      expect(normalizeContact('0871-64312910 转 835')).to.equal('0871-64312910 转 835');
      expect(normalizeContact('张三')).to.equal('张三');
    });
  });

  table('isMainlandMobile', isMainlandMobile, [
    ['13800138000', true],
    ['19912345678', true],
    ['16612345678', true],
    ['15012345678', true],
    [' 13800138000 ', true],
    ['１３８００１３８０００', true],
    ['+8613800138000', true],
    ['+86 13800138000', true],
    ['+86-13800138000', true],
    ['8613800138000', true],
    ['86 13800138000', true],
    ['＋８６　１３８００１３８０００', true], // full-width (ideographic) space
    ['＋８６１３８００１３８０００', true],
    ['12012345678', false],
    ['11012345678', false],
    ['10012345678', false],
    ['23800138000', false],
    ['1380013800', false], // 10 digits
    ['138001380001', false], // 12 digits
    ['+8513800138000', false],
    ['+86--13800138000', false],
    ['138 0013 8000', false],
    ['1380013800a', false],
    ['', false],
  ]);

  table('isEmail', isEmail, [
    ['user@example.com', true],
    ['first.last+tag@mail.example.cn', true],
    ["o'brien_#1@sub-domain.example.org", true],
    ['user@localhost', true], // the HTML spec allows a single-label domain
    ['ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ', true],
    ['  user@example.com  ', true],
    ['user@example.com.', false],
    ['user@-example.com', false],
    ['user@example-.com', false],
    ['user@exa_mple.com', false],
    ['user@@example.com', false],
    ['@example.com', false],
    ['user@', false],
    ['user example@example.com', false],
    ['张三@example.com', false],
    ['user@例子.中国', false],
    ['userexample.com', false],
    [`user@${'a'.repeat(64)}.com`, false], // label longer than 63
    [`user@${'a'.repeat(63)}.com`, true],
    ['', false],
  ]);

  table('isPostalCode', isPostalCode, [
    ['674100', true],
    ['010000', true],
    ['６７４１００', true],
    [' 650000 ', true],
    ['67410', false],
    ['6741000', false],
    ['67410a', false],
    ['674 100', false],
    ['', false],
  ]);

  table('isLandline', isLandline, [
    ['0871-64312910', true],
    ['087164312910', true],
    ['0871 64312910', true],
    ['010-12345678', true],
    ['010-1234567', true],
    ['0888-1234567', true],
    ['0871-64312910-835', true],
    ['0871-64312910转835', true],
    ['0871-64312910 转 835', true],
    ['0871-63626248ext123456', true],
    ['0871-63626248 EXT. 12', true],
    ['０８７１－６４３１２９１０', true],
    ['0871-643129', false], // 6 digits
    ['0871-643129101', false], // 9 digits
    ['871-64312910', false], // no leading 0
    ['08711-6431291', false], // 4-digit area code after 0
    ['0871-64312910-1234567', false], // 7-digit extension
    ['0871-64312910转', false],
    ['0871--64312910', false],
    ['13800138000', false],
    ['', false],
  ]);

  describe('detectAccountType', () => {
    const cases: Array<[string, 'phone' | 'email' | null]> = [
      ['13800138000', 'phone'],
      ['+86 13800138000', 'phone'],
      ['１３８００１３８０００', 'phone'],
      ['user@example.com', 'email'],
      ['ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'email'],
      ['13800138000@139.com', 'email'],
      ['12012345678', null],
      ['0871-64312910', null],
      ['zhangsan', null],
      ['', null],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${expected}`, () => {
        expect(detectAccountType(input)).to.equal(expected);
      });
    }
  });
});
