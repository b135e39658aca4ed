import { expect } from './helpers/testing.js';
import {
  DOCUMENT_TYPES,
  ageOn,
  checkIdValidity,
  gb11643CheckChar,
  idCardValidityYears,
  maskDocumentNumber,
  normalizeDocumentNumber,
  parseResidentId,
  validateDocumentNumber,
  type DocumentType,
  type IdProblem,
} from '../src/services/id-document.js';

/** A fixed "today" (local calendar date 2025-01-01) so date-dependent results never drift. */
const TODAY = new Date(2025, 0, 1, 12, 0, 0);

// Check characters below were computed with an independent script (Python, GB 11643 weights)
// and cross-checked against the standard's own example 11010519491231002X.

type Case = [label: string, input: string, expected: IdProblem | 'ok'];

const residentIdCases: Case[] = [
  // valid
  ['GB 11643 example, X check character', '11010519491231002X', 'ok'],
  ['lowercase x check character', '44030419900307123x', 'ok'],
  ['full-width digits', '５３０７０２１９８５０６１５００１６', 'ok'],
  ['full-width lowercase ｘ', '１１０１０５１９４９１２３１００２ｘ', 'ok'],
  ['spaces and hyphens inside, padded', '  110105 19491231-002X ', 'ok'],
  ['leap day 2000-02-29', '110105200002290013', 'ok'],
  ['born on "today"', '110105202501010011', 'ok'],
  ['province 15 (upper bound of 11–15)', '150102199001010019', 'ok'],
  ['province 21', '210102199001010015', 'ok'],
  ['province 37 with X', '37010219900101001X', 'ok'],
  ['province 46', '460102199001010011', 'ok'],
  ['province 50', '500102199001010014', 'ok'],
  ['province 54', '540102199001010011', 'ok'],
  ['province 61 with X', '61010219900101001X', 'ok'],
  ['province 65', '650102199001010017', 'ok'],
  // checksum
  ['wrong check digit', '110105194912310021', 'checksum'],
  ['digit where X is due', '440304199003071230', 'checksum'],
  ['X where a digit is due', '53070219850615001X', 'checksum'],
  ['two transposed digits', '110105194912130020', 'checksum'],
  // dates (correct check characters, so only the date is wrong)
  ['30 February', '11010519900230001X', 'date'],
  ['month 13', '110105199013010018', 'date'],
  ['day 00', '110105199001000015', 'date'],
  ['1900-02-29 (1900 is not a leap year)', '110105190002290017', 'date'],
  ['year 1899', '110105189912310015', 'date'],
  ['born the day after today', '110105202501020017', 'future-date'],
  // region (correct check characters)
  ['province 00', '00010119900101001X', 'region'],
  ['province 10', '100101199001010013', 'region'],
  ['province 16', '160101199001010014', 'region'],
  ['province 47', '470101199001010017', 'region'],
  ['province 66', '660101199001010012', 'region'],
  ['province 71 (Taiwan)', '710000199001010015', 'region'],
  ['region 810000 (HK permit, not a resident ID)', '810000199001010019', 'region'],
  ['region 820000 (Macao permit)', '820000199001010010', 'region'],
  ['region 830000 (Taiwan permit)', '830000199001010012', 'region'],
  ['province 99', '990101199001010019', 'region'],
  // length / characters / empty
  ['17 characters', '11010519491231002', 'length'],
  ['19 characters', '11010519491231002X1', 'length'],
  ['15-digit first-generation number', '110105491231002', 'length'],
  ['letter inside', '1101051949123A002X', 'characters'],
  ['X not at the end', 'X10105194912310021', 'characters'],
  ['punctuation inside', '110105.9491231002X', 'characters'],
  ['empty', '', 'empty'],
  ['only spaces', '   ', 'empty'],
];

describe('id-document: parseResidentId', () => {
  for (const [label, input, expected] of residentIdCases) {
    it(`${label}: ${JSON.stringify(input)} → ${expected}`, () => {
      const result = parseResidentId(input, TODAY);
      if (expected === 'ok') {
        expect(result.ok, JSON.stringify(result)).to.equal(true);
      } else {
        expect(result).to.deep.equal({ ok: false, problem: expected });
      }
    });
  }

  it('has at least 30 table cases', () => {
    expect(residentIdCases.length).to.be.at.least(30);
  });

  it('derives region, birth date and gender (female, X check)', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).to.deep.equal({
      ok: true,
      number: '11010519491231002X',
      info: {
        number: '11010519491231002X',
        regionCode: '110105',
        provinceCode: '11',
        birthDate: '1949-12-31',
        gender: 'female',
      },
    });
  });

  it('derives male from an odd sequence digit and normalises the number', () => {
    const result = parseResidentId(' 530702 1985 0615 0016 ', TODAY);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.number).to.equal('530702198506150016');
    expect(result.info).to.deep.include({ birthDate: '1985-06-15', gender: 'male', regionCode: '530702' });
  });

  it('returns the uppercase normalised number for lowercase x', () => {
    const result = parseResidentId('44030419900307123x', TODAY);
    expect(result).to.have.property('number', '44030419900307123X');
  });

  it('uses digit 17 only for gender (…999 male, …002 female)', () => {
    expect(parseResidentId('110105199001019998', TODAY)).to.have.nested.property('info.gender', 'male');
    expect(parseResidentId('110105199001010029', TODAY)).to.have.nested.property('info.gender', 'female');
  });

  it('defaults today to now: a 1949 birth date is not in the future', () => {
    expect(parseResidentId('11010519491231002X').ok).to.equal(true);
  });

  it('checks the future date against the given today', () => {
    expect(parseResidentId('110105202501020017', new Date(2025, 0, 2)).ok).to.equal(true);
    expect(parseResidentId('110105202501020017', new Date(2025, 0, 1, 23, 59, 59))).to.deep.equal({
      ok: false,
      problem: 'future-date',
    });
  });
});

describe('id-document: normalizeDocumentNumber and gb11643CheckChar', () => {
  it('normalises full-width, case, spaces and hyphens', () => {
    expect(normalizeDocumentNumber('１２３')).to.equal('123');
    expect(normalizeDocumentNumber('ｘ')).to.equal('X');
    expect(normalizeDocumentNumber(' h 1234-5678 ')).to.equal('H12345678');
    expect(normalizeDocumentNumber('ａｂｃ\u3000１２－３')).to.equal('ABC123');
  });

  const checkCases: Array<[string, string]> = [
    ['11010519491231002', 'X'],
    ['44030419900307123', 'X'],
    ['53070219850615001', '6'],
    ['11010119900101001', '5'],
    ['11010119900101002', '3'],
    ['11010119900101004', 'X'],
    ['11010119900101009', '0'],
    ['11010119900101010', '3'],
    ['11010119900101011', '1'],
    ['64010420121128222', '2'],
  ];
  for (const [first17, check] of checkCases) {
    it(`check character of ${first17} is ${check}`, () => {
      expect(gb11643CheckChar(first17)).to.equal(check);
    });
  }

  it('rejects input that is not 17 digits', () => {
    expect(() => gb11643CheckChar('1101051949123100')).to.throw(RangeError);
    expect(() => gb11643CheckChar('1101051949123100A')).to.throw(RangeError);
  });
});

describe('id-document: validateDocumentNumber', () => {
  it('lists the seven document types', () => {
    expect(DOCUMENT_TYPES).to.deep.equal([
      'resident-id',
      'social-security-card',
      'hmt-residence-permit',
      'hk-macao-pass',
      'taiwan-pass',
      'foreign-permanent-residence',
      'passport',
    ]);
  });

  it('treats resident-id and social-security-card alike, with info', () => {
    for (const type of ['resident-id', 'social-security-card'] as const) {
      expect(validateDocumentNumber(type, '11010519491231002x', TODAY)).to.have.nested.property(
        'info.birthDate',
        '1949-12-31',
      );
      expect(validateDocumentNumber(type, '110105194912310021', TODAY)).to.deep.equal({ ok: false, problem: 'checksum' });
      expect(validateDocumentNumber(type, '830000199001010012', TODAY)).to.deep.equal({ ok: false, problem: 'region' });
    }
  });

  const permitCases: Case[] = [
    ['Hong Kong 810000', '810000199001010019', 'ok'],
    ['Macao 820000 with X', '82000019850505002X', 'ok'],
    ['Taiwan 830000 (the known pitfall)', '830000198008080035', 'ok'],
    ['Taiwan 830000, leap day', '830000200002290058', 'ok'],
    ['Taiwan 830000, full-width', '８３００００１９８００８０８００３５', 'ok'],
    ['mainland region 110000', '110000199001010013', 'region'],
    ['810001 (not exactly 810000)', '810001199001010015', 'region'],
    ['830000 with bad check', '830000198008080036', 'checksum'],
    ['830000 with 30 February', '830000199002300011', 'date'],
    ['830000 born in 2030', '830000203001010011', 'future-date'],
    ['17 characters', '83000019800808003', 'length'],
    ['empty', ' ', 'empty'],
  ];
  for (const [label, input, expected] of permitCases) {
    it(`hmt-residence-permit ${label} → ${expected}`, () => {
      const result = validateDocumentNumber('hmt-residence-permit', input, TODAY);
      if (expected === 'ok') expect(result.ok, JSON.stringify(result)).to.equal(true);
      else expect(result).to.deep.equal({ ok: false, problem: expected });
    });
  }

  it('returns info for a Taiwan residence permit', () => {
    expect(validateDocumentNumber('hmt-residence-permit', '830000198008080035', TODAY)).to.deep.equal({
      ok: true,
      number: '830000198008080035',
      info: {
        number: '830000198008080035',
        regionCode: '830000',
        provinceCode: '83',
        birthDate: '1980-08-08',
        gender: 'male',
      },
    });
  });

  const otherCases: Array<[DocumentType, string, IdProblem | 'ok']> = [
    ['hk-macao-pass', 'H12345678', 'ok'],
    ['hk-macao-pass', 'm12345678', 'ok'],
    ['hk-macao-pass', 'H1234567890', 'ok'],
    ['hk-macao-pass', 'H1234567', 'format'],
    ['hk-macao-pass', 'H123456789', 'format'],
    ['hk-macao-pass', 'K12345678', 'format'],
    ['hk-macao-pass', '12345678', 'format'],
    ['hk-macao-pass', '', 'empty'],
    ['taiwan-pass', '12345678', 'ok'],
    ['taiwan-pass', '1234567890', 'ok'],
    ['taiwan-pass', '12345678A1', 'ok'],
    ['taiwan-pass', '1234567', 'format'],
    ['taiwan-pass', '123456789', 'format'],
    ['taiwan-pass', 'A2345678', 'format'],
    ['taiwan-pass', '12345678901', 'format'],
    ['foreign-permanent-residence', '915620198501011239', 'ok'],
    ['foreign-permanent-residence', '93101219700315001x', 'ok'],
    ['foreign-permanent-residence', 'USA123456789012', 'ok'],
    ['foreign-permanent-residence', 'usa123456789012', 'ok'],
    ['foreign-permanent-residence', '915620198501011230', 'checksum'],
    // The 2023 format's birth date (positions 7–14) is checked as a resident ID's is, before the check character.
    ['foreign-permanent-residence', '91562020000229123x', 'ok'],
    ['foreign-permanent-residence', '915620209913011236', 'date'],
    ['foreign-permanent-residence', '915620198502301238', 'date'],
    ['foreign-permanent-residence', '915620189912311231', 'date'],
    ['foreign-permanent-residence', '915620000001011236', 'date'],
    ['foreign-permanent-residence', '915620203001011236', 'future-date'],
    ['foreign-permanent-residence', '915620209913011230', 'date'],
    ['foreign-permanent-residence', '815620198501011239', 'format'],
    ['foreign-permanent-residence', 'US1234567890123', 'format'],
    ['foreign-permanent-residence', 'USA12345678901', 'format'],
    ['foreign-permanent-residence', '', 'empty'],
    ['passport', 'G12345678', 'ok'],
    ['passport', 'EA1234567', 'ok'],
    ['passport', 'E12345678', 'ok'],
    ['passport', 'AB123', 'ok'],
    ['passport', 'X1234567890123456', 'ok'],
    ['passport', 'c03005988', 'ok'],
    ['passport', 'AB12', 'format'],
    ['passport', 'X12345678901234567', 'format'],
    ['passport', 'G1234/5678', 'format'],
    ['passport', '护照12345', 'format'],
    ['passport', '  ', 'empty'],
  ];
  for (const [type, input, expected] of otherCases) {
    it(`${type} ${JSON.stringify(input)} → ${expected}`, () => {
      const result = validateDocumentNumber(type, input, TODAY);
      if (expected === 'ok') {
        expect(result).to.deep.equal({ ok: true, number: normalizeDocumentNumber(input) });
      } else {
        expect(result).to.deep.equal({ ok: false, problem: expected });
      }
    });
  }
});

describe('id-document: ageOn', () => {
  const cases: Array<[string, Date, number]> = [
    ['1990-06-15', new Date(2025, 5, 14), 34],
    ['1990-06-15', new Date(2025, 5, 15), 35],
    ['1990-06-15', new Date(2025, 5, 16), 35],
    ['1990-12-31', new Date(2025, 0, 1), 34],
    ['1990-01-01', new Date(2024, 11, 31), 34],
    ['2000-02-29', new Date(2025, 1, 28), 24],
    ['2000-02-29', new Date(2025, 2, 1), 25],
    ['2000-02-29', new Date(2024, 1, 29), 24],
    ['2025-01-01', new Date(2025, 0, 1), 0],
  ];
  for (const [birth, today, age] of cases) {
    it(`born ${birth}, on ${today.toDateString()} → ${age}`, () => {
      expect(ageOn(birth, today)).to.equal(age);
    });
  }

  it('rejects a malformed birth date', () => {
    expect(() => ageOn('1990-02-30', TODAY)).to.throw(RangeError);
    expect(() => ageOn('19900101', TODAY)).to.throw(RangeError);
  });
});

describe('id-document: idCardValidityYears', () => {
  const cases: Array<[number, 5 | 10 | 20 | 'long-term']> = [
    [0, 5],
    [15, 5],
    [16, 10],
    [25, 10],
    [26, 20],
    [45, 20],
    [46, 'long-term'],
    [90, 'long-term'],
  ];
  for (const [age, years] of cases) {
    it(`age ${age} → ${years}`, () => {
      expect(idCardValidityYears(age)).to.equal(years);
    });
  }

  it('rejects a negative age', () => {
    expect(() => idCardValidityYears(-1)).to.throw(RangeError);
  });
});

describe('id-document: checkIdValidity', () => {
  it('accepts a 10-year card issued at 20', () => {
    expect(checkIdValidity('2000-05-01', '2020-06-01', '2030-06-01', TODAY)).to.deep.equal([]);
  });

  it('accepts 5, 20 years and 长期 at the right ages', () => {
    expect(checkIdValidity('2010-03-01', '2022-03-10', '2027-03-10', TODAY)).to.deep.equal([]);
    expect(checkIdValidity('1985-06-15', '2011-06-15', '2031-06-15', TODAY)).to.deep.equal([]);
    expect(checkIdValidity('1970-01-01', '2016-01-01', null, TODAY)).to.deep.equal([]);
  });

  it('uses the age on the day of issue (birthday that day counts)', () => {
    // 16 on the day of issue: 10 years, not 5
    expect(checkIdValidity('2008-04-10', '2024-04-10', '2034-04-10', TODAY)).to.deep.equal([]);
    expect(checkIdValidity('2008-04-10', '2024-04-09', '2029-04-09', TODAY)).to.deep.equal([]);
    expect(checkIdValidity('2008-04-10', '2024-04-10', '2029-04-10', TODAY)).to.deep.equal(['length-mismatch']);
  });

  it('reports end-before-start', () => {
    expect(checkIdValidity('2000-05-01', '2020-06-01', '2020-06-01', TODAY)).to.include('end-before-start');
    expect(checkIdValidity('2000-05-01', '2020-06-01', '2019-06-01', TODAY)).to.include('end-before-start');
  });

  it('reports expired, but not on the last valid day', () => {
    expect(checkIdValidity('1990-05-01', '2014-12-31', '2024-12-31', TODAY)).to.deep.equal(['expired']);
    expect(checkIdValidity('1990-05-01', '2015-01-01', '2025-01-01', TODAY)).to.deep.equal([]);
  });

  it('reports start-in-future', () => {
    expect(checkIdValidity('2000-05-01', '2025-01-02', '2035-01-02', TODAY)).to.deep.equal(['start-in-future']);
  });

  it('reports length-mismatch for a wrong period or 长期 before 46', () => {
    expect(checkIdValidity('2000-05-01', '2020-06-01', '2040-06-01', TODAY)).to.deep.equal(['length-mismatch']);
    expect(checkIdValidity('2000-05-01', '2020-06-01', '2030-06-02', TODAY)).to.deep.equal(['length-mismatch']);
    expect(checkIdValidity('1980-05-01', '2020-06-01', null, TODAY)).to.deep.equal(['length-mismatch']);
    expect(checkIdValidity('1970-01-01', '2020-06-01', '2040-06-01', TODAY)).to.deep.equal(['length-mismatch']);
  });

  it('accepts 28 February or 1 March as the end of a period starting on 29 February', () => {
    expect(checkIdValidity('2000-01-01', '2020-02-29', '2030-02-28', TODAY)).to.deep.equal([]);
    expect(checkIdValidity('2000-01-01', '2020-02-29', '2030-03-01', TODAY)).to.deep.equal([]);
    expect(checkIdValidity('2000-01-01', '2020-02-29', '2030-03-02', TODAY)).to.deep.equal(['length-mismatch']);
  });

  it('can report several problems at once', () => {
    expect(checkIdValidity('2000-05-01', '2025-06-01', '2024-06-01', TODAY)).to.have.members([
      'end-before-start',
      'expired',
      'start-in-future',
      'length-mismatch',
    ]);
  });

  it('never reports 长期 as expired', () => {
    expect(checkIdValidity('1950-01-01', '2000-01-01', null, new Date(2099, 0, 1))).to.deep.equal([]);
  });
});

describe('id-document: maskDocumentNumber', () => {
  const cases: Array<[string, string]> = [
    ['11010519491231002X', '110105********002X'],
    ['ABC123456789012', 'ABC123*****9012'],
    ['H12345678', 'H12**5678'],
    ['12345678', '123*5678'],
    ['1234567', '1*****7'],
    ['AB123', 'A***3'],
    ['AB', '**'],
    ['', ''],
  ];
  for (const [input, masked] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(masked)}`, () => {
      expect(maskDocumentNumber(input)).to.equal(masked);
      expect(maskDocumentNumber(input)).to.have.length(input.length);
    });
  }
});
