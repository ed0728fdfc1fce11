// The bot's en_US prompts, confirmations and error messages: what callers hear, editable by admins.
// {name} placeholders are filled by the dialog; {reference} is spoken spelled and grouped.

export const PROMPTS_EN_US = {
  welcome: 'Thanks for calling. You can book a courier, track a parcel, or give feedback. How can I help?',
  help: 'I can book a courier to collect and deliver a parcel, tell you where a parcel is, or take your feedback on a delivery. You can also ask for an agent at any time. What would you like to do?',
  helpDuringStep: 'I need this to continue. {question} Or say agent to talk to a person.',
  anythingElse: 'Is there anything else I can help you with?',
  goodbye: 'Thank you for calling. Goodbye!',
  transferToAgent: 'Let me put you through to one of our team. Please hold.',
  fallback: "Sorry, I didn't catch that. You can book a courier, track a parcel, or give feedback.",
  fallbackTransfer: "I'm sorry, I'm having trouble understanding. Let me put you through to one of our team.",
  didNotCatch: "Sorry, I didn't catch that.",
  userErrorRetry: "Sorry, that didn't work. Let's try that again.",
  fault: "I'm sorry, something went wrong on our side. Let me put you through to one of our team.",

  askPickupAddress: 'Where should the courier collect the parcel? Please say the street address and the postcode.',
  askDeliveryAddress: 'And where should it be delivered? Please say the street address and the postcode.',
  addressNotFound: "I couldn't find {address}. Please say the street and postcode again.",
  addressUnknownPostcode: "{postcode} isn't a postcode we serve. Please say the street and postcode again.",
  addressOutsideArea: 'We only collect and deliver in Seattle. Please give a Seattle street and postcode.',
  addressAmbiguous: 'Did you mean {options}? You can say the first or the second, or give the postcode.',
  askPackageSize: 'How big is the parcel: small, medium, large, or oversized?',
  askPackageWeight: 'About how much does it weigh, in kilograms?',
  packageTooHeavy: "{weight} kilograms is too heavy for a {size} parcel. Let's try again. How big is the parcel?",
  askSpecialHandling:
    'Does it need special handling, like fragile, perishable, keep upright or signature required? Or say none.',
  askPickupDay: 'Which day should we collect it?',
  askPickupTime: 'What time suits you: as soon as possible, morning, midday, afternoon, or evening?',
  pickupTimePassed: 'That time has already passed today. Please choose a later time or another day.',
  pickupTooFarAhead: 'We take bookings up to 30 days ahead. Which day should we collect it?',
  askCustomerName: 'And what name should the courier ask for?',
  askCallbackNumber: "What's the best phone number to reach you on?",
  invalidCallbackNumber: "That number doesn't look right. Please say the phone number with the area code.",
  confirmBooking:
    'Let me check: collect from {pickup}, deliver to {delivery}, a {size} parcel of {weight} kilograms{handling}, picked up {window}, for {name}. Shall I book it?',
  confirmBookingFallback: 'Shall I book this courier?',
  askFieldToChange:
    'What would you like to change: the pickup address, the delivery address, the parcel, the pickup time, or the name?',
  bookingConfirmed: 'Your courier is booked. Your booking reference is {reference}. Would you like me to repeat it?',
  bookingCancelled: "OK, I haven't booked anything.",
  repeatReference: 'Your reference is {reference}.',
  noReferenceToRepeat: "I haven't given you a reference on this call yet.",

  askTrackingReference: 'Please tell me your booking reference. It has seven letters and numbers, like K7M 4XR 7.',
  invalidReference: "That reference doesn't look right. {problem} Please say it again.",
  offerAgentAfterFailures: "I'm still not able to read that reference. Would you like to speak to an agent?",
  referenceNotFound:
    "I couldn't find a booking with reference {reference}. Our customer service team can look into it; let me put you through.",
  trackingStatus: 'Your parcel {reference} is {status}.',
  trackingLocation: 'It was last seen near {place}.',
  trackingEta: "It's expected {eta}.",
  trackingDelivered: 'It was delivered {when}.',
  offerCourierContact: "Would you like your courier's phone number?",
  courierContact: 'Your courier is {name}, on {phone}.',
  courierContactUnavailable: "I'm sorry, I don't have a contact number for your courier.",

  askFeedbackReference: 'Which delivery is this about? Please tell me the booking reference.',
  feedbackNotYet: 'Feedback opens once a parcel is delivered.',
  askFeedbackType: 'Would you like to give feedback, or make a complaint?',
  askRating: 'On a scale of one to five, how would you rate the delivery?',
  askComplaintCategory:
    "I'm sorry to hear that. Is it about a late delivery, a damaged parcel, a lost parcel, the courier, a wrong address, billing, or something else?",
  askSeverity: 'How serious is it: low, medium, or high?',
  askFeedbackComment: 'Please tell me in a few words what happened.',
  feedbackThanks: 'Thank you for your feedback. Your feedback reference is {reference}.',
  complaintFlagged: "I've flagged this for immediate attention by our team.",
};
