/// Payment's replies to the order service travel as envelopes of their own one-message family.
extension PaymentResult: SingleMessageFamily {}
