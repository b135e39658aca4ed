// The elements for TypeScript's JSX: attributes as strings, rk-* events typed.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PlanSelectDetail, RkExamPlan, RkProvider } from 'ruankao-elements';

type Element<T, Extra = object> = DetailedHTMLProps<HTMLAttributes<T>, T> & Extra;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'rk-provider': Element<RkProvider, { 'api-base'?: string; lang?: string }>;
      'rk-exam-plan': Element<
        RkExamPlan,
        { level?: string; readonly?: boolean; 'onrk-plan-select'?: (event: CustomEvent<PlanSelectDetail>) => void }
      >;
    }
  }
}
