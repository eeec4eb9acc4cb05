rule "required-tags" {
  enabled = true
}
