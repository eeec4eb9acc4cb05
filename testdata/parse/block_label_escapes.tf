escaped "tab\there" "quote\"inside" "back\\slash" "nl\nx" {
}
unicode "caf\u00e9" "\U0001F600" {
}
