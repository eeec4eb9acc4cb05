rule "hardcoded-secret" {
  # The first group is the secret; an invalid pattern is reported (without a
  # place) and ignored.
  secret_patterns = ["corp-token:(corp_[a-z0-9]{16})", "internal_[A-Z]{8}", "("]
}
