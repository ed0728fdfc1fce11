import { describe, expect, it } from 'vitest';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import awsEvent from './fixtures/aws-dynamodb-stream-event.json';
import { buildStreamRecord, canonicalNumber, imagesEqual, itemSizeBytes, type Item } from './stream-record';

const fixture = awsEvent as DynamoDBStreamEvent;

describe('itemSizeBytes', () => {
  it('reproduces the SizeBytes of every record in the AWS example event', () => {
    // Prepare
    const records = fixture.Records.map((r) => r.dynamodb!);

    // Act
    const sizes = records.map(
      (d) => itemSizeBytes(d.Keys as Item) + itemSizeBytes(d.NewImage as Item) + itemSizeBytes(d.OldImage as Item),
    );

    // Assess
    expect(sizes).toEqual(records.map((d) => d.SizeBytes));
  });
});

describe('canonicalNumber', () => {
  it.each([
    ['1.50', '1.5'],
    ['001', '1'],
    ['-0.0100', '-0.01'],
    ['1e3', '1000'],
    ['1.25E-2', '0.0125'],
    ['0', '0'],
    ['-0', '0'],
    ['.5', '0.5'],
    ['12345678901234567890123456789012345678', '12345678901234567890123456789012345678'],
  ])('spells %s as DynamoDB stores it: %s', (input, expected) => {
    // Act
    const result = canonicalNumber(input);

    // Assess
    expect(result).toBe(expected);
  });
});

describe('buildStreamRecord', () => {
  const base = { region: 'eu-west-1', table: 'T', label: '2024-01-01T00:00:00.000', keys: { id: { S: 'a' } } };

  it('emits nothing when the new image equals the old one up to attribute order, set order and number spelling', () => {
    // Prepare
    const oldImage: Item = { id: { S: 'a' }, n: { N: '1.0' }, tags: { SS: ['x', 'y'] } };
    const newImage: Item = { tags: { SS: ['y', 'x'] }, n: { N: '1' }, id: { S: 'a' } };

    // Act
    const record = buildStreamRecord({ ...base, oldImage, newImage });

    // Assess
    expect(imagesEqual(oldImage, newImage)).toBe(true);
    expect(record).toBeUndefined();
  });

  it('names the event by the images and gives increasing sequence numbers', () => {
    // Prepare
    const a: Item = { id: { S: 'a' }, v: { N: '1' } };
    const b: Item = { id: { S: 'a' }, v: { N: '2' } };

    // Act
    const records = [
      buildStreamRecord({ ...base, newImage: a }),
      buildStreamRecord({ ...base, oldImage: a, newImage: b }),
      buildStreamRecord({ ...base, oldImage: b }),
    ];

    // Assess
    expect(records.map((r) => r?.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const sequence = records.map((r) => BigInt(r!.dynamodb!.SequenceNumber!));
    expect(sequence[0]! < sequence[1]! && sequence[1]! < sequence[2]!).toBe(true);
    expect(records[0]!.eventSourceARN).toBe(
      'arn:aws:dynamodb:eu-west-1:000000000000:table/T/stream/2024-01-01T00:00:00.000',
    );
    expect(records[0]!.eventID).toMatch(/^[0-9a-f]{32}$/);
  });
});
