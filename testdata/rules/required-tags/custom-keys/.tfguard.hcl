rule "required-tags" {
  enabled       = true
  required_tags = ["CostCenter", "Owner"]
}
