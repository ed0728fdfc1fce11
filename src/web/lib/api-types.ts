// Names for the API shapes the web app passes around, taken from the generated GraphQL operations.
import type {
  AddressFieldsFragment,
  BookingFieldsFragment,
  CourierFieldsFragment,
  FeedbackFieldsFragment,
  MeQuery,
} from '../../generated/graphql';

export type BookingFields = BookingFieldsFragment;
export type AddressFields = AddressFieldsFragment;
export type StatusEventFields = BookingFieldsFragment['history'][number];
export type CourierFields = CourierFieldsFragment;
export type FeedbackFields = FeedbackFieldsFragment;
export type Me = MeQuery['me'];
