import { describe, expect, it } from 'vitest';
import { findPersonalData, foldForms, isResidentId } from '../../../src/lib/data/personal-data.ts';

// Valid 18-character IDs (check character computed by GB 11643), used below in several spellings.
const ID_A = '110101199003071233';
const ID_X = '44030419851231002X';
const ID_LEAP = '320102200002290048';

describe('findPersonalData stops', () => {
  it.each([
    // mobile numbers
    ['张三 13812345678', 'pii_phone'],
    ['电话138-1234-5678', 'pii_phone'],
    ['电话 138 1234 5678', 'pii_phone'],
    ['138 - 1234 - 5678', 'pii_phone'],
    ['+86 13812345678', 'pii_phone'],
    ['+86-138-1234-5678', 'pii_phone'],
    ['+8613812345678', 'pii_phone'],
    ['0086 138 1234 5678', 'pii_phone'],
    ['008613812345678', 'pii_phone'],
    ['(+86)13812345678', 'pii_phone'],
    ['１３８１２３４５６７８', 'pii_phone'],
    ['１３８－１２３４－５６７８', 'pii_phone'],
    ['＋８６\u3000１３８１２３４５６７８', 'pii_phone'],
    ['联系人王五19912345678转', 'pii_phone'],
    ['138\u00a01234\u00a05678', 'pii_phone'],
    ['138\u200b1234\u200b5678', 'pii_phone'],
    // resident ID numbers
    [`赵六 ${ID_X}`, 'pii_id'],
    [ID_X.toLowerCase(), 'pii_id'],
    [ID_A, 'pii_id'],
    ['110101 19900307 1233', 'pii_id'],
    ['110101-19900307-1233', 'pii_id'],
    ['1101 0119 9003 0712 33', 'pii_id'],
    ['１１０１０１１９９００３０７１２３３', 'pii_id'],
    ['４４０３０４１９８５１２３１００２ｘ', 'pii_id'],
    [ID_LEAP, 'pii_id'],
    ['身份证号110101900307123', 'pii_id'],
    ['440304 851231 002', 'pii_id'],
    // email addresses
    ['联系 wang@example.com', 'pii_email'],
    ['wang＠example.com', 'pii_email'],
    ['wang＠example．com', 'pii_email'],
    ['张三@例子.中国', 'pii_email'],
    ['li.si+双拥@部门.公司', 'pii_email'],
    ['ＷＡＮＧ＠ＥＸＡＭＰＬＥ．ＣＮ', 'pii_email'],
    ['邮箱：zhang_san@mail.qq.com。', 'pii_email'],
  ])('%j as %s', (text, code) => {
    expect(findPersonalData(text)?.code).toBe(code);
  });
});

describe('findPersonalData lets through', () => {
  it.each([
    '民兵整组',
    '576.2',
    '1,234,567,890',
    '2024-03-05',
    '2024年3月5日 9:30',
    '10000000000',
    '12345678901',
    '20231234567',
    '1381234567',
    '138123456789',
    '11010119900307123', // 17 digits
    '110101199003071234', // check character wrong (should be 3)
    '440304198512310021', // check character wrong (should be X)
    '320102200102290048', // 2001-02-29 does not exist
    '900101199003071233'.slice(0, 15), // 15 digits, province 90 does not exist
    '110101901307123', // 15 digits, month 13
    '项目编号 XM-2024-0001',
    '培训 13 场，共 1,200 人次',
    '@双拥办 发布',
    'a@b',
    '邮箱见官网 example.com',
  ])('%j', (text) => {
    expect(findPersonalData(text)).toBeNull();
  });
});

describe('personal data helpers', () => {
  it('gives the offset of the earliest finding, in the original text', () => {
    expect(findPersonalData('备注：ａ＠ｂ．ｃｎ，电话 13812345678')).toEqual({ code: 'pii_email', index: 3 });
    expect(findPersonalData('电话 13812345678，a@b.cn')).toEqual({ code: 'pii_phone', index: 3 });
  });

  it('folds full-width forms, spaces and dashes character for character', () => {
    expect(foldForms('１３８－１２\u3000Ａ＠')).toBe('138-12 A@');
    expect(foldForms('国防教育')).toBe('国防教育');
  });

  it('checks the GB 11643 check character, lower-case x included', () => {
    expect(isResidentId(ID_X)).toBe(true);
    expect(isResidentId(ID_X.toLowerCase())).toBe(true);
    expect(isResidentId('440304198512310021')).toBe(false);
  });

  it('answers in one pass over a long text with many @ and digits', () => {
    const text = `${'国防'.repeat(200_000)}@${'1'.repeat(10)}`.repeat(3);
    expect(findPersonalData(text)).toBeNull();
  });
});
