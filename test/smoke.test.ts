import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
it('runs in a browser', () => {
  expect(typeof window).to.equal('object');
  expect(z.string().safeParse(1).success).to.equal(false);
});
