resource "aws_ssm_parameter" "corp" {
  name  = "/app/corp"
  type  = "String"
  value = "corp-token:corp_0123456789abcdef" # expect: hardcoded-secret
}

locals {
  header  = "X-Internal: internal_ABCDEFGH" # expect: hardcoded-secret
  not_one = "corp_0123456789abcdef without its prefix"
}
